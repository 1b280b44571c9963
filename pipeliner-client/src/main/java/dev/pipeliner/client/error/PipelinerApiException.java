package dev.pipeliner.client.error;

import java.net.URI;
import java.time.Duration;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The Pipeliner server (or a proxy in front of it) answered with an HTTP error status. Carries the
 * status, the API error code and the server's message when the body held them, and the method and
 * URL of the request. The URL never contains credentials: they travel in the
 * {@code Authorization} header only.
 * <p>
 * Subtypes name the common cases; any other status is reported with this type.
 */
public class PipelinerApiException extends PipelinerException {

	private final int status;

	private final @Nullable Integer errorCode;

	private final @Nullable String serverMessage;

	private final HttpMethod method;

	private final URI uri;

	private final @Nullable Duration retryAfter;

	public PipelinerApiException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		this(status, errorCode, serverMessage, method, uri, null);
	}

	/**
	 * @param retryAfter the wait the server asked for in a {@code Retry-After} header, or
	 * {@code null}
	 */
	public PipelinerApiException(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri, @Nullable Duration retryAfter) {
		super(describe(status, errorCode, serverMessage, method, uri), null);
		this.status = status;
		this.errorCode = errorCode;
		this.serverMessage = serverMessage;
		this.method = method;
		this.uri = uri;
		this.retryAfter = retryAfter;
	}

	private static String describe(int status, @Nullable Integer errorCode, @Nullable String serverMessage,
			HttpMethod method, URI uri) {
		StringBuilder text = new StringBuilder().append(method).append(' ').append(Arguments.describe(uri))
			.append(" answered HTTP ").append(status);
		if (errorCode != null) {
			text.append(", error code ").append(errorCode);
		}
		if (serverMessage != null && !serverMessage.isBlank()) {
			text.append(": ").append(Arguments.shorten(serverMessage));
		}
		return text.toString();
	}

	/** @return the HTTP status code of the answer */
	public int getStatus() {
		return this.status;
	}

	/** @return the Pipeliner error code ({@code errorcode} in the body), or {@code null} if the body had none */
	public @Nullable Integer getErrorCode() {
		return this.errorCode;
	}

	/** @return the server's message, or {@code null} if the body had none (an empty or HTML answer) */
	public @Nullable String getServerMessage() {
		return this.serverMessage;
	}

	/** @return the HTTP method of the failed request */
	public HttpMethod getMethod() {
		return this.method;
	}

	/** @return the URL of the failed request, without credentials */
	public URI getUri() {
		return this.uri;
	}

	/**
	 * @return the wait the server asked for in its {@code Retry-After} header (seconds or an HTTP
	 * date), or {@code null} if it sent none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean isRetryable() {
		return this.status == 408 || this.status == 429 || this.status == 502 || this.status == 503
				|| this.status == 504;
	}

}
