package dev.pipeliner.client.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The entity, collection or endpoint does not exist (HTTP 404).
 */
public class PipelinerNotFoundException extends PipelinerApiException {

	public PipelinerNotFoundException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

}
