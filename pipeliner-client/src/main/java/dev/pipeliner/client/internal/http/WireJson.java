package dev.pipeliner.client.internal.http;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper that reads and writes the wire format itself. It is the client's own, so that no
 * setting of an application's mapper can change how answers are decoded. Numbers with a fraction
 * are read as {@link java.math.BigDecimal}, digit for digit, never through a {@code double}.
 * Not part of the public API.
 */
public final class WireJson {

	/** Tolerant of fields it does not know. */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private WireJson() {
	}

}
