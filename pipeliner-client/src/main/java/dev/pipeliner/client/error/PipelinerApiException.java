package dev.pipeliner.client.error;

import java.net.URI;
import java.time.Duration;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The Pipeliner server (or a proxy in front of it) answered with an HTTP error status, or with
 * {@code success: false}. Carries the status, what the server said ({@link #getServerError()}:
 * the API error code, name and message, and the field and entity errors of a validation), the
 * method and URL of the request, and the client operation it was made for, with the lookup it
 * was, if any (the entity names, say). The URL never contains credentials: they travel in
 * the {@code Authorization} header only, and wherever the server echoes them in its text, the
 * client shows {@code REDACTED} instead.
 * <p>
 * Subtypes name the common cases; any other status is reported with this type.
 */
public class PipelinerApiException extends PipelinerException {

	private final int status;

	private final ServerError error;

	private final HttpMethod method;

	private final URI uri;

	private final @Nullable Duration retryAfter;

	private final @Nullable String operation;

	private final @Nullable String note;

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
		this(status, ServerError.of(errorCode, serverMessage), method, uri, retryAfter, null, null);
	}

	/**
	 * @param status the HTTP status, or for an answer {@code 200} with {@code success: false}, the
	 * status its body named ({@code http_status})
	 * @param error what the server said
	 * @param retryAfter the wait the server asked for in a {@code Retry-After} header, or
	 * {@code null}
	 * @param operation the client operation the request was made for (such as
	 * {@code getEntity Contacts, in the entity-name lookup}), or {@code null}
	 * @param note what the client adds to what the server said, for the message; see {@link #getNote()}
	 */
	public PipelinerApiException(int status, ServerError error, HttpMethod method, URI uri, @Nullable Duration retryAfter,
			@Nullable String operation, @Nullable String note) {
		super(describe(status, error, method, uri, operation, note), null);
		this.status = status;
		this.error = error;
		this.method = method;
		this.uri = uri;
		this.retryAfter = retryAfter;
		this.operation = operation;
		this.note = note;
	}

	private static String describe(int status, ServerError error, HttpMethod method, URI uri,
			@Nullable String operation, @Nullable String note) {
		StringBuilder text = new StringBuilder();
		if (operation != null) {
			text.append(operation).append(": ");
		}
		text.append(method).append(' ').append(Arguments.describe(uri)).append(" answered HTTP ").append(status);
		if (error.code() != null) {
			text.append(", error code ").append(error.code());
		}
		if (error.entityIndex() != null) {
			text.append(", for items[").append(error.entityIndex()).append(']');
		}
		String said = error.describe();
		if (!said.isBlank()) {
			text.append(": ").append(Arguments.shorten(said));
		}
		if (note != null) {
			text.append(". ").append(note);
		}
		return text.toString();
	}

	/** @return the HTTP status code of the answer, or the {@code http_status} of a {@code success: false} body */
	public int getStatus() {
		return this.status;
	}

	/** @return everything the server said of the failure */
	public ServerError getServerError() {
		return this.error;
	}

	/**
	 * @return the Pipeliner error code ({@code code} on v100, {@code errorcode} on v1), or
	 * {@code null} if the body had none
	 */
	public @Nullable Integer getErrorCode() {
		return this.error.code();
	}

	/** @return the error's name, such as {@code ERROR_ENTITY_VALIDATION} (v100), or {@code null} */
	public @Nullable String getErrorName() {
		return this.error.name();
	}

	/** @return the server's message, or {@code null} if the body had none (an empty or HTML answer) */
	public @Nullable String getServerMessage() {
		return this.error.message();
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
	 * @return the client operation the failed request was made for, such as
	 * {@code getEntity Contacts}, and the lookup the request was, if it was one
	 * ({@code getEntity Contacts, in the entity-name lookup}); {@code null} when the exception did
	 * not come from a client operation
	 */
	public @Nullable String getOperation() {
		return this.operation;
	}

	/**
	 * @return what the client adds to what the server said, as the message ends with it: how the
	 * answer came (an answer {@code 200} with {@code success: false}), or what is probably wrong
	 * (the protocol or the URL, when the API's own paths are not found); {@code null} for nothing
	 */
	public @Nullable String getNote() {
		return this.note;
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
