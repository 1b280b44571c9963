package dev.pipeliner.client.internal.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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

	/** @return a whole number that fits an {@code int}, written as a number or as its text; else {@code null} */
	public static @Nullable Integer integer(@Nullable JsonNode value) {
		if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		if (value != null && value.isString()) {
			try {
				return Integer.valueOf(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
