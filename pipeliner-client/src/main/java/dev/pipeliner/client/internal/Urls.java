package dev.pipeliner.client.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds request URLs: a base, then each path segment and each query parameter percent-encoded
 * strictly (everything but letters, digits and {@code -._~}), so that {@code |}, {@code ::},
 * {@code &}, {@code +} and {@code /} inside a value reach the server as data. A raw query string
 * goes first, as it is. Not part of the public API.
 */
final class Urls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private Urls() {
	}

	/**
	 * @return the URL with every query parameter's name, and its value only if {@code allowed}
	 * says so; the other values show as {@code REDACTED}
	 */
	static String redacted(URI url, Predicate<String> allowed) {
		String query = url.getRawQuery();
		if (query == null || query.isEmpty()) {
			return url.toString();
		}
		String whole = url.toString();
		StringBuilder out = new StringBuilder(whole.substring(0, whole.indexOf('?') + 1));
		String separator = "";
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String rawName = (equals < 0) ? parameter : parameter.substring(0, equals);
			out.append(separator).append(rawName);
			if (equals >= 0) {
				out.append('=').append(isAllowed(rawName, allowed) ? parameter.substring(equals + 1) : "REDACTED");
			}
			separator = "&";
		}
		return out.toString();
	}

	private static boolean isAllowed(String rawName, Predicate<String> allowed) {
		try {
			return allowed.test(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** @return the service URL without a trailing {@code /}, then {@code path} */
	static String base(URI serviceUrl, String path) {
		String service = serviceUrl.toString();
		return (service.endsWith("/") ? service.substring(0, service.length() - 1) : service) + path;
	}

	static URI of(String base, QueryString query, String... segments) {
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
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				url.append(c);
			}
			else {
				url.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return url;
	}

}
