package dev.pipeliner.client.error;

import java.net.URI;

import org.springframework.http.HttpMethod;

/**
 * The server rejected the request as invalid (an HTTP 4xx other than 401, 403, 404 and 429): a missing required field, a value of the wrong type, an unknown field, and the like. {@link #getErrorCode()} and {@link #getServerMessage()} say what.
 */
public class PipelinerValidationException extends PipelinerApiException {

	public PipelinerValidationException(int status, Integer errorCode, String serverMessage, HttpMethod method, URI uri) {
		super(status, errorCode, serverMessage, method, uri);
	}

}
