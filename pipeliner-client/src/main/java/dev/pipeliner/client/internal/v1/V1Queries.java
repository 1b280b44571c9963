package dev.pipeliner.client.internal.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.internal.protocol.ValueForms;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;

/**
 * A query as the v1 API takes it: {@code limit}, {@code offset}, {@code sort=A|-B},
 * {@code filter=FIELD::value::op|…}, {@code after} and {@code loadonly=A|B}. Values take the v1
 * forms: instants as {@code yyyy-MM-dd HH:mm:ss} UTC, booleans as {@code 1}/{@code 0}, decimals in
 * plain notation. What v1 cannot express fails with an {@link IllegalArgumentException}: a v100
 * operator or parameter, or a field or value containing {@code |} or {@code ::}, separators that
 * v1 cannot escape. Not part of the public API.
 */
final class V1Queries {

	private V1Queries() {
	}

	static QueryString of(Query query) {
		String raw = query.getRawQuery();
		return (raw != null) ? new QueryString(raw, Map.of()) : QueryString.of(parameters(query));
	}

	/** @return the parameters of a query built from parts, before URL encoding, in a stable order */
	static Map<String, String> parameters(Query query) {
		if (!query.getExpand().isEmpty() || query.isIncludeDeleted()) {
			throw new IllegalArgumentException("query: " + (query.isIncludeDeleted() ? "includeDeleted" : "expand")
					+ " exists only in the v100 API; the v1 API cannot express it");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query.getLimit() != null) {
			parameters.put("limit", query.getLimit().toString());
		}
		if (query.getOffset() != null) {
			parameters.put("offset", query.getOffset().toString());
		}
		if (query.getSort() != null) {
			parameters.put("sort", sort(query.getSort()));
		}
		if (query.getFilter() != null) {
			parameters.put("filter", filter(query.getFilter()));
		}
		if (query.getModifiedAfter() != null) {
			parameters.put("after", V1Values.format(query.getModifiedAfter()));
		}
		if (!query.getLoadOnly().isEmpty()) {
			parameters.put("loadonly", query.getLoadOnly()
				.stream()
				.map((field) -> requireExpressible(field, "loadOnly field"))
				.collect(Collectors.joining("|")));
		}
		return parameters;
	}

	/** @return the filter in the v1 form, such as {@code NAME::Acme|COUNT::56::gt} */
	static String filter(Filter filter) {
		return filter.conditions().stream().map(V1Queries::condition).collect(Collectors.joining("|"));
	}

	/** @return the sort in the v1 form, such as {@code NAME|-MODIFIED} */
	static String sort(Sort sort) {
		return sort.orders()
			.stream()
			.map((order) -> (order.descending() ? "-" : "") + requireExpressible(order.field(), "field"))
			.collect(Collectors.joining("|"));
	}

	private static String condition(Filter.Condition condition) {
		FilterOperator operator = condition.operator();
		if (operator.code() == null) {
			throw new IllegalArgumentException("filter operator " + operator + " (" + operator.v100Code()
					+ ") exists only in the v100 API; the v1 API cannot express it");
		}
		String field = requireExpressible(condition.field(), "field");
		String value = requireExpressible(value(condition.value()), "value");
		return (operator == FilterOperator.EQ) ? field + "::" + value : field + "::" + value + "::" + operator.code();
	}

	/** @return a filter value in the v1 form */
	static String value(Object value) {
		if (value instanceof Instant instant) {
			return V1Values.format(instant);
		}
		if (value instanceof Boolean flag) {
			return flag ? "1" : "0";
		}
		if (value instanceof Number number) {
			return ValueForms.plain(number);
		}
		if (value instanceof List<?> range) {
			return range.stream().map(V1Queries::value).collect(Collectors.joining(","));
		}
		return (value instanceof LocalDate date) ? date.toString() : String.valueOf(value);
	}

	/**
	 * A field name or value that goes into a {@code filter}, {@code sort} or {@code loadonly}
	 * parameter, where '|' and '::' are separators that cannot be escaped.
	 */
	private static String requireExpressible(String value, String name) {
		if (value.contains("|") || value.contains("::") || value.startsWith(":") || value.endsWith(":")) {
			throw new IllegalArgumentException(name + " " + Arguments.quote(value) + " cannot be expressed in a v1"
					+ " query: it contains '|' or '::', or starts or ends with ':', and the protocol has no escaping");
		}
		return value;
	}

}
