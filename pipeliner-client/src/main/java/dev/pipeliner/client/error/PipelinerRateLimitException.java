package dev.pipeliner.client.error;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server asked the client to slow down (HTTP 429). Always {@linkplain #isRetryable()
 * retryable}; {@link #getRetryAfter()} says how long the server asked to wait, when it said so.
 */
public class PipelinerRateLimitException extends PipelinerApiException {

	public PipelinerRateLimitException(@Nullable Integer errorCode, @Nullable String serverMessage, HttpMethod method,
			URI uri,
			@Nullable Duration retryAfter) {
		super(429, errorCode, serverMessage, method, uri, retryAfter);
	}

	/** See {@link PipelinerApiException#PipelinerApiException(int, ServerError, HttpMethod, URI, Duration, String, String)}. */
	public PipelinerRateLimitException(ServerError error, HttpMethod method, URI uri, @Nullable Duration retryAfter,
			@Nullable String operation, @Nullable String note) {
		super(429, error, method, uri, retryAfter, operation, note);
	}

}
