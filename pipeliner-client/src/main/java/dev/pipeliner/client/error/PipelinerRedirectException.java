package dev.pipeliner.client.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server answered a redirect (3xx). The client never follows one: the Pipeliner API has no
 * reason to send a client elsewhere, and following could send the credentials or CRM data to
 * another host. {@link #getLocation()} says where the server pointed; if that is the right
 * service, configure its URL. Not retryable.
 */
public class PipelinerRedirectException extends PipelinerApiException {

	private final @Nullable URI location;

	public PipelinerRedirectException(int status, @Nullable URI location, HttpMethod method, URI uri) {
		super(status, null, "a redirect to " + ((location != null) ? location : "no Location")
				+ ", which the client does not follow", method, uri);
		this.location = location;
	}

	/** @return the {@code Location} the server redirected to, or {@code null} if it sent none */
	public @Nullable URI getLocation() {
		return this.location;
	}

}
