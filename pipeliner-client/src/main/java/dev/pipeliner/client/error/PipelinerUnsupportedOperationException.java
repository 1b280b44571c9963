package dev.pipeliner.client.error;

/**
 * The operation, or one of its options, does not exist in the API version the client is
 * configured for: the v100 API has no {@code errorCodes}, for instance. Nothing was sent. Not
 * retryable.
 */
public class PipelinerUnsupportedOperationException extends PipelinerException {

	public PipelinerUnsupportedOperationException(String message) {
		super(message, null);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
