package dev.pipeliner.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the user which {@code pipeliner.*} properties to set, instead of a stack trace.
 */
class MissingPipelinerPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<MissingPipelinerPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingPipelinerPropertiesException cause) {
		String missing = String.join(", ", cause.getProperties());
		String description = "The Pipeliner client could not be configured: " + cause.getMessage() + ".";
		String action = "Set " + missing + " (for example in application.yml, or as environment variables such as"
				+ " PIPELINER_API_TOKEN and PIPELINER_API_PASSWORD), or remove pipeliner.url if this application"
				+ " should not have a Pipeliner client.";
		return new FailureAnalysis(description, action, cause);
	}

}
