package dev.pipeliner.client.internal.v1;

import dev.pipeliner.client.error.ServerError;
import dev.pipeliner.client.internal.http.Transport;
import dev.pipeliner.client.internal.http.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what an error answer of the v1 API says. The body may be
 * {@code {"errorcode":n,"message":"…"}}, a bare JSON string, an HTML page or plain text from a
 * proxy, or nothing; none of them leads to a decoding failure. Not part of the public API.
 */
final class V1Errors implements Transport.ErrorDecoder {

	private static final int MAX_PLAIN_MESSAGE = 500;

	@Override
	public ServerError read(int status, String body) {
		Integer code = null;
		String message = null;
		String text = body.trim();
		if (text.startsWith("{") || text.startsWith("\"")) {
			try {
				JsonNode json = WireJson.MAPPER.readTree(text);
				if (json.isString()) {
					message = json.stringValue();
				}
				else {
					code = errorCode(json);
					message = firstText(json, "message", "errormessage", "error");
				}
			}
			catch (JacksonException ex) {
				// not JSON after all: treated as text below
			}
		}
		if (message == null && code == null && !text.isEmpty() && !text.startsWith("<")
				&& text.length() <= MAX_PLAIN_MESSAGE) {
			message = text;
		}
		return ServerError.of(code, message);
	}

	/** The error code of a v1 error object, a number or its text; shared with the batch answers. */
	static @Nullable Integer errorCode(JsonNode json) {
		for (String name : new String[] { "errorcode", "errorCode", "code" }) {
			Integer code = WireJson.integer(json.get(name));
			if (code != null) {
				return code;
			}
		}
		return null;
	}

	private static @Nullable String firstText(JsonNode json, String... names) {
		for (String name : names) {
			JsonNode value = json.get(name);
			if (value != null && value.isValueNode() && !value.isNull()) {
				return value.asString();
			}
		}
		return null;
	}

}
