package dev.pipeliner.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What stands between the application and working Pipeliner clients, all of it at once: missing
 * properties, placeholders left unresolved, a protocol that does not match its data center, or,
 * with {@code pipeliner.verify-on-startup}, the clients whose first call failed. Reported at
 * startup by {@link PipelinerConfigurationFailureAnalyzer}, one numbered item per problem, so that
 * one restart fixes them all. No problem quotes a credential.
 */
public class PipelinerConfigurationException extends RuntimeException {

	private final String summary;

	private final List<Problem> problems;

	/**
	 * @param summary what went wrong as a whole, such as {@code The Pipeliner clients could not be
	 * configured}
	 * @param problems each thing to fix, at least one
	 */
	public PipelinerConfigurationException(String summary, List<Problem> problems) {
		super(summary + ": " + problems.stream().map(Problem::description).collect(Collectors.joining("; ")));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("problems must not be empty");
		}
		this.summary = summary;
		this.problems = List.copyOf(problems);
	}

	/** @return what went wrong as a whole */
	public String getSummary() {
		return this.summary;
	}

	/** @return each thing to fix, in the order of the clients and their properties */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One thing to fix.
	 *
	 * @param properties the properties it concerns, such as {@code pipeliner.api-token}; none
	 * when it concerns a bean
	 * @param description what is wrong
	 * @param action what to do about it
	 */
	public record Problem(List<String> properties, String description, String action) {

		public Problem {
			properties = List.copyOf(properties);
		}

	}

}
