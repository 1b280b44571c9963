package dev.pipeliner.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.query.Query;

/**
 * The query of one request: a caller's raw query string, sent as it is, and named parameters,
 * which the protocol encodes. Not part of the public API.
 *
 * @param raw the raw query string, already safe to send, or {@code null}
 * @param parameters the named parameters, before encoding
 */
public record QueryString(String raw, Map<String, String> parameters) {

	/** No query at all. */
	public static final QueryString NONE = new QueryString(null, Map.of());

	/** @return the query string of a query */
	public static QueryString of(Query query) {
		return (query.getRawQuery() != null) ? new QueryString(query.getRawQuery(), Map.of())
				: new QueryString(null, query.toParameters());
	}

	/** @return named parameters alone */
	public static QueryString of(Map<String, String> parameters) {
		return new QueryString(null, parameters);
	}

	/** @return the names of the parameters of the raw query string, decoded */
	public java.util.Set<String> rawNames() {
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		if (this.raw != null) {
			for (String pair : this.raw.split("&")) {
				int equals = pair.indexOf('=');
				names.add(java.net.URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals),
						java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return names;
	}

	/** @return this query with one more named parameter, or another value for it */
	public QueryString with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.parameters);
		more.put(name, value);
		return new QueryString(this.raw, more);
	}

}
