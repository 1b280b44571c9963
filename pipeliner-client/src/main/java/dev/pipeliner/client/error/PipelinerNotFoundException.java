package dev.pipeliner.client.error;

import java.net.URI;

import org.springframework.http.HttpMethod;

/**
 * The entity, collection or endpoint does not exist (HTTP 404).
 */
public class PipelinerNotFoundException extends PipelinerApiException {

	public PipelinerNotFoundException(int status, Integer errorCode, String serverMessage, HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

}
