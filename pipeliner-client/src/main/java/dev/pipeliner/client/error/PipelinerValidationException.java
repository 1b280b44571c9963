package dev.pipeliner.client.error;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server rejected the request as invalid (an HTTP 4xx other than 401, 403, 404 and 429): a
 * missing required field, a value of the wrong type, an unknown field, a duplicate, and the like.
 * {@link #getErrorCode()}, {@link #getServerMessage()} and, where the server named them,
 * {@link #getFieldErrors()} and {@link #getEntityErrors()} say what; {@link #getEntityIndex()}
 * says which item of an all-or-nothing batch failed.
 */
public class PipelinerValidationException extends PipelinerApiException {

	public PipelinerValidationException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		this(status, errorCode, serverMessage, Map.of(), method, uri);
	}

	public PipelinerValidationException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			Map<String, List<String>> fieldErrors, HttpMethod method, URI uri) {
		this(status, new ServerError(errorCode, null, serverMessage, fieldErrors, List.of(), null), method, uri, null,
				null);
	}

	/** See {@link PipelinerApiException#PipelinerApiException(int, ServerError, HttpMethod, URI, java.time.Duration, String, String)}. */
	public PipelinerValidationException(int status, ServerError error, HttpMethod method, URI uri,
			@Nullable String operation, @Nullable String note) {
		super(status, error, method, uri, null, operation, note);
	}

	/**
	 * @return the messages of each field the server found invalid, by field name (the v100 API's
	 * {@code field_errors}, in either of its shapes); empty when the server named none
	 */
	public Map<String, List<String>> getFieldErrors() {
		return getServerError().fieldErrors();
	}

	/**
	 * @return the messages about the entity as a whole, such as "already exists" (the v100 API's
	 * {@code entity_errors}); empty when there were none
	 */
	public List<String> getEntityErrors() {
		return getServerError().entityErrors();
	}

	/**
	 * @return the position, in the items sent, of the item an all-or-nothing batch failed on (the
	 * v100 API's {@code entity_index}), or {@code null}
	 */
	public @Nullable Integer getEntityIndex() {
		return getServerError().entityIndex();
	}

}
