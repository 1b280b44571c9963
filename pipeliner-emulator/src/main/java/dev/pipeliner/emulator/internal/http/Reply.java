package dev.pipeliner.emulator.internal.http;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the emulator answers: a status, headers, and either one JSON value or a JSON array of
 * entities that is written out in chunks, between a head and a tail.
 *
 * @param status the HTTP status
 * @param headers extra headers
 * @param body a JSON value, or {@code null} for an empty body
 * @param items entities to write as a JSON array, or {@code null}
 * @param head the text before the items: {@code [}, or an envelope that opens the array
 * @param tail the text after the items
 */
public record Reply(int status, Map<String, String> headers, @Nullable JsonNode body,
		@Nullable List<? extends JsonNode> items, String head, String tail) {

	public Reply(int status, Map<String, String> headers, @Nullable JsonNode body,
			@Nullable List<? extends JsonNode> items) {
		this(status, headers, body, items, "[", "]");
	}

	public static Reply json(JsonNode body) {
		return new Reply(200, Map.of(), body, null);
	}

	public static Reply empty(int status, Map<String, String> headers) {
		return new Reply(status, headers, null, null);
	}

	public static Reply array(List<? extends JsonNode> items, Map<String, String> headers) {
		return new Reply(200, headers, null, items);
	}

}
