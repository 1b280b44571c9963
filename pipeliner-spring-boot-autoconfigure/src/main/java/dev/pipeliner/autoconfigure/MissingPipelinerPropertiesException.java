package dev.pipeliner.autoconfigure;

import java.util.List;

/**
 * {@code pipeliner.url} is set, but properties the client cannot work without are not. Reported
 * at startup by {@link MissingPipelinerPropertiesFailureAnalyzer}.
 */
public class MissingPipelinerPropertiesException extends RuntimeException {

	private final List<String> properties;

	public MissingPipelinerPropertiesException(List<String> properties) {
		super("pipeliner.url is set, but " + String.join(", ", properties) + " " + ((properties.size() == 1) ? "is" : "are")
				+ " not");
		this.properties = List.copyOf(properties);
	}

	/** @return the names of the missing properties, such as {@code pipeliner.api-token} */
	public List<String> getProperties() {
		return this.properties;
	}

}
