package dev.pipeliner.client.error;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpMethod;

/**
 * The server asked the client to slow down (HTTP 429). Always {@linkplain #isRetryable()
 * retryable}; {@link #getRetryAfter()} says how long the server asked to wait, when it said so.
 */
public class PipelinerRateLimitException extends PipelinerApiException {

	private final Duration retryAfter;

	public PipelinerRateLimitException(Integer errorCode, String serverMessage, HttpMethod method, URI uri,
			Duration retryAfter) {
		super(429, errorCode, serverMessage, method, uri);
		this.retryAfter = retryAfter;
	}

	/** @return the wait the server asked for in its {@code Retry-After} header, or {@code null} if it sent none */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
