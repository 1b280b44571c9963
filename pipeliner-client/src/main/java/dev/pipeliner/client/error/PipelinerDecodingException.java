package dev.pipeliner.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A successful HTTP answer whose body or headers could not be understood: malformed JSON, an
 * unexpected shape, a missing or malformed {@code Content-Range}. Not retryable.
 */
public class PipelinerDecodingException extends PipelinerException {

	public PipelinerDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
