package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds request URLs: a base, then each path segment and each query parameter percent-encoded
 * strictly (everything but letters, digits and {@code -._~}), so that {@code |}, {@code ::},
 * {@code &}, {@code +} and {@code /} inside a value reach the server as data. A raw query string
 * goes first, as it is. Not part of the public API.
 */
public final class Urls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private Urls() {
	}

	/** @return the service URL without a trailing {@code /}, then {@code path} */
	public static String base(URI serviceUrl, String path) {
		String service = serviceUrl.toString();
		return (service.endsWith("/") ? service.substring(0, service.length() - 1) : service) + path;
	}

	public static URI of(String base, QueryString query, String... segments) {
		StringBuilder url = new StringBuilder(base.length() + 64).append(base);
		for (String segment : segments) {
			encode(url.append('/'), segment);
		}
		char separator = '?';
		if (query.raw() != null && !query.raw().isEmpty()) {
			url.append(separator).append(query.raw());
			separator = '&';
		}
		for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
			encode(url.append(separator), parameter.getKey()).append('=');
			encode(url, parameter.getValue());
			separator = '&';
		}
		return URI.create(url.toString());
	}

	private static StringBuilder encode(StringBuilder url, String text) {
		if (isUnreserved(text)) {
			return url.append(text);
		}
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (isUnreserved(c)) {
				url.append(c);
			}
			else {
				url.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return url;
	}

	/** @return whether every character of the text is sent as it is: most names, ids and numbers */
	private static boolean isUnreserved(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!isUnreserved(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
