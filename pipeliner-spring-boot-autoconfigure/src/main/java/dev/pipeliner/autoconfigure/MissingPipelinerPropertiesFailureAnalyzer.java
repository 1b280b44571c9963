package dev.pipeliner.autoconfigure;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the user which {@code pipeliner.*} properties to set, and their environment variables,
 * instead of a stack trace.
 */
class MissingPipelinerPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<MissingPipelinerPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingPipelinerPropertiesException cause) {
		String missing = String.join(", ", cause.getProperties());
		String variables = cause.getProperties()
			.stream()
			.map(MissingPipelinerPropertiesFailureAnalyzer::environmentVariable)
			.collect(Collectors.joining(", "));
		String description = "The Pipeliner client could not be configured: " + cause.getMessage() + ".";
		String action = "Set " + missing + " (for example in application.yml, or as the environment variables "
				+ variables + "), or remove " + cause.getConfigured() + " if this application should not have"
				+ " that Pipeliner client.";
		return new FailureAnalysis(description, action, cause);
	}

	/** {@code pipeliner.clients.us.api-token} is {@code PIPELINER_CLIENTS_US_API_TOKEN}. */
	static String environmentVariable(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
