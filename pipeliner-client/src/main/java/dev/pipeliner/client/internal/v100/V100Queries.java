package dev.pipeliner.client.internal.v100;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;

/**
 * A query as the v100 API takes it: {@code filter[f]=v} with {@code filter-op[f]=op},
 * {@code order-by=a,-b}, {@code first}, {@code load-only}, {@code expand} and
 * {@code include-deleted}. What v100 cannot express fails with an
 * {@link IllegalArgumentException}: an offset (v100 reads by cursor), a limit over 100, or two
 * conditions on one field. Not part of the public API.
 */
final class V100Queries {

	/** The most entities one v100 list answer holds. */
	static final int MAX_PAGE = 100;

	private V100Queries() {
	}

	/**
	 * @param stream whether the query is a stream's, whose limit caps the stream and is not sent
	 */
	static QueryString of(Query query, boolean stream) {
		if (query.getRawQuery() != null) {
			return new QueryString(query.getRawQuery(), Map.of());
		}
		if (query.getOffset() != null) {
			throw new IllegalArgumentException("query: offset does not exist in the v100 API, which reads by cursor;"
					+ " resume a read with PagedFlux.byPage(continuationToken)");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Integer limit = query.getLimit();
		if (limit != null && !stream) {
			if (limit == Query.NO_LIMIT || limit > MAX_PAGE) {
				throw new IllegalArgumentException("query: limit must be at most " + MAX_PAGE + " on the v100 API, but was "
						+ limit + "; read more with streamEntities");
			}
			parameters.put("first", Integer.toString(limit));
		}
		Filter filter = query.getFilter();
		if (filter != null) {
			for (Filter.Condition condition : filter.conditions()) {
				condition(parameters, condition);
			}
		}
		if (query.getModifiedAfter() != null) {
			condition(parameters, new Filter.Condition("modified", FilterOperator.GT, query.getModifiedAfter()));
		}
		Sort sort = query.getSort();
		if (sort != null) {
			parameters.put("order-by", sort.orders()
				.stream()
				.map((order) -> (order.descending() ? "-" : "") + order.field())
				.collect(Collectors.joining(",")));
		}
		if (!query.getLoadOnly().isEmpty()) {
			parameters.put("load-only", String.join(",", query.getLoadOnly()));
		}
		if (!query.getExpand().isEmpty()) {
			parameters.put("expand", String.join(",", query.getExpand()));
		}
		if (query.isIncludeDeleted()) {
			parameters.put("include-deleted", "true");
		}
		return QueryString.of(parameters);
	}

	private static void condition(Map<String, String> parameters, Filter.Condition condition) {
		String field = condition.field();
		FilterOperator operator = condition.operator();
		String key = "filter[" + field + "]";
		if (parameters.containsKey(key)) {
			throw new IllegalArgumentException("filter: the v100 API takes one condition per field, but " + field
					+ " has two; use Filter.between for a range");
		}
		boolean notEmpty = operator == FilterOperator.NE && "".equals(condition.value());
		FilterOperator sent = notEmpty ? FilterOperator.NOT_EMPTY : operator;
		parameters.put(key, value(condition.value()));
		if (sent != FilterOperator.EQ) {
			parameters.put("filter-op[" + field + "]", sent.v100Code());
		}
	}

	/**
	 * A filter value in v100's form: booleans as {@code true}/{@code false}, instants as
	 * {@link V100Values#filterValue(Instant)} writes them, a range as
	 * {@code low,high}. How the API writes a range is not documented: this form is a guess.
	 */
	static String value(Object given) {
		if (given == null) {
			return "";
		}
		if (given instanceof List<?> range) {
			return range.stream().map(V100Queries::value).collect(Collectors.joining(","));
		}
		if (given instanceof Instant instant) {
			return V100Values.filterValue(instant);
		}
		return given.toString();
	}

}
