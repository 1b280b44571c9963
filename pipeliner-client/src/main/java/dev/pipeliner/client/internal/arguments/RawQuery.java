package dev.pipeliner.client.internal.arguments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A query string passed as the caller wrote it, made safe to send without changing its meaning:
 * characters a URL cannot carry ({@code |}, non-ASCII letters, …) are percent-encoded, and what
 * would break the request (whitespace, control characters, {@code #}, a malformed
 * {@code %} escape) is refused. Not part of the public API.
 */
public final class RawQuery {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final String KEPT = "-._~!$&'()*+,;=:@/?%";

	private RawQuery() {
	}

	/**
	 * @param raw a query string, with or without a leading {@code ?}
	 * @return the query string as it is sent
	 * @throws IllegalArgumentException if it could not be sent as it is
	 */
	public static String normalize(String raw) {
		Arguments.requireNonNull(raw, "query");
		String text = raw.startsWith("?") ? raw.substring(1) : raw;
		StringBuilder sent = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '#' || Character.isWhitespace(c) || Character.isISOControl(c)) {
				throw new IllegalArgumentException("query must not contain whitespace, control characters or '#', but has "
						+ ((c == '#') ? "'#'" : "U+" + String.format("%04X", (int) c)) + " at position " + i);
			}
			if (c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))) {
				throw new IllegalArgumentException("query has a '%' at position " + i + " that is not followed by two hex"
						+ " digits: " + Arguments.quote(text));
			}
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KEPT.indexOf(c) >= 0) {
				sent.append(c);
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < text.length()) ? i + 2 : i + 1;
				for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
					sent.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
				}
				i = end - 1;
			}
		}
		return sent.toString();
	}

	/** @return the decoded names of the parameters of a normalized query string, in order */
	public static Set<String> names(String raw) {
		Set<String> names = new LinkedHashSet<>();
		for (String pair : raw.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				names.add(URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8));
			}
		}
		return names;
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
