package dev.pipeliner.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Lists every problem of a {@link PipelinerConfigurationException}, numbered, with what to do
 * about each under the same number, instead of a stack trace.
 */
class PipelinerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PipelinerConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PipelinerConfigurationException cause) {
		List<PipelinerConfigurationException.Problem> problems = cause.getProblems();
		StringBuilder description = new StringBuilder(cause.getSummary()).append(':');
		StringBuilder action = new StringBuilder();
		for (int i = 0; i < problems.size(); i++) {
			String number = (problems.size() == 1) ? "" : (i + 1) + ". ";
			description.append(System.lineSeparator()).append("  ").append(number).append(problems.get(i).description());
			if (i > 0) {
				action.append(System.lineSeparator());
			}
			action.append("  ").append(number).append(problems.get(i).action());
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
