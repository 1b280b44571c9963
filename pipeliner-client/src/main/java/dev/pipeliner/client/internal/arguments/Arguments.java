package dev.pipeliner.client.internal.arguments;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Argument checks shared by the client and the query types, and how messages show values
 * without leaking them: quoted and cut short, URLs without user info, request URLs with query
 * values only of paging and sorting parameters. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the argument's name, thrown before
 * anything is sent. Not part of the public API.
 */
public final class Arguments {

	private Arguments() {
	}

	/** The longest entity or collection name, in characters; the APIs' names are far shorter. */
	public static final int MAX_ENTITY_NAME = 100;

	/** The most characters of a value that a message quotes. */
	private static final int MAX_QUOTED = 200;

	private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	/**
	 * The query parameters whose values a message shows: paging, sorting and field selection,
	 * which never hold personal data. Filters are not among them.
	 */
	public static final Set<String> SHOWN_QUERY_PARAMS = Set.of("limit", "offset", "sort", "after", "flag", "first",
			"before", "last", "order-by", "load-only", "expand");

	/**
	 * @return the value as a message quotes it: between single quotes, cut to a length that keeps
	 * the message readable
	 */
	public static String quote(@Nullable Object value) {
		return "'" + shorten(String.valueOf(value)) + "'";
	}

	/**
	 * @return a request URL as a message shows it: query values only of paging and sorting
	 * parameters (filter values may be personal data, such as e-mail addresses), cut like
	 * {@link #shorten(String)}
	 */
	public static String describe(@Nullable URI url) {
		return (url != null) ? shorten(redacted(url, SHOWN_QUERY_PARAMS::contains)) : "null";
	}

	/**
	 * @return the URL with every query parameter's name, and its value only if {@code allowed}
	 * says so; the other values show as {@code REDACTED}
	 */
	public static String redacted(URI url, Predicate<String> allowed) {
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

	/** @return the text, cut to a length that keeps a message readable */
	public static String shorten(String text) {
		return (text.length() <= MAX_QUOTED) ? text : text.substring(0, MAX_QUOTED) + "…(" + text.length() + " characters)";
	}

	/** @return a URL as a message shows it: without user info, and cut like {@link #quote(Object)} */
	public static String quote(@Nullable URI url) {
		return quote((Object) withoutUserInfo(String.valueOf(url)));
	}

	/**
	 * @return the text of a URL, valid or not, with whatever stands between {@code ://} and the
	 * last {@code @} of the authority replaced, so that no user name or password is shown
	 */
	public static @Nullable String withoutUserInfo(@Nullable String url) {
		return (url != null) ? USER_INFO.matcher(url).replaceFirst("$1…@") : null;
	}

	/** @return the URL without its user info, if it had any */
	public static URI withoutUserInfo(URI url) {
		if (url.getRawUserInfo() == null || url.getHost() == null) {
			return url;
		}
		return URI.create(url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "")
				+ ((url.getRawPath() != null) ? url.getRawPath() : "")
				+ ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "")
				+ ((url.getRawFragment() != null) ? "#" + url.getRawFragment() : ""));
	}

	/**
	 * API credentials as Basic auth carries them: not blank, no control characters, and no
	 * {@code ':'} in the token, which would make the user and password ambiguous. The messages
	 * never quote them.
	 */
	@Contract("null, _ -> fail; _, null -> fail")
	public static void requireCredentials(@Nullable String apiToken, @Nullable String apiPassword) {
		requireText(apiToken, "apiToken");
		requireText(apiPassword, "apiPassword");
		if (apiToken.indexOf(':') >= 0) {
			throw new IllegalArgumentException("apiToken must not contain ':', which Basic authentication uses to"
					+ " separate the token from the password");
		}
		requireNoControlCharacters(apiToken, "apiToken");
		requireNoControlCharacters(apiPassword, "apiPassword");
	}

	private static void requireNoControlCharacters(String value, String name) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new IllegalArgumentException(name + " must not contain control characters, but has one at"
						+ " position " + i);
			}
		}
	}

	@Contract("null, _ -> fail")
	public static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		return value;
	}

	@Contract("null, _ -> fail")
	public static <T> T requireNonNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return value;
	}

	/**
	 * An entity or collection name: letters, digits and underscores, starting with a letter, at
	 * most {@link #MAX_ENTITY_NAME} of them.
	 */
	@Contract("null, _ -> fail")
	public static String requireEntityName(@Nullable String value, String name) {
		requireText(value, name);
		if (!isEntityName(value)) {
			throw new IllegalArgumentException(name + " must be a plain entity or collection name such as"
					+ " 'Contact' or 'Contacts' (letters, digits and '_', at most " + MAX_ENTITY_NAME
					+ " of them), but was " + quote(value));
		}
		return value;
	}

	/**
	 * @return whether a text is an entity or collection name: letters, digits and underscores,
	 * starting with a letter, at most {@link #MAX_ENTITY_NAME} of them, so that it is one path
	 * segment as it is written
	 */
	public static boolean isEntityName(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_ENTITY_NAME) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
			if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '_'))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An entity id, sent as one path segment: not blank, no '/', and not a dot segment.
	 */
	@Contract("null, _ -> fail")
	public static String requireId(@Nullable String value, String name) {
		requireText(value, name);
		if (value.indexOf('/') >= 0 || value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException(name + " must be a single path segment (no '/'), but was " + quote(value));
		}
		return value;
	}

	/**
	 * A service URL: http or https with a host, no credentials, query or fragment, and plain http
	 * only to this machine unless {@code allowInsecureHttp}.
	 */
	@Contract("null, _, _ -> fail")
	public static URI requireServiceUrl(@Nullable URI url, boolean allowInsecureHttp, String name) {
		requireNonNull(url, name);
		String scheme = url.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| url.getHost() == null) {
			throw new IllegalArgumentException(
					name + " must be an http or https URL such as 'https://eu.pipelinersales.com', but was " + quote(url));
		}
		if (url.getRawUserInfo() != null) {
			throw new IllegalArgumentException(name + " must not contain credentials; use credentials(token, password)");
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(name + " must not have a query or fragment, but was " + quote(url));
		}
		if (scheme.equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
			throw new IllegalArgumentException(name + " " + quote(url) + " is plain http to another machine, so the API"
					+ " token and password would cross the network unencrypted; use https, or allow it explicitly"
					+ " (allowInsecureHttp, pipeliner.allow-insecure-http)");
		}
		return url;
	}

	/**
	 * Whether a host is this machine, decided by its address, never by a prefix of its name: an
	 * IPv4 literal in {@code 127.0.0.0/8}, the IPv6 literal {@code ::1}, or {@code localhost}
	 * itself, which resolvers map to loopback and never ask the network for. No name is looked up.
	 */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost")) {
			return true;
		}
		Matcher ipv4 = IPV4.matcher(name);
		if (ipv4.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(ipv4.group(group)) > 255) {
					return false;
				}
			}
			return ipv4.group(1).equals("127");
		}
		if (name.startsWith("[") && name.endsWith("]") && name.indexOf(':') > 0) {
			try {
				// an IPv6 literal: parsed, not looked up
				return InetAddress.getByName(name.substring(1, name.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
