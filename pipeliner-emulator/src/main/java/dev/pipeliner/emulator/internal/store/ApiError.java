package dev.pipeliner.emulator.internal.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error answer: an HTTP status, a code and a message, thrown by the store's checks and by both
 * protocols. The codes are the v1 API's, which answers {@code {"errorcode":n,"message":"…"}} and
 * lists every code used at {@code GET /errorCodes}; v100 answers them in its own shapes.
 */
public final class ApiError extends RuntimeException {

	public static final int UNKNOWN = -1;

	public static final int AUTHENTICATION = 1001;

	public static final int UNKNOWN_ENTITY = 1002;

	public static final int NOT_FOUND = 1003;

	public static final int MALFORMED_BODY = 1004;

	public static final int INVALID_QUERY = 1005;

	public static final int BODY_TOO_LARGE = 1006;

	public static final int METHOD_NOT_ALLOWED = 1007;

	public static final int UNKNOWN_ENDPOINT = 1008;

	public static final int UNKNOWN_TEAM_PIPELINE = 1009;

	public static final int REQUIRED_FIELD = 1010;

	public static final int INVALID_VALUE = 1011;

	public static final int TOO_LONG = 1012;

	public static final int OUT_OF_RANGE = 1013;

	public static final int UNKNOWN_FIELD = 1014;

	public static final int READ_ONLY = 1015;

	public static final int INVALID_CHOICE = 1016;

	/** Every error code and its general message, as {@code GET /errorCodes} answers. */
	public static final Map<Integer, String> CODES;

	static {
		Map<Integer, String> codes = new LinkedHashMap<>();
		codes.put(UNKNOWN, "Unknown error");
		codes.put(AUTHENTICATION, "Authentication failed");
		codes.put(UNKNOWN_ENTITY, "Unknown entity or collection");
		codes.put(NOT_FOUND, "Entity not found");
		codes.put(MALFORMED_BODY, "Malformed request body");
		codes.put(INVALID_QUERY, "Invalid query parameter");
		codes.put(BODY_TOO_LARGE, "Request body too large");
		codes.put(METHOD_NOT_ALLOWED, "Method not allowed");
		codes.put(UNKNOWN_ENDPOINT, "Unknown endpoint");
		codes.put(UNKNOWN_TEAM_PIPELINE, "Unknown team pipeline");
		codes.put(REQUIRED_FIELD, "Required field is missing");
		codes.put(INVALID_VALUE, "Invalid field value");
		codes.put(TOO_LONG, "Value is too long");
		codes.put(OUT_OF_RANGE, "Value is out of range");
		codes.put(UNKNOWN_FIELD, "Unknown field");
		codes.put(READ_ONLY, "Field is read-only");
		codes.put(INVALID_CHOICE, "Value is not one of the field's choices");
		CODES = Collections.unmodifiableMap(codes);
	}

	private final int status;

	private final int code;

	private final @Nullable String field;

	public ApiError(int status, int code, String message) {
		this(status, code, message, null);
	}

	private ApiError(int status, int code, String message, @Nullable String field) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.field = field;
	}

	/** @return a 422 about one field of the entity written */
	public static ApiError invalidField(String field, int code, String message) {
		return new ApiError(422, code, message, field);
	}

	public static ApiError badRequest(int code, String message) {
		return new ApiError(400, code, message);
	}

	public static ApiError invalid(int code, String message) {
		return new ApiError(422, code, message);
	}

	public static ApiError notFound(int code, String message) {
		return new ApiError(404, code, message);
	}

	public int status() {
		return this.status;
	}

	public int code() {
		return this.code;
	}

	/** @return the field a validation error is about, or {@code null} */
	public @Nullable String field() {
		return this.field;
	}

}
