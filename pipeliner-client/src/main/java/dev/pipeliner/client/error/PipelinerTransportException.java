package dev.pipeliner.client.error;

/**
 * No HTTP answer was received: the connection could not be made, was dropped, or the answer did
 * not arrive within the configured timeout. Always {@linkplain #isRetryable() retryable}, though a
 * write may or may not have reached the server.
 */
public class PipelinerTransportException extends PipelinerException {

	public PipelinerTransportException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
