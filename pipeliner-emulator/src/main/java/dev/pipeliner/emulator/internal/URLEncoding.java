package dev.pipeliner.emulator.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class URLEncoding {

	private URLEncoding() {
	}

	/** @return the text encoded as one path segment */
	static String segment(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
