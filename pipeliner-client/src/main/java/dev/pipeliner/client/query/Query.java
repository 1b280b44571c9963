package dev.pipeliner.client.query;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.internal.arguments.RawQuery;
import org.jspecify.annotations.Nullable;

/**
 * What to read from a collection: filter, sort, limit, offset, modified-after and load-only.
 * Immutable; every method returns a new query.
 * <pre>{@code
 * Query.filter(Filter.eq("FIRST_NAME", "Todd"))
 *     .sort(Sort.asc("SURNAME"))
 *     .limit(50)
 *     .loadOnly("ID", "EMAIL1");
 * }</pre>
 * The vendor SDKs' loose forms are accepted too, and checked the same way:
 * {@link #parse(String) Query.parse("limit=5&amp;filter=FIRST_NAME::Todd")} and
 * {@link #of(Map) Query.of(Map.of("limit", 5, "filter", Map.of("FIRST_NAME", "Todd")))}.
 */
public final class Query {

	/** The {@code limit} that asks for all matching entities in one answer. */
	public static final int NO_LIMIT = -1;

	private static final Query ALL = new Query(null, null, null, null, null, List.of(), null);

	private final @Nullable Filter filter;

	private final @Nullable Sort sort;

	private final @Nullable Integer limit;

	private final @Nullable Integer offset;

	private final @Nullable Instant modifiedAfter;

	private final List<String> loadOnly;

	private final @Nullable String raw;

	private final List<String> expand;

	private final boolean includeDeleted;

	private Query(@Nullable Filter filter, @Nullable Sort sort, @Nullable Integer limit, @Nullable Integer offset,
			@Nullable Instant modifiedAfter, List<String> loadOnly, @Nullable String raw) {
		this(filter, sort, limit, offset, modifiedAfter, loadOnly, raw, List.of(), false);
	}

	private Query(@Nullable Filter filter, @Nullable Sort sort, @Nullable Integer limit, @Nullable Integer offset,
			@Nullable Instant modifiedAfter, List<String> loadOnly, @Nullable String raw, List<String> expand,
			boolean includeDeleted) {
		if (raw != null && (filter != null || sort != null || limit != null || offset != null
				|| modifiedAfter != null || !loadOnly.isEmpty() || !expand.isEmpty() || includeDeleted)) {
			throw new IllegalArgumentException("query: a raw query string cannot be combined with other conditions;"
					+ " write them into the string, or build the query with Query.filter, sort and limit");
		}
		this.raw = raw;
		this.expand = expand;
		this.includeDeleted = includeDeleted;
		this.filter = filter;
		this.sort = sort;
		this.limit = limit;
		this.offset = offset;
		this.modifiedAfter = modifiedAfter;
		this.loadOnly = loadOnly;
	}

	/** @return the query with no conditions: the server's defaults apply */
	public static Query all() {
		return ALL;
	}

	/**
	 * A query string sent to the server as the caller wrote it, as the vendor's SDKs allow:
	 * parameters the client does not know pass through. Characters a URL cannot carry, such as
	 * {@code |}, are percent-encoded; whitespace, control characters, {@code #} and malformed
	 * {@code %} escapes are refused. A stream adds its own {@code limit} and {@code offset}, so a
	 * raw query read as a stream must not set them.
	 * @param queryString the query string, with or without a leading {@code ?}, URL-encoded as it
	 * should be sent
	 * @return the query
	 * @throws IllegalArgumentException if the string could not be sent as it is
	 */
	public static Query raw(String queryString) {
		return new Query(null, null, null, null, null, List.of(), RawQuery.normalize(queryString));
	}

	/** @return a query for the entities that match {@code filter} */
	public static Query filter(Filter filter) {
		return ALL.where(filter);
	}

	/**
	 * Parses a query string in the protocol's form, such as
	 * {@code limit=5&offset=10&filter=FIRST_NAME::Todd|AGE::30::gt&sort=-MODIFIED}. Values may be
	 * URL-encoded. The parameters are {@code limit}, {@code offset}, {@code sort},
	 * {@code filter}, {@code after} and {@code loadonly}.
	 * @param queryString the query string, with or without a leading {@code ?}
	 * @return the query
	 * @throws IllegalArgumentException for an unknown parameter or a malformed value
	 */
	public static Query parse(String queryString) {
		Arguments.requireNonNull(queryString, "query");
		String text = queryString.startsWith("?") ? queryString.substring(1) : queryString;
		Map<String, Object> parameters = new LinkedHashMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.put(key, value);
		}
		return of(parameters);
	}

	/**
	 * Builds a query from a map the way the vendor's Python SDK takes one:
	 * {@code {"limit": 5, "filter": {"FIRST_NAME": "Todd"}}}. Keys are the parameter names of
	 * {@link #parse(String)}. {@code filter} is a wire string, a {@link Filter}, or a map of field to
	 * value (equality) or to a two-element list {@code [value, "gt"]}; {@code sort} and
	 * {@code loadonly} are a wire string or a list of fields; {@code after} is an {@link Instant} or a
	 * date-time string.
	 * @param parameters the parameters
	 * @return the query
	 * @throws IllegalArgumentException for an unknown key or a value of the wrong type
	 */
	public static Query of(Map<String, ?> parameters) {
		Arguments.requireNonNull(parameters, "query");
		Query query = ALL;
		for (Map.Entry<String, ?> entry : parameters.entrySet()) {
			String key = Arguments.requireNonNull(entry.getKey(), "query parameter name").toLowerCase(Locale.ROOT);
			Object value = entry.getValue();
			query = switch (key) {
				case "limit" -> query.limit(toInt(value, "limit"));
				case "offset" -> query.offset(toInt(value, "offset"));
				case "filter" -> query.where(toFilter(value));
				case "sort" -> query.sort((value instanceof Sort sort) ? sort : Sort.parse(joined(value, "sort")));
				case "after" -> query.modifiedAfter(toInstant(value));
				case "loadonly" -> query.loadOnly(joined(value, "loadonly").split("\\|"));
				default -> throw new IllegalArgumentException("query parameter " + Arguments.quote(entry.getKey())
						+ " is unknown; use limit, offset, sort, filter, after or loadonly");
			};
		}
		return query;
	}

	/**
	 * @param filter the entities to match; replaces any filter this query had
	 * @return the new query
	 */
	public Query where(Filter filter) {
		Arguments.requireNonNull(filter, "filter");
		return new Query(filter, this.sort, this.limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param sort the order of the results
	 * @return the new query
	 */
	public Query sort(Sort sort) {
		Arguments.requireNonNull(sort, "sort");
		return new Query(this.filter, sort, this.limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param limit how many entities at most; {@link #NO_LIMIT} for all of them
	 * @return the new query
	 * @throws IllegalArgumentException if negative other than {@link #NO_LIMIT}
	 */
	public Query limit(int limit) {
		if (limit < 0 && limit != NO_LIMIT) {
			throw new IllegalArgumentException("limit must be zero or more, or Query.NO_LIMIT (-1), but was " + limit);
		}
		return new Query(this.filter, this.sort, limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param offset how many matching entities to skip (0-based)
	 * @return the new query
	 * @throws IllegalArgumentException if negative
	 */
	public Query offset(int offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be zero or more, but was " + offset);
		}
		return new Query(this.filter, this.sort, this.limit, offset, this.modifiedAfter, this.loadOnly, this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param instant only entities modified after this instant: v1's {@code after} parameter, to
	 * the second; on v100 {@code filter[modified]} with {@code filter-op[modified]=gt}, to the
	 * microsecond ({@code after} is v100's paging cursor)
	 * @return the new query
	 * @throws IllegalArgumentException for an instant outside the years 1 to 9999
	 */
	public Query modifiedAfter(Instant instant) {
		DateTimes.requireWritable(instant, "modifiedAfter");
		return new Query(this.filter, this.sort, this.limit, this.offset, instant, this.loadOnly, this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param fields only these fields come back (the {@code loadonly} parameter)
	 * @return the new query
	 */
	public Query loadOnly(String... fields) {
		Arguments.requireNonNull(fields, "loadOnly");
		List<String> list = new ArrayList<>();
		for (String field : fields) {
			list.add(Arguments.requireText(field, "loadOnly field"));
		}
		return new Query(this.filter, this.sort, this.limit, this.offset, this.modifiedAfter, List.copyOf(list), this.raw, this.expand, this.includeDeleted);
	}

	/**
	 * @param relations relations to return as whole entities instead of URIs, such as
	 * {@code owner} or {@code account_relations.account} (the v100 {@code expand} parameter;
	 * the v1 API has none)
	 * @return the new query
	 */
	public Query expand(String... relations) {
		Arguments.requireNonNull(relations, "expand");
		List<String> list = new ArrayList<>();
		for (String relation : relations) {
			list.add(Arguments.requireText(relation, "expand relation"));
		}
		return new Query(this.filter, this.sort, this.limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw,
				List.copyOf(list), this.includeDeleted);
	}

	/**
	 * @param includeDeleted whether deleted entities are read too (the v100 {@code include-deleted}
	 * parameter; the v1 API has none)
	 * @return the new query
	 */
	public Query includeDeleted(boolean includeDeleted) {
		return new Query(this.filter, this.sort, this.limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw,
				this.expand, includeDeleted);
	}

	/** @return the relations to expand, empty for none */
	public List<String> getExpand() {
		return this.expand;
	}

	/** @return whether deleted entities are read too */
	public boolean isIncludeDeleted() {
		return this.includeDeleted;
	}

	/** @return the raw query string as it is sent, or {@code null} for a query built from parts */
	public @Nullable String getRawQuery() {
		return this.raw;
	}

	/** @return the filter, or {@code null} */
	public @Nullable Filter getFilter() {
		return this.filter;
	}

	/** @return the sort, or {@code null} */
	public @Nullable Sort getSort() {
		return this.sort;
	}

	/** @return the limit, or {@code null} when the server's default applies */
	public @Nullable Integer getLimit() {
		return this.limit;
	}

	/** @return the offset, or {@code null} when it is 0 by default */
	public @Nullable Integer getOffset() {
		return this.offset;
	}

	/** @return the modified-after instant, or {@code null} */
	public @Nullable Instant getModifiedAfter() {
		return this.modifiedAfter;
	}

	/** @return the fields to load, empty for all */
	public List<String> getLoadOnly() {
		return this.loadOnly;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** A whole number that fits an {@code int}; nothing is rounded or cut. */
	private static int toInt(@Nullable Object value, String name) {
		try {
			BigDecimal number = (value instanceof Number) ? new BigDecimal(value.toString())
					: new BigDecimal(String.valueOf(value).trim());
			return number.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new IllegalArgumentException(name + " must be a whole number that fits an int, but was " + Arguments.quote(value));
		}
	}

	private static Filter toFilter(@Nullable Object value) {
		if (value instanceof Filter filter) {
			return filter;
		}
		if (value instanceof Map<?, ?> map) {
			Filter filter = null;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String field = String.valueOf(entry.getKey());
				Filter condition = (entry.getValue() instanceof List<?> pair && pair.size() == 2)
						? Filter.of(field, FilterOperator.fromCode(String.valueOf(pair.get(1))), pair.get(0))
						: Filter.eq(field, entry.getValue());
				filter = (filter != null) ? filter.and(condition) : condition;
			}
			return Arguments.requireNonNull(filter, "filter");
		}
		if (value instanceof CharSequence text) {
			return Filter.parse(text.toString());
		}
		throw new IllegalArgumentException("filter must be a String, a Filter or a Map of field to value, but was "
				+ ((value != null) ? value.getClass().getName() : "null"));
	}

	private static String joined(@Nullable Object value, String name) {
		if (value instanceof Collection<?> items) {
			return items.stream().map(String::valueOf).collect(Collectors.joining("|"));
		}
		if (value instanceof String[] items) {
			return String.join("|", Arrays.asList(items));
		}
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		throw new IllegalArgumentException(name + " must be a String or a list of field names");
	}

	private static Instant toInstant(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		try {
			return DateTimes.parse(String.valueOf(Arguments.requireNonNull(value, "after")));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("after must be a date-time such as '2024-05-06 14:00:02' (UTC), but was "
					+ Arguments.quote(value));
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Query query) && Objects.equals(this.filter, query.filter)
				&& Objects.equals(this.sort, query.sort) && Objects.equals(this.limit, query.limit)
				&& Objects.equals(this.offset, query.offset) && Objects.equals(this.modifiedAfter, query.modifiedAfter)
				&& this.loadOnly.equals(query.loadOnly) && Objects.equals(this.raw, query.raw)
				&& this.expand.equals(query.expand) && this.includeDeleted == query.includeDeleted;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.filter, this.sort, this.limit, this.offset, this.modifiedAfter, this.loadOnly, this.raw,
				this.expand, this.includeDeleted);
	}

	/** @return a description of the query, for messages and logs */
	@Override
	public String toString() {
		if (this.raw != null) {
			return this.raw;
		}
		StringBuilder text = new StringBuilder("Query[");
		append(text, "filter", this.filter);
		append(text, "sort", this.sort);
		append(text, "limit", this.limit);
		append(text, "offset", this.offset);
		append(text, "modifiedAfter", this.modifiedAfter);
		append(text, "loadOnly", this.loadOnly.isEmpty() ? null : this.loadOnly);
		append(text, "expand", this.expand.isEmpty() ? null : this.expand);
		append(text, "includeDeleted", this.includeDeleted ? Boolean.TRUE : null);
		return text.append(']').toString();
	}

	private static void append(StringBuilder text, String name, @Nullable Object value) {
		if (value != null) {
			text.append((text.charAt(text.length() - 1) == '[') ? "" : ", ").append(name).append('=').append(value);
		}
	}

}
