package dev.pipeliner.client.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The entity, collection or endpoint does not exist (HTTP 404). When the API's own paths are not
 * found (the entity names, the fields), the URL or the protocol is probably wrong, and the
 * message says so.
 */
public class PipelinerNotFoundException extends PipelinerApiException {

	public PipelinerNotFoundException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

	/** See {@link PipelinerApiException#PipelinerApiException(int, ServerError, HttpMethod, URI, java.time.Duration, String, String)}. */
	public PipelinerNotFoundException(int status, ServerError error, HttpMethod method, URI uri,
			@Nullable String operation, @Nullable String note) {
		super(status, error, method, uri, null, operation, note);
	}

}
