package dev.pipeliner.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Names the property that still holds a {@code ${…}} placeholder and the variable to define.
 */
class UnresolvedPipelinerPlaceholderFailureAnalyzer
		extends AbstractFailureAnalyzer<UnresolvedPipelinerPlaceholderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnresolvedPipelinerPlaceholderException cause) {
		String description = "The Pipeliner client could not be configured: " + cause.getProperty() + " is set to ${"
				+ cause.getVariable() + "}, and nothing defines " + cause.getVariable() + ".";
		String action = "Set the environment variable (or system property) " + cause.getVariable()
				+ " before starting the application, or give " + cause.getProperty() + " a value of its own.";
		return new FailureAnalysis(description, action, cause);
	}

}
