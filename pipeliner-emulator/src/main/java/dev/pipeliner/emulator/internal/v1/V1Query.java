package dev.pipeliner.emulator.internal.v1;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.Values;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query parameters of a v1 list, {@code GET /{Collection}}: {@code limit}, {@code offset},
 * {@code sort}, {@code filter}, {@code after} and {@code loadonly}, checked against the entity's
 * fields.
 */
final class V1Query {

	static final Set<String> PARAMETERS = Set.of("limit", "offset", "sort", "filter", "after", "loadonly");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "lt", "ge", "le", "ll", "rl", "fl");

	record Condition(String field, String value, String operator) {
	}

	record Order(String field, boolean descending) {
	}

	final int limit;

	final int offset;

	final List<Condition> conditions;

	final List<Order> orders;

	final List<String> loadOnly;

	private V1Query(int limit, int offset, List<Condition> conditions, List<Order> orders, List<String> loadOnly) {
		this.limit = limit;
		this.offset = offset;
		this.conditions = conditions;
		this.orders = orders;
		this.loadOnly = loadOnly;
	}

	/**
	 * @param parameters decoded query parameters, each given once
	 * @param fields the names that may be filtered, sorted and loaded on
	 */
	static V1Query parse(Map<String, String> parameters, Set<String> fields) {
		int limit = integer(parameters.get("limit"), "limit", 25);
		if (limit < -1) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "limit must be -1 (no limit) or more, but was " + limit);
		}
		int offset = integer(parameters.get("offset"), "offset", 0);
		if (offset < 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "offset must be 0 or more, but was " + offset);
		}
		List<Condition> conditions = new ArrayList<>(parseFilter(parameters.get("filter"), fields));
		String after = parameters.get("after");
		if (after != null) {
			if (!Values.isDateTime(after)) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY,
						"after must be a date-time 'yyyy-MM-dd HH:mm:ss', but was '" + after + "'");
			}
			conditions.add(new Condition("MODIFIED", after, "gt"));
		}
		List<Order> orders = new ArrayList<>();
		for (String part : split(parameters.get("sort"))) {
			boolean descending = part.startsWith("-");
			String field = descending ? part.substring(1) : part;
			orders.add(new Order(known(field, fields, "sort"), descending));
		}
		List<String> loadOnly = new ArrayList<>();
		for (String field : split(parameters.get("loadonly"))) {
			loadOnly.add(known(field, fields, "loadonly"));
		}
		return new V1Query(limit, offset, conditions, orders, loadOnly);
	}

	static List<Condition> parseFilter(@Nullable String filter, Set<String> fields) {
		List<Condition> conditions = new ArrayList<>();
		for (String part : split(filter)) {
			String[] pieces = part.split("::", -1);
			if (pieces.length < 2 || pieces.length > 3) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY,
						"filter condition '" + part + "' must be FIELD::value or FIELD::value::operator");
			}
			String operator = (pieces.length == 3) ? pieces[2].toLowerCase(Locale.ROOT) : "eq";
			if (!OPERATORS.contains(operator)) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY, "filter operator '" + pieces[2] + "' is unknown");
			}
			conditions.add(new Condition(known(pieces[0], fields, "filter"), pieces[1], operator));
		}
		return conditions;
	}

	boolean matches(JsonNode entity) {
		for (Condition condition : this.conditions) {
			if (!matches(entity.get(condition.field()), condition)) {
				return false;
			}
		}
		return true;
	}

	static boolean matches(@Nullable JsonNode value, Condition condition) {
		String actual = text(value);
		String expected = condition.value();
		return switch (condition.operator()) {
			case "eq" -> compare(actual, expected) == 0;
			case "ne" -> compare(actual, expected) != 0;
			case "gt" -> !actual.isEmpty() && compare(actual, expected) > 0;
			case "lt" -> !actual.isEmpty() && compare(actual, expected) < 0;
			case "ge" -> !actual.isEmpty() && compare(actual, expected) >= 0;
			case "le" -> !actual.isEmpty() && compare(actual, expected) <= 0;
			case "ll" -> lower(actual).startsWith(lower(expected));
			case "rl" -> lower(actual).endsWith(lower(expected));
			default -> lower(actual).contains(lower(expected));
		};
	}

	Comparator<JsonNode> comparator() {
		Comparator<JsonNode> comparator = (a, b) -> 0;
		for (Order order : this.orders) {
			Comparator<JsonNode> byField = (a, b) -> compare(text(a.get(order.field())), text(b.get(order.field())));
			comparator = comparator.thenComparing(order.descending() ? byField.reversed() : byField);
		}
		return comparator;
	}

	boolean isSorted() {
		return !this.orders.isEmpty();
	}

	/** @return the entity with only the fields of {@code loadonly} (and its ID) */
	ObjectNode project(ObjectNode entity) {
		return Wire.V1.project(entity, this.loadOnly);
	}

	/** Numbers compare as numbers, everything else as text without regard to case. */
	static int compare(String a, String b) {
		if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
			return new BigDecimal(a).compareTo(new BigDecimal(b));
		}
		return a.compareToIgnoreCase(b);
	}

	static String text(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private static List<String> split(@Nullable String value) {
		return (value == null || value.isEmpty()) ? List.of() : List.of(value.split("\\|"));
	}

	private static String known(String field, Set<String> fields, String parameter) {
		if (!fields.contains(field)) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, parameter + " names the unknown field '" + field + "'");
		}
		return field;
	}

	private static int integer(@Nullable String value, String name, int defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, name + " must be a whole number, but was '" + value + "'");
		}
	}

}
