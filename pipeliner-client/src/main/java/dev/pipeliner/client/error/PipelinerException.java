package dev.pipeliner.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Pipeliner client raises for a call that failed. Unchecked.
 * <p>
 * Bad arguments are not reported with this type: they fail fast, before any request is sent, with
 * an {@link IllegalArgumentException} that names the argument.
 */
public abstract class PipelinerException extends RuntimeException {

	protected PipelinerException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether sending the same request again could succeed: {@code true} for transient conditions
	 * such as a timeout, a dropped connection, 408, 429, 502, 503 and 504.
	 * @return whether a retry could help
	 */
	public abstract boolean isRetryable();

}
