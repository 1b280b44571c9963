package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.ApiError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The error bodies of the Cloud API v100, made from the emulator's {@link ApiError}s:
 * <ul>
 * <li>the usual shape {@code {"code","name","message","http_status","success":false}};
 * <li>a validation error (422, code 40000 {@code ERROR_ENTITY_VALIDATION}) adds
 * {@code entity_id}, {@code entity_name}, {@code entity_errors}, {@code field_errors} (one per
 * field, with all of its errors: 119 {@code ERROR_PARAMETER_MISSING} or 117
 * {@code ERROR_PARAMETER_INVALID}), {@code step_checklist_errors} and {@code entity_index};
 * <li>an error about one item of a batch has {@code entity_index}, its position in the request;
 * <li>an unknown URL or a wrong method gets the framework's shape
 * {@code {"status","message","errorcode":null,"traceback":null}}.
 * </ul>
 * The codes 117, 119, 2006, 40000 and 40002 are the service's. The service's codes for a failed
 * login, a missing entity and a server error are not documented; the emulator uses 401, 404 and
 * 500 with the names below, so a client should rely on {@code http_status} and {@code name}.
 */
final class V100Errors {

	static final int PARAMETER_INVALID = 117;

	static final int PARAMETER_MISSING = 119;

	static final int UNKNOWN_TYPE = 2006;

	static final int ENTITY_VALIDATION = 40000;

	static final int FIELD_VALIDATION = 40002;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private V100Errors() {
	}

	/** @return an answer with the error's status and the v100 shape for it */
	static Reply reply(ApiError error, @Nullable Integer index, Map<String, String> headers) {
		if (error.code() == ApiError.UNKNOWN_ENDPOINT || error.code() == ApiError.METHOD_NOT_ALLOWED) {
			return new Reply(error.status(), headers, framework(error), null);
		}
		return new Reply(error.status(), headers, body(error, index), null);
	}

	/** @return the usual shape; an error about one item of a batch also has its {@code entity_index} */
	static ObjectNode body(ApiError error, @Nullable Integer index) {
		ObjectNode body = NODES.objectNode();
		body.put("code", code(error));
		body.put("name", name(error));
		body.put("message", error.getMessage());
		if (index != null) {
			body.put("entity_index", index);
		}
		body.put("http_status", error.status());
		body.put("success", false);
		return body;
	}

	/** @return a {@code 422} answer naming every field error of the entity written */
	static Reply reply(V100Invalid error, String entityName, @Nullable Integer index) {
		return new Reply(422, Map.of(), body(error, entityName, index), null);
	}

	/**
	 * @return the validation shape: code 40000 {@code ERROR_ENTITY_VALIDATION}, a message with
	 * every problem on a line of its own, and a {@code field_errors} item per field with all its errors
	 */
	static ObjectNode body(V100Invalid error, String entityName, @Nullable Integer index) {
		ObjectNode body = NODES.objectNode();
		body.put("code", ENTITY_VALIDATION);
		body.put("name", "ERROR_ENTITY_VALIDATION");
		StringBuilder message = new StringBuilder();
		error.problems().forEach((problem) -> message.append('\n').append(problem.message()));
		body.put("message", message.toString());
		body.put("entity_id", error.entityId());
		body.put("entity_name", entityName);
		body.putArray("entity_errors");
		ArrayNode fields = body.putArray("field_errors");
		Map<String, ArrayNode> byField = new LinkedHashMap<>();
		for (V100Invalid.Problem problem : error.problems()) {
			String fieldId = fieldId(entityName, problem.field());
			ArrayNode errors = byField.computeIfAbsent(problem.field(), (field) -> {
				ObjectNode item = fields.addObject();
				item.put("field_id", fieldId).put("field_name", field).put("name", "ERROR_FIELD_VALIDATION")
					.put("code", FIELD_VALIDATION);
				return item.putArray("errors");
			});
			errors.addObject()
				.put("code", problem.missing() ? PARAMETER_MISSING : PARAMETER_INVALID)
				.put("name", problem.missing() ? "ERROR_PARAMETER_MISSING" : "ERROR_PARAMETER_INVALID")
				.put("message", problem.message())
				.put("field_id", fieldId)
				.put("field_name", problem.field());
		}
		body.putArray("step_checklist_errors");
		if (index != null) {
			body.put("entity_index", index);
		}
		else {
			body.putNull("entity_index");
		}
		body.put("http_status", 422);
		body.put("success", false);
		return body;
	}

	/** @return the id of a field in {@code GET /entities/Fields}, the same on every start */
	static String fieldId(String entityName, String apiName) {
		return UUID.nameUUIDFromBytes(("field:" + entityName + "." + apiName).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static ObjectNode framework(ApiError error) {
		ObjectNode body = NODES.objectNode();
		body.put("status", error.status());
		body.put("message", (error.status() == 404)
				? "The requested URL was not found on the server. If you entered the URL manually please check your"
						+ " spelling and try again."
				: error.getMessage());
		body.putNull("errorcode");
		body.putNull("traceback");
		return body;
	}

	private static int code(ApiError error) {
		return switch (error.code()) {
			case ApiError.UNKNOWN_ENTITY -> UNKNOWN_TYPE;
			case ApiError.MALFORMED_BODY, ApiError.INVALID_QUERY, ApiError.INVALID_VALUE, ApiError.BODY_TOO_LARGE ->
				PARAMETER_INVALID;
			default -> error.status();
		};
	}

	private static String name(ApiError error) {
		return switch (error.code()) {
			case ApiError.UNKNOWN_ENTITY -> "ERROR_UNKNOWN_TYPE";
			case ApiError.MALFORMED_BODY, ApiError.INVALID_QUERY, ApiError.INVALID_VALUE, ApiError.BODY_TOO_LARGE ->
				"ERROR_PARAMETER_INVALID";
			case ApiError.AUTHENTICATION -> "ERROR_AUTHENTICATION";
			case ApiError.NOT_FOUND, ApiError.UNKNOWN_TEAM_PIPELINE -> "ERROR_NOT_FOUND";
			default -> "ERROR_UNKNOWN";
		};
	}

}
