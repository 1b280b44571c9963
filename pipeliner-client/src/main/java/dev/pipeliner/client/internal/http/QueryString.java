package dev.pipeliner.client.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query of one request: a caller's raw query string, sent as it is, and named parameters,
 * which the protocol encodes. Not part of the public API.
 *
 * @param raw the raw query string, already safe to send, or {@code null}
 * @param parameters the named parameters, before encoding
 */
public record QueryString(@Nullable String raw, Map<String, String> parameters) {

	/** No query at all. */
	public static final QueryString NONE = new QueryString(null, Map.of());

	/** @return named parameters alone */
	public static QueryString of(Map<String, String> parameters) {
		return new QueryString(null, parameters);
	}

	/** @return this query with one more named parameter, or another value for it */
	public QueryString with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.parameters);
		more.put(name, value);
		return new QueryString(this.raw, more);
	}

}
