package dev.pipeliner.client.internal.v100;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Turns an error answer of the v100 API into the exception for its status. Two shapes come:
 * the API's own, {@code {"code":117,"name":"…","message":"…","http_status":400,"success":false}},
 * which a 422 extends with {@code field_errors}, and the framework's for an unknown URL,
 * {@code {"status":404,"message":"…","errorcode":null,"traceback":null}}. A body of neither
 * shape (a proxy's HTML page, say) still gives the exception for the status. Not part of the
 * public API.
 */
final class V100Errors implements Transport.ErrorDecoder {

	private static final int MAX_PLAIN_MESSAGE = 500;

	@Override
	public PipelinerApiException decode(int status, String body, @Nullable Duration wait, HttpMethod method, URI uri) {
		JsonNode json = parse(body);
		Integer code = null;
		String message = null;
		Map<String, List<String>> fieldErrors = Map.of();
		if (json != null && json.isObject()) {
			code = integer(json.get("code"));
			if (code == null) {
				code = integer(json.get("errorcode"));
			}
			message = text(json.get("message"));
			String name = text(json.get("name"));
			if (name != null) {
				message = (message != null) ? name + ": " + message.strip() : name;
			}
			fieldErrors = fieldErrors(json.get("field_errors"));
		}
		else if (!body.isBlank() && !body.strip().startsWith("<") && body.length() <= MAX_PLAIN_MESSAGE) {
			message = body.strip();
		}
		return ApiExceptions.of(status, code, message, fieldErrors, wait, method, uri);
	}

	/** {@code field_errors}: field name to the messages of its errors. */
	static Map<String, List<String>> fieldErrors(JsonNode errors) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (errors != null && errors.isArray()) {
			for (JsonNode field : errors) {
				String name = text(field.get("field_name"));
				if (name == null) {
					name = text(field.get("field_id"));
				}
				List<String> messages = new ArrayList<>();
				JsonNode nested = field.get("errors");
				if (nested != null && nested.isArray()) {
					nested.forEach((error) -> {
						String message = text(error.get("message"));
						if (message != null) {
							messages.add(message);
						}
					});
				}
				if (messages.isEmpty() && text(field.get("message")) != null) {
					messages.add(text(field.get("message")));
				}
				fields.computeIfAbsent((name != null) ? name : "?", (key) -> new ArrayList<>()).addAll(messages);
			}
		}
		return fields;
	}

	private static @Nullable JsonNode parse(String body) {
		String text = body.strip();
		if (!text.startsWith("{")) {
			return null;
		}
		try {
			return WireJson.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static @Nullable Integer integer(@Nullable JsonNode value) {
		return (value != null && value.isIntegralNumber()) ? value.intValue() : null;
	}

	static @Nullable String text(@Nullable JsonNode value) {
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

}
