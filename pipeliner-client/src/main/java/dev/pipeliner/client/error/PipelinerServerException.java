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

}
