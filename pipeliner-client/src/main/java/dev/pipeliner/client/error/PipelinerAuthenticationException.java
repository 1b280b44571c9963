package dev.pipeliner.client.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The credentials were missing, wrong, or not allowed to do this (HTTP 401 or 403).
 */
public class PipelinerAuthenticationException extends PipelinerApiException {

	public PipelinerAuthenticationException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

	/** See {@link PipelinerApiException#PipelinerApiException(int, ServerError, HttpMethod, URI, java.time.Duration, String, String)}. */
	public PipelinerAuthenticationException(int status, ServerError error, HttpMethod method, URI uri,
			@Nullable String operation, @Nullable String note) {
		super(status, error, method, uri, null, operation, note);
	}

}
