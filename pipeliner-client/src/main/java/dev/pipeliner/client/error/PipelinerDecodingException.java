package dev.pipeliner.client.error;

/**
 * A successful HTTP answer whose body or headers could not be understood: malformed JSON, an
 * unexpected shape, a missing or malformed {@code Content-Range}. Not retryable.
 */
public class PipelinerDecodingException extends PipelinerException {

	public PipelinerDecodingException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
