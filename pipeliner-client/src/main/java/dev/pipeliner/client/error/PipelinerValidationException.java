package dev.pipeliner.client.error;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server rejected the request as invalid (an HTTP 4xx other than 401, 403, 404 and 429): a
 * missing required field, a value of the wrong type, an unknown field, and the like.
 * {@link #getErrorCode()}, {@link #getServerMessage()} and, where the server named them,
 * {@link #getFieldErrors()} say what.
 */
public class PipelinerValidationException extends PipelinerApiException {

	private final Map<String, List<String>> fieldErrors;

	public PipelinerValidationException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		this(status, errorCode, serverMessage, Map.of(), method, uri);
	}

	public PipelinerValidationException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			Map<String, List<String>> fieldErrors, HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/**
	 * @return the messages of each field the server found invalid, by field name (the v100 API's
	 * {@code field_errors}); empty when the server named none
	 */
	public Map<String, List<String>> getFieldErrors() {
		return this.fieldErrors;
	}

}
