package dev.pipeliner.client;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.pipeliner.client.internal.arguments.Arguments;

/**
 * What the client logs of its HTTP traffic, under the logger {@code dev.pipeliner.client.http} at
 * INFO. Off by default.
 * <p>
 * Header values are logged only for the headers in the allow-list; the others show as
 * {@code REDACTED}. {@code Authorization} and {@code Proxy-Authorization} are always redacted,
 * even if listed. Likewise the URL shows every query parameter's name, but the value only of the
 * parameters in {@link #allowedQueryParams()}: a filter may hold an e-mail address or a name. Bodies hold CRM data, personal data included: {@link Level#BODY} is for
 * debugging, and the client warns when it is built with it.
 *
 * @param level how much to log
 * @param allowedHeaders the headers whose values may be logged, in any case
 * @param allowedQueryParams the query parameters whose values may be logged, by exact name; a
 * name such as {@code filter} also allows {@code filter[EMAIL]}
 */
public record HttpLogOptions(Level level, Set<String> allowedHeaders, Set<String> allowedQueryParams) {

	/** How much of each exchange is logged. */
	public enum Level {

		/** Nothing. */
		NONE,
		/** The method, URL, status and duration. */
		BASIC,
		/** {@link #BASIC}, and the headers. */
		HEADERS,
		/** {@link #HEADERS}, and the bodies. */
		BODY

	}

	private static final Set<String> NEVER = Set.of("authorization", "proxy-authorization");

	/** The headers whose values are logged unless the list is replaced. */
	public static final Set<String> DEFAULT_ALLOWED_HEADERS = Set.of("Accept", "Content-Type", "Content-Length",
			"Content-Range", "Location", "Retry-After", "WWW-Authenticate", "Date", "Transfer-Encoding");

	/**
	 * The query parameters whose values are logged unless the list is replaced: paging, sorting
	 * and field selection, which never hold personal data. Filters are not among them.
	 */
	public static final Set<String> DEFAULT_ALLOWED_QUERY_PARAMS = Arguments.SHOWN_QUERY_PARAMS;

	/** Nothing is logged. */
	public static final HttpLogOptions NONE = new HttpLogOptions(Level.NONE, DEFAULT_ALLOWED_HEADERS);

	/**
	 * @param level how much to log
	 * @param allowedHeaders the headers whose values may be logged, in any case
	 */
	public HttpLogOptions(Level level, Set<String> allowedHeaders) {
		this(level, allowedHeaders, DEFAULT_ALLOWED_QUERY_PARAMS);
	}

	public HttpLogOptions {
		Arguments.requireNonNull(level, "level");
		Set<String> lowerCase = new TreeSet<>();
		for (String header : Arguments.requireNonNull(allowedHeaders, "allowedHeaders")) {
			lowerCase.add(Arguments.requireText(header, "allowedHeaders").toLowerCase(Locale.ROOT));
		}
		lowerCase.removeAll(NEVER);
		allowedHeaders = Set.copyOf(lowerCase);
		for (String name : Arguments.requireNonNull(allowedQueryParams, "allowedQueryParams")) {
			Arguments.requireText(name, "allowedQueryParams");
		}
		allowedQueryParams = Set.copyOf(allowedQueryParams);
	}

	/** @return options that log at {@code level} with the default allow-list */
	public static HttpLogOptions of(Level level) {
		return new HttpLogOptions(level, DEFAULT_ALLOWED_HEADERS);
	}

	/**
	 * @param name a query parameter's decoded name, such as {@code limit} or {@code filter[EMAIL]}
	 * @return whether its value may be logged
	 */
	public boolean isAllowedQueryParam(String name) {
		int bracket = name.indexOf('[');
		return this.allowedQueryParams.contains(name)
				|| (bracket > 0 && this.allowedQueryParams.contains(name.substring(0, bracket)));
	}

	/** @return whether the value of {@code header} may be logged */
	public boolean isAllowed(String header) {
		return this.allowedHeaders.contains(header.toLowerCase(Locale.ROOT));
	}

}
