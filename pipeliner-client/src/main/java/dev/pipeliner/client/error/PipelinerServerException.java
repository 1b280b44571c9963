package dev.pipeliner.client.error;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server failed (HTTP 5xx). 502, 503 and 504 are {@linkplain #isRetryable() retryable}; a 503 may
 * say when to come back in {@link #getRetryAfter()}.
 */
public class PipelinerServerException extends PipelinerApiException {

	public PipelinerServerException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

	public PipelinerServerException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri,
			@Nullable Duration retryAfter) {
		super(status, errorCode, serverMessage, method, uri, retryAfter);
	}

	/** See {@link PipelinerApiException#PipelinerApiException(int, ServerError, HttpMethod, URI, Duration, String, String)}. */
	public PipelinerServerException(int status, ServerError error, HttpMethod method, URI uri,
			@Nullable Duration retryAfter, @Nullable String operation, @Nullable String note) {
		super(status, error, method, uri, retryAfter, operation, note);
	}

}
