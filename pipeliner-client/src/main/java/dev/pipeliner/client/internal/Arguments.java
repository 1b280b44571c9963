package dev.pipeliner.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the client and the query types. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the argument's name, thrown before
 * anything is sent. Not part of the public API.
 */
public final class Arguments {

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private Arguments() {
	}

	public static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		return value;
	}

	public static <T> T requireNonNull(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return value;
	}

	/**
	 * An entity or collection name: letters, digits and underscores, starting with a letter.
	 */
	public static String requireEntityName(String value, String name) {
		requireText(value, name);
		if (!PLAIN_NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(name + " must be a plain entity or collection name such as"
					+ " 'Contact' or 'Contacts' (letters, digits and '_'), but was '" + value + "'");
		}
		return value;
	}

	/**
	 * An entity id, sent as one path segment: not blank, no '/', and not a dot segment.
	 */
	public static String requireId(String value, String name) {
		requireText(value, name);
		if (value.indexOf('/') >= 0 || value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException(name + " must be a single path segment (no '/'), but was '" + value + "'");
		}
		return value;
	}

	/**
	 * A field name or value that goes into a {@code filter}, {@code sort} or {@code loadonly}
	 * parameter, where '|' and '::' are separators that cannot be escaped.
	 */
	public static String requireExpressible(String value, String name) {
		if (value.contains("|") || value.contains("::") || value.startsWith(":") || value.endsWith(":")) {
			throw new IllegalArgumentException(name + " '" + value + "' cannot be expressed in a Pipeliner query:"
					+ " it contains '|' or '::', or starts or ends with ':', and the protocol has no escaping");
		}
		return value;
	}

	/**
	 * A service URL: http or https with a host, no credentials, query or fragment, and plain http
	 * only to this machine unless {@code allowInsecureHttp}.
	 */
	public static URI requireServiceUrl(URI url, boolean allowInsecureHttp, String name) {
		requireNonNull(url, name);
		String scheme = url.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| url.getHost() == null) {
			throw new IllegalArgumentException(
					name + " must be an http or https URL such as 'https://eu.pipelinersales.com', but was '" + url + "'");
		}
		if (url.getRawUserInfo() != null) {
			throw new IllegalArgumentException(name + " must not contain credentials; use credentials(token, password)");
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(name + " must not have a query or fragment, but was '" + url + "'");
		}
		if (scheme.equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
			throw new IllegalArgumentException(name + " '" + url + "' is plain http to another machine, so the API"
					+ " token and password would cross the network unencrypted; use https, or allow it explicitly"
					+ " (allowInsecureHttp, pipeliner.allow-insecure-http)");
		}
		return url;
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("::1");
	}

}
