package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.time.Duration;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerRateLimitException;
import dev.pipeliner.client.error.PipelinerRedirectException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.error.ServerError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The exception for an error status, whichever protocol's body it was read from, and the same
 * exception again with the operation it was a lookup for. Not part of the public API.
 */
public final class ApiExceptions {

	private ApiExceptions() {
	}

	/**
	 * @param status the HTTP status, or the status a {@code success: false} body named
	 * @param error what the server said, its text redacted
	 * @param note more for the message to say, or {@code null}
	 */
	public static PipelinerApiException of(int status, ServerError error, @Nullable Duration wait, HttpMethod method,
			URI uri, @Nullable String operation, @Nullable String note) {
		return switch (status) {
			case 401, 403 -> new PipelinerAuthenticationException(status, error, method, uri, operation, note);
			case 404 -> new PipelinerNotFoundException(status, error, method, uri, operation, note);
			case 429 -> new PipelinerRateLimitException(error, method, uri, wait, operation, note);
			default -> (status >= 500) ? new PipelinerServerException(status, error, method, uri, wait, operation, note)
					: (status >= 400) ? new PipelinerValidationException(status, error, method, uri, operation, note)
							: new PipelinerApiException(status, error, method, uri, wait, operation, note);
		};
	}

	/**
	 * @param failure a failure of a request an operation made
	 * @param operation the operation, such as {@code getEntity Contacts}, and the lookup the
	 * request was, if any
	 * @param note more for the message to say, or {@code null}
	 * @return the failure of the same type, with the same parts, whose message names the
	 * operation first
	 */
	public static PipelinerApiException during(PipelinerApiException failure, String operation, @Nullable String note) {
		return (failure instanceof PipelinerRedirectException redirect)
				? new PipelinerRedirectException(redirect.getStatus(), redirect.getLocation(), redirect.getMethod(),
						redirect.getUri(), operation)
				: of(failure.getStatus(), failure.getServerError(), failure.getRetryAfter(), failure.getMethod(),
						failure.getUri(), operation, (failure.getNote() == null) ? note
								: (note == null) ? failure.getNote() : failure.getNote() + ". " + note);
	}

}
