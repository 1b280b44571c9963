package dev.pipeliner.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No HTTP answer was received: the connection could not be made, was dropped, or the answer did
 * not arrive within the configured timeout. Always {@linkplain #isRetryable() retryable}, though a
 * write may or may not have reached the server.
 */
public class PipelinerTransportException extends PipelinerException {

	private final boolean connectionFailure;

	public PipelinerTransportException(String message, @Nullable Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * @param connectionFailure whether the connection could not be established, so that the
	 * request was certainly not sent
	 */
	public PipelinerTransportException(String message, @Nullable Throwable cause, boolean connectionFailure) {
		super(message, cause);
		this.connectionFailure = connectionFailure;
	}

	/**
	 * @return whether the connection could not be established (refused, unknown host, connect
	 * timeout), so that the request was certainly not sent and even a create is safe to repeat
	 */
	public boolean isConnectionFailure() {
		return this.connectionFailure;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
