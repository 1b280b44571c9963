package dev.pipeliner.autoconfigure;

/**
 * A {@code pipeliner.*} property still holds a {@code ${…}} placeholder after binding, because
 * nothing defines the variable it names: an unset environment variable, typically. Reported at
 * startup by {@link UnresolvedPipelinerPlaceholderFailureAnalyzer}, so that the literal text never
 * becomes a URL or credentials.
 */
public class UnresolvedPipelinerPlaceholderException extends RuntimeException {

	private final String property;

	private final String variable;

	/**
	 * @param property the property, such as {@code pipeliner.api-token}
	 * @param variable the name in the placeholder, such as {@code PIPELINER_API_TOKEN}
	 */
	public UnresolvedPipelinerPlaceholderException(String property, String variable) {
		super(property + " is ${" + variable + "}, but nothing defines " + variable);
		this.property = property;
		this.variable = variable;
	}

	/** @return the property that holds the placeholder, such as {@code pipeliner.api-token} */
	public String getProperty() {
		return this.property;
	}

	/** @return the name in the placeholder, such as {@code PIPELINER_API_TOKEN} */
	public String getVariable() {
		return this.variable;
	}

}
