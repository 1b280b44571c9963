package dev.pipeliner.client.internal.v100;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.error.ServerError;
import dev.pipeliner.client.internal.http.Transport;
import dev.pipeliner.client.internal.http.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what an error of the v100 API says. Two shapes come: the API's own,
 * {@code {"code":117,"name":"…","message":"…","http_status":400,"success":false}}, which a 422
 * extends with {@code entity_errors}, {@code field_errors} and, in a batch, {@code entity_index},
 * and the framework's for an unknown URL,
 * {@code {"status":404,"message":"…","errorcode":null,"traceback":null}}. {@code field_errors}
 * is read as the documented list of objects and as a map of field to messages; a code may be a
 * number or its text. A body of neither shape (a proxy's HTML page, say) says nothing, or its
 * text when it is short. The same shape comes in answers {@code 200} with {@code success: false}
 * and as the error of one item of a batch. Not part of the public API.
 */
final class V100Errors implements Transport.ErrorDecoder {

	private static final int MAX_PLAIN_MESSAGE = 500;

	@Override
	public ServerError read(int status, String body) {
		JsonNode json = parse(body);
		if (json != null && json.isObject()) {
			return read(json);
		}
		if (!body.isBlank() && !body.strip().startsWith("<") && body.length() <= MAX_PLAIN_MESSAGE) {
			return ServerError.of(null, body.strip());
		}
		return ServerError.NONE;
	}

	/** @return what an error object says */
	static ServerError read(JsonNode error) {
		Integer code = integer(error.get("code"));
		if (code == null) {
			code = integer(error.get("errorcode"));
		}
		String message = text(error.get("message"));
		return new ServerError(code, text(error.get("name")), (message != null) ? message.strip() : null,
				fieldErrors(error.get("field_errors")), messages(error.get("entity_errors")),
				integer(error.get("entity_index")));
	}

	/**
	 * @return whether a JSON object has the shape of an error: {@code success: false}, a code that
	 * is a number (or its text) with a message, v1's {@code errorcode}, or a message or code
	 * without an id. An entity has an id, and its fields (a
	 * {@code name}, a product's {@code code}) do not make it an error.
	 */
	static boolean isError(JsonNode item) {
		if (!item.isObject()) {
			return false;
		}
		JsonNode success = item.get("success");
		if (success != null && success.isBoolean()) {
			return !success.booleanValue();
		}
		boolean message = text(item.get("message")) != null;
		if (integer(item.get("errorcode")) != null || (integer(item.get("code")) != null && message)) {
			return true;
		}
		String id = text(item.get("id"));
		return (id == null || id.isBlank()) && (message || item.has("code") || item.has("errorcode"));
	}

	/** {@code field_errors}: field name to the messages of its errors, from a list of objects or a map. */
	private static Map<String, List<String>> fieldErrors(@Nullable JsonNode errors) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (errors != null && errors.isArray()) {
			for (JsonNode field : errors) {
				String name = text(field.get("field_name"));
				if (name == null) {
					name = text(field.get("field_id"));
				}
				List<String> messages = messages(field.get("errors"));
				if (messages.isEmpty() && text(field.get("message")) != null) {
					messages = List.of(text(field.get("message")));
				}
				fields.computeIfAbsent((name != null) ? name : "?", (key) -> new ArrayList<>()).addAll(messages);
			}
		}
		else if (errors != null && errors.isObject()) {
			errors.properties().forEach((field) -> fields.put(field.getKey(), messages(field.getValue())));
		}
		return fields;
	}

	/** The messages of a list of errors (objects with a {@code message}, or texts), or of one. */
	private static List<String> messages(@Nullable JsonNode errors) {
		List<String> messages = new ArrayList<>();
		if (errors == null || errors.isNull()) {
			return messages;
		}
		for (JsonNode error : errors.isArray() ? errors : List.of(errors)) {
			String message = error.isObject() ? text(error.get("message")) : text(error);
			if (message != null && !message.isBlank()) {
				messages.add(message.strip());
			}
		}
		return messages;
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

	/** A whole number, or its text. */
	static @Nullable Integer integer(@Nullable JsonNode value) {
		return WireJson.integer(value);
	}

	static @Nullable String text(@Nullable JsonNode value) {
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

}
