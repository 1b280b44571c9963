package dev.pipeliner.emulator.internal.http;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One protocol of the emulator, independent of the HTTP server that carries it. */
public interface Service {

	/**
	 * @param method the HTTP method
	 * @param rawPath the path, still URL-encoded
	 * @param parameters the decoded query parameters
	 * @param authorizationHeader the {@code Authorization} header, or {@code null}
	 * @param body the request body, empty when there is none
	 * @return the answer; never throws
	 */
	Reply handle(String method, String rawPath, Map<String, List<String>> parameters,
			@Nullable String authorizationHeader, byte[] body);

	/** @return the answer to a request whose body is larger than {@code maxBodySize} bytes */
	Reply tooLarge(long maxBodySize);

}
