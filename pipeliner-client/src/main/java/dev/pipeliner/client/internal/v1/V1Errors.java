package dev.pipeliner.client.internal.v1;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.internal.http.ApiExceptions;
import dev.pipeliner.client.internal.http.Transport;
import dev.pipeliner.client.internal.http.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * Turns an error answer of the v1 API into the exception for its status. The body may be
 * {@code {"errorcode":n,"message":"…"}}, a bare JSON string, an HTML page or plain text from a
 * proxy, or nothing; none of them leads to a decoding failure. Not part of the public API.
 */
final class V1Errors implements Transport.ErrorDecoder {

	private static final int MAX_PLAIN_MESSAGE = 500;

	@Override
	public PipelinerApiException decode(int status, String body, @Nullable Duration wait, HttpMethod method, URI uri) {
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
		return ApiExceptions.of(status, code, message, Map.of(), wait, method, uri);
	}

	private static @Nullable Integer errorCode(JsonNode json) {
		for (String name : new String[] { "errorcode", "errorCode", "code" }) {
			JsonNode value = json.get(name);
			if (value != null && value.isIntegralNumber()) {
				return value.intValue();
			}
			if (value != null && value.isString()) {
				try {
					return Integer.valueOf(value.stringValue().trim());
				}
				catch (NumberFormatException ex) {
					// not a number: ignored
				}
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
