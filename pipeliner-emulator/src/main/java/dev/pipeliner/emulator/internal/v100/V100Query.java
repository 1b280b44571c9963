package dev.pipeliner.emulator.internal.v100;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import dev.pipeliner.emulator.internal.store.Schema.Type;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The query parameters of a v100 list: {@code first}, {@code after}, {@code order-by},
 * {@code filter[field]} with {@code filter-op[field]}, {@code load-only}, {@code expand},
 * {@code include-deleted}, and the legacy {@code limit} and {@code offset}; checked against the
 * entity's fields. {@code between} takes its two bounds as {@code filter[field]=low,high} or as
 * the parameter given twice.
 */
final class V100Query {

	static final int DEFAULT_FIRST = 30;

	static final int MAX_FIRST = 100;

	private static final Set<String> PARAMETERS = Set.of("first", "after", "before", "last", "order-by", "load-only",
			"expand", "include-deleted", "limit", "offset");

	private static final Set<String> OPERATORS = Set.of("eq", "ieq", "not-eq", "not-ieq", "contains", "starts", "ends",
			"icontains", "istarts", "iends", "null", "not-null", "empty", "not-empty", "gt", "gte", "lt", "lte",
			"between");

	private static final Set<String> WITHOUT_VALUE = Set.of("null", "not-null", "empty", "not-empty");

	record Condition(Field field, String operator, List<String> values) {
	}

	record Order(Field field, boolean descending) {
	}

	final int first;

	/** The cursor to read after, or {@code null} for the first page. */
	final @Nullable String after;

	/** The legacy offset, or -1 when the list pages by cursor. */
	final int offset;

	final List<Condition> conditions = new ArrayList<>();

	final List<Order> orders = new ArrayList<>();

	final List<String> loadOnly = new ArrayList<>();

	final List<String> expand = new ArrayList<>();

	private V100Query(int first, @Nullable String after, int offset) {
		this.first = first;
		this.after = after;
		this.offset = offset;
	}

	static V100Query parse(Map<String, List<String>> parameters, EntityType type) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		Map<String, String> operators = new LinkedHashMap<>();
		Map<String, String> single = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith("filter[") && name.endsWith("]")) {
				filters.put(name.substring(7, name.length() - 1), values);
			}
			else if (name.startsWith("filter-op[") && name.endsWith("]")) {
				operators.put(name.substring(10, name.length() - 1), once(name, values).toLowerCase(Locale.ROOT));
			}
			else if (PARAMETERS.contains(name)) {
				single.put(name, once(name, values));
			}
			else {
				throw invalid("Unknown query parameter '" + name + "'");
			}
		});
		if (single.containsKey("before") || single.containsKey("last")) {
			throw invalid("before and last are not supported by the emulator; page forward with first and after");
		}
		boolean legacy = single.containsKey("limit") || single.containsKey("offset");
		if (legacy && (single.containsKey("first") || single.containsKey("after"))) {
			throw invalid("limit and offset cannot be combined with first and after");
		}
		int first = legacy ? integer(single.getOrDefault("limit", Integer.toString(DEFAULT_FIRST)), "limit")
				: integer(single.getOrDefault("first", Integer.toString(DEFAULT_FIRST)), "first");
		if (!legacy && first > MAX_FIRST) {
			throw invalid("first must be at most " + MAX_FIRST + ", but was " + first);
		}
		int offset = legacy ? integer(single.getOrDefault("offset", "0"), "offset") : -1;
		V100Query query = new V100Query(first, single.get("after"), offset);
		operators.keySet().forEach((field) -> {
			if (!filters.containsKey(field) && !WITHOUT_VALUE.contains(operators.get(field))) {
				throw invalid("filter-op[" + field + "] needs a value in filter[" + field + "]");
			}
		});
		Set<String> filtered = new java.util.LinkedHashSet<>(filters.keySet());
		filtered.addAll(operators.keySet());
		for (String name : filtered) {
			String operator = operators.getOrDefault(name, "eq");
			if (!OPERATORS.contains(operator)) {
				throw invalid("filter-op[" + name + "] '" + operator + "' is not one of " + OPERATORS);
			}
			List<String> values = filters.getOrDefault(name, List.of());
			if (operator.equals("between")) {
				values = (values.size() == 1) ? List.of(values.get(0).split(",", -1)) : values;
				if (values.size() != 2) {
					throw invalid("filter-op[" + name + "]=between takes two values: filter[" + name + "]=low,high");
				}
			}
			else if (values.size() > 1) {
				throw invalid("filter[" + name + "] is given more than once");
			}
			Field field = field(type, name, "filter");
			values.forEach((value) -> checkComparable(field, operator, value));
			query.conditions.add(new Condition(field, operator, values));
		}
		for (String part : split(single.get("order-by"))) {
			boolean descending = part.startsWith("-");
			query.orders.add(new Order(field(type, descending ? part.substring(1) : part, "order-by"), descending));
		}
		for (String name : split(single.get("load-only"))) {
			int dot = name.indexOf('.');
			String top = (dot < 0) ? name : name.substring(0, dot);
			if (!type.fields().containsKey(top)) {
				Field relation = field(type, top + "_id", "load-only");
				if (relation.target() == null) {
					throw invalid("load-only names '" + top + "', which is not a field of " + type.entity());
				}
			}
			query.loadOnly.add(top);
		}
		for (String name : split(single.get("expand"))) {
			Field relation = type.fields().get(name + "_id");
			if (relation == null || relation.target() == null) {
				throw invalid("expand names '" + name + "', which is not a relation of " + type.entity());
			}
			query.expand.add(name);
		}
		return query;
	}

	boolean isFiltered() {
		return !this.conditions.isEmpty();
	}

	boolean isSorted() {
		return !this.orders.isEmpty();
	}

	boolean matches(JsonNode entity) {
		for (Condition condition : this.conditions) {
			if (!matches(entity.get(condition.field().apiName()), condition)) {
				return false;
			}
		}
		return true;
	}

	Comparator<JsonNode> comparator() {
		Comparator<JsonNode> comparator = (a, b) -> 0;
		for (Order order : this.orders) {
			Field field = order.field();
			Comparator<JsonNode> byField = (a, b) -> compareNullsFirst(field, a.get(field.apiName()), b.get(field.apiName()));
			comparator = comparator.thenComparing(order.descending() ? byField.reversed() : byField);
		}
		return comparator;
	}

	/** An entity without the field matches as if the field were {@code null}. */
	private static boolean matches(@Nullable JsonNode stored, Condition condition) {
		JsonNode value = (stored != null) ? stored : NullNode.getInstance();
		boolean isNull = value.isNull();
		String text = isNull ? "" : (value.isValueNode() ? value.asString() : value.toString());
		String expected = condition.values().isEmpty() ? "" : condition.values().get(0);
		Field field = condition.field();
		return switch (condition.operator()) {
			case "eq" -> !isNull && compare(field, value, expected) == 0;
			case "not-eq" -> isNull || compare(field, value, expected) != 0;
			case "ieq" -> !isNull && text.equalsIgnoreCase(expected);
			case "not-ieq" -> isNull || !text.equalsIgnoreCase(expected);
			case "contains" -> !isNull && text.contains(expected);
			case "starts" -> !isNull && text.startsWith(expected);
			case "ends" -> !isNull && text.endsWith(expected);
			case "icontains" -> !isNull && lower(text).contains(lower(expected));
			case "istarts" -> !isNull && lower(text).startsWith(lower(expected));
			case "iends" -> !isNull && lower(text).endsWith(lower(expected));
			case "null" -> isNull;
			case "not-null" -> !isNull;
			case "empty" -> isNull || text.isEmpty() || (value.isContainer() && value.isEmpty());
			case "not-empty" -> !isNull && !text.isEmpty() && !(value.isContainer() && value.isEmpty());
			case "gt" -> !isNull && compare(field, value, expected) > 0;
			case "gte" -> !isNull && compare(field, value, expected) >= 0;
			case "lt" -> !isNull && compare(field, value, expected) < 0;
			case "lte" -> !isNull && compare(field, value, expected) <= 0;
			default -> !isNull && compare(field, value, expected) >= 0
					&& compare(field, value, condition.values().get(1)) <= 0;
		};
	}

	/** Numbers compare as numbers, date-times as instants, booleans as such, the rest as text. */
	private static int compare(Field field, JsonNode value, String expected) {
		String text = value.isValueNode() ? value.asString() : value.toString();
		return switch (field.type()) {
			case LONG, DECIMAL -> number(text).compareTo(number(expected));
			case DATETIME -> instant(text).compareTo(instant(expected));
			case BOOLEAN -> Boolean.compare(value.asBoolean(), Boolean.parseBoolean(expected.trim()));
			default -> text.compareTo(expected);
		};
	}

	private static int compareNullsFirst(Field field, @Nullable JsonNode a, @Nullable JsonNode b) {
		if (a == null || a.isNull() || b == null || b.isNull()) {
			return Boolean.compare(a != null && !a.isNull(), b != null && !b.isNull());
		}
		if (field.type() == Type.STRING || field.type() == Type.UNICODE) {
			return a.asString().compareToIgnoreCase(b.asString());
		}
		return compare(field, a, b.isValueNode() ? b.asString() : b.toString());
	}

	private static void checkComparable(Field field, String operator, String value) {
		boolean ordered = Set.of("eq", "not-eq", "gt", "gte", "lt", "lte", "between").contains(operator);
		if (!ordered) {
			return;
		}
		boolean valid = switch (field.type()) {
			case LONG, DECIMAL -> parsesAsNumber(value);
			case DATETIME -> Wire.V100.parse(value) != null;
			case BOOLEAN -> value.equals("true") || value.equals("false");
			default -> true;
		};
		if (!valid) {
			throw invalid("filter[" + field.apiName() + "] '" + value + "' is not a valid "
					+ field.type().name().toLowerCase(Locale.ROOT) + " value");
		}
	}

	private static boolean parsesAsNumber(String value) {
		try {
			new BigDecimal(value.trim());
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static BigDecimal number(String text) {
		return parsesAsNumber(text) ? new BigDecimal(text.trim()) : BigDecimal.ZERO;
	}

	private static Instant instant(String text) {
		Instant instant = Wire.V100.parse(text);
		return (instant != null) ? instant : Instant.EPOCH;
	}

	private static Field field(EntityType type, String name, String parameter) {
		Field field = type.fields().get(name);
		if (field == null) {
			throw invalid(parameter + " names '" + name + "', which is not a field of " + type.entity());
		}
		return field;
	}

	private static String once(String name, List<String> values) {
		if (values.size() != 1) {
			throw invalid("Query parameter '" + name + "' is given more than once");
		}
		return values.get(0);
	}

	private static int integer(String value, String name) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number < 0) {
				throw invalid(name + " must be 0 or more, but was " + number);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw invalid(name + " must be a whole number, but was '" + value + "'");
		}
	}

	private static List<String> split(@Nullable String value) {
		return (value == null || value.isBlank()) ? List.of() : List.of(value.split(","));
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private static ApiError invalid(String message) {
		return ApiError.badRequest(ApiError.INVALID_QUERY, message);
	}

}
