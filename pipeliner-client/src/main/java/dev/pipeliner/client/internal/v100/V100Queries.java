package dev.pipeliner.client.internal.v100;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.internal.protocol.Slicing;
import dev.pipeliner.client.internal.protocol.ValueForms;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query as the v100 API takes it: {@code filter[f]=v} with {@code filter-op[f]=op},
 * {@code order-by=a,-b}, {@code first}, {@code load-only}, {@code expand} and
 * {@code include-deleted}. What v100 cannot express fails with an
 * {@link IllegalArgumentException}: an offset (v100 reads by cursor), a limit over 100, two
 * conditions on one field, a field name that would change the meaning of the parameters it goes
 * into (one with {@code [}, {@code ]}, {@code &}, {@code =}, {@code ,} or a space, say), and a
 * range of other than two bounds or with a bound that holds a comma. Not part of the public API.
 */
final class V100Queries {

	/** The most entities one v100 list answer holds. */
	static final int MAX_PAGE = 100;

	/** A field's API name, or a path of them ({@code owner.id}): what the API's names are made of. */
	private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	/** The key of sliced reads: when an entity was created, which no write changes. */
	private static final String CREATED = "created";

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
				.map((order) -> (order.descending() ? "-" : "") + requireField(order.field(), "sort field"))
				.collect(Collectors.joining(",")));
		}
		if (!query.getLoadOnly().isEmpty()) {
			parameters.put("load-only", fields(query.getLoadOnly(), "loadOnly field"));
		}
		if (!query.getExpand().isEmpty()) {
			parameters.put("expand", fields(query.getExpand(), "expand relation"));
		}
		if (query.isIncludeDeleted()) {
			parameters.put("include-deleted", "true");
		}
		return QueryString.of(parameters);
	}

	/**
	 * The slices of a stream's query: by {@code created}, which no write changes, unless slicing
	 * could change the result: a raw query, a sort other than by {@code created} ascending, a
	 * condition on {@code created}, or {@code load-only} without {@code created}.
	 * @return how to read the query in slices, or {@code null} to read it by one cursor
	 */
	static @Nullable Slicing slicing(Query query) {
		if (query.getRawQuery() != null) {
			return null;
		}
		Sort sort = query.getSort();
		if (sort != null && !(sort.orders().size() == 1 && CREATED.equals(sort.orders().get(0).field())
				&& !sort.orders().get(0).descending())) {
			return null;
		}
		Filter filter = query.getFilter();
		if (filter != null && filter.conditions().stream().anyMatch((condition) -> CREATED.equals(condition.field()))) {
			return null;
		}
		if (!query.getLoadOnly().isEmpty() && !query.getLoadOnly().contains(CREATED)) {
			return null;
		}
		QueryString base = of(query, true);
		QueryString ascending = base.with("order-by", CREATED);
		return new Slicing(CREATED, ascending, base.with("order-by", "-" + CREATED),
				(from) -> ascending.with("filter[" + CREATED + "]", V100Values.filterValue(from, RoundingMode.CEILING))
					.with("filter-op[" + CREATED + "]", FilterOperator.GE.v100Code()),
				V100Queries::created);
	}

	private static @Nullable Instant created(ObjectNode entity) {
		JsonNode value = entity.get(CREATED);
		if (value == null || !value.isString()) {
			return null;
		}
		try {
			return DateTimes.parse(value.asString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void condition(Map<String, String> parameters, Filter.Condition condition) {
		String field = requireField(condition.field(), "filter field");
		FilterOperator operator = condition.operator();
		String key = "filter[" + field + "]";
		if (parameters.containsKey(key)) {
			throw new IllegalArgumentException("filter: the v100 API takes one condition per field, but " + field
					+ " has two; use Filter.between for a range");
		}
		boolean notEmpty = operator == FilterOperator.NE && "".equals(condition.value());
		FilterOperator sent = notEmpty ? FilterOperator.NOT_EMPTY : operator;
		parameters.put(key, (sent == FilterOperator.BETWEEN) ? range(condition.value())
				: value(condition.value(), rounding(sent)));
		if (sent != FilterOperator.EQ) {
			parameters.put("filter-op[" + field + "]", sent.v100Code());
		}
	}

	/**
	 * A range as {@code low,high}: how the API writes a range is not documented, so this form is a
	 * guess, and a bound that holds a comma, which would make it three, is refused.
	 */
	private static String range(Object given) {
		List<?> bounds = (given instanceof List<?> list) ? list
				: List.of(String.valueOf(given).split(",", -1));
		if (bounds.size() != 2) {
			throw new IllegalArgumentException("value of a between filter must be two bounds, low and high, but was "
					+ Arguments.quote(given));
		}
		String low = value(bounds.get(0), RoundingMode.CEILING);
		String high = value(bounds.get(1), RoundingMode.FLOOR);
		if (low.isEmpty() || high.isEmpty() || low.contains(",") || high.contains(",")) {
			throw new IllegalArgumentException("value of a between filter must be two bounds without a comma, which"
					+ " separates them, but was " + Arguments.quote(given));
		}
		return low + "," + high;
	}

	/**
	 * The rounding of an instant finer than a microsecond that keeps the comparison's meaning:
	 * up for {@code ≥} and {@code <}, down for the others.
	 */
	private static RoundingMode rounding(FilterOperator operator) {
		return (operator == FilterOperator.GE || operator == FilterOperator.LT) ? RoundingMode.CEILING
				: RoundingMode.FLOOR;
	}

	/**
	 * A filter value in v100's form: booleans as {@code true}/{@code false}, instants in the form
	 * of answers ({@link V100Values#filterValue}), numbers in plain notation.
	 */
	private static String value(Object given, RoundingMode rounding) {
		if (given instanceof List<?>) {
			throw new IllegalArgumentException("value: a list of values is a range, which only Filter.between takes");
		}
		if (given instanceof Instant instant) {
			return V100Values.filterValue(instant, rounding);
		}
		if (given instanceof Number number) {
			return ValueForms.plain(number);
		}
		return given.toString();
	}

	private static String fields(List<String> fields, String name) {
		return fields.stream().map((field) -> requireField(field, name)).collect(Collectors.joining(","));
	}

	/**
	 * A field name as it goes into {@code filter[…]}, {@code order-by}, {@code load-only} or
	 * {@code expand}, where brackets, {@code &}, {@code =}, commas and spaces would change what the
	 * parameters say.
	 */
	private static String requireField(String field, String name) {
		if (!FIELD.matcher(field).matches()) {
			throw new IllegalArgumentException(name + " " + Arguments.quote(field) + " is not a v100 field name: it"
					+ " must be letters, digits and '_', or a path of them joined by '.' (owner.name); '[', ']', '&', '=',"
					+ " ',' and spaces would change the query");
		}
		return field;
	}

}
