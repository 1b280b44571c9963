package dev.pipeliner.client.error;

import java.net.URI;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The server answered a redirect (3xx). The client never follows one: the Pipeliner API has no
 * reason to send a client elsewhere, and following could send the credentials or CRM data to
 * another host. {@link #getLocation()} says where the server pointed, without the user info a
 * {@code Location} may carry; if that is the right service, configure its URL. Not retryable.
 */
public class PipelinerRedirectException extends PipelinerApiException {

	private final @Nullable URI location;

	public PipelinerRedirectException(int status, @Nullable URI location, HttpMethod method, URI uri) {
		this(status, location, method, uri, null);
	}

	/**
	 * @param operation the client operation the request was made for, or {@code null}; see
	 * {@link #getOperation()}
	 */
	public PipelinerRedirectException(int status, @Nullable URI location, HttpMethod method, URI uri,
			@Nullable String operation) {
		super(status, ServerError.of(null, "a redirect to " + ((location != null) ? Arguments.withoutUserInfo(location) : "no Location")
				+ ", which the client does not follow"), method, uri, null, operation, null);
		this.location = (location != null) ? Arguments.withoutUserInfo(location) : null;
	}

	/**
	 * @return the {@code Location} the server redirected to, without its user info, or
	 * {@code null} if it sent none
	 */
	public @Nullable URI getLocation() {
		return this.location;
	}

}
