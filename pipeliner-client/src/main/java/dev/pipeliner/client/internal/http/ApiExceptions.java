package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerRateLimitException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The exception for an error status, whichever protocol's body it was read from. Not part of the
 * public API.
 */
public final class ApiExceptions {

	private ApiExceptions() {
	}

	public static PipelinerApiException of(int status, @Nullable Integer code, @Nullable String message,
			Map<String, List<String>> fieldErrors, @Nullable Duration wait, HttpMethod method, URI uri) {
		return switch (status) {
			case 401, 403 -> new PipelinerAuthenticationException(status, code, message, method, uri);
			case 404 -> new PipelinerNotFoundException(status, code, message, method, uri);
			case 429 -> new PipelinerRateLimitException(code, message, method, uri, wait);
			default -> (status >= 500) ? new PipelinerServerException(status, code, message, method, uri, wait)
					: (status >= 400) ? new PipelinerValidationException(status, code, message, fieldErrors, method, uri)
							: new PipelinerApiException(status, code, message, method, uri, wait);
		};
	}

}
