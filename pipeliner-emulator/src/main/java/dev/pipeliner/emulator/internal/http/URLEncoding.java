package dev.pipeliner.emulator.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL encoding as the emulator's answers need it, for the ids in the URLs they hold. */
public final class URLEncoding {

	private URLEncoding() {
	}

	/** @return the text encoded as one path segment */
	public static String segment(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
