package dev.pipeliner.autoconfigure;

import java.util.List;

/**
 * A client is configured ({@code pipeliner.url}, or {@code pipeliner.clients.<name>}), but
 * properties it cannot work without are not. Reported at startup by
 * {@link MissingPipelinerPropertiesFailureAnalyzer}.
 */
public class MissingPipelinerPropertiesException extends RuntimeException {

	private final String configured;

	private final List<String> properties;

	/**
	 * @param configured what is set, such as {@code pipeliner.url}
	 * @param properties the names of the missing properties
	 */
	public MissingPipelinerPropertiesException(String configured, List<String> properties) {
		super(configured + " is set, but " + String.join(", ", properties) + " "
				+ ((properties.size() == 1) ? "is" : "are") + " not");
		this.configured = configured;
		this.properties = List.copyOf(properties);
	}

	/** @return what is set, such as {@code pipeliner.url} or {@code pipeliner.clients.us} */
	public String getConfigured() {
		return this.configured;
	}

	/** @return the names of the missing properties, such as {@code pipeliner.api-token} */
	public List<String> getProperties() {
		return this.properties;
	}

}
