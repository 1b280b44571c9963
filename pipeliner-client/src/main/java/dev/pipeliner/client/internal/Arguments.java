package dev.pipeliner.client.internal;

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

}
