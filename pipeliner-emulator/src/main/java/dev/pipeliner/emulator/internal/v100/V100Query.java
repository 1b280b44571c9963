package dev.pipeliner.emulator.internal.v100;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.Wire;
import dev.pipeliner.emulator.internal.v100.V100Property.Kind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The query parameters of a v100 list: {@code first}, {@code after}, {@code order-by},
 * {@code filter[field]} with {@code filter-op[field]}, {@code load-only}, {@code expand},
 * {@code include-deleted}, and the legacy {@code limit} and {@code offset}; checked against the
 * contract's properties of the collection. {@code between} takes its two bounds as
 * {@code filter[field]=low,high} or as the parameter given twice.
 * <p>
 * The order is the {@code order-by} keys, then the id, ascending: the default order is by id.
 * Numbers compare as numbers, date-times as instants in any UTC form, booleans as such, other
 * values as text ignoring case (sorts) or respecting it (filters, but for the {@code i*}
 * operators); {@code null} sorts first.
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

	/** The operators that compare values in their order. */
	static final Set<String> ORDERED = Set.of("eq", "gt", "gte", "lt", "lte", "between");

	record Condition(V100Property property, String operator, List<String> values) {
	}

	record Order(V100Property property, boolean descending) {
	}

	final int first;

	/** The cursor to read after, or {@code null} for the first page. */
	final @Nullable String after;

	/** The legacy offset, or -1 when the list pages by cursor. */
	final int offset;

	/** Whether deleted entities are read too ({@code include-deleted=true}). */
	final boolean includeDeleted;

	final List<Condition> conditions = new ArrayList<>();

	/** The {@code order-by} keys, without a last ascending {@code id}, which every order ends with. */
	final List<Order> orders = new ArrayList<>();

	final List<String> loadOnly = new ArrayList<>();

	final Set<String> expand = new LinkedHashSet<>();

	private V100Query(int first, @Nullable String after, int offset, boolean includeDeleted) {
		this.first = first;
		this.after = after;
		this.offset = offset;
		this.includeDeleted = includeDeleted;
	}

	static V100Query parse(Map<String, List<String>> parameters, V100Type type) {
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
		String deleted = single.get("include-deleted");
		if (deleted != null && !deleted.equals("true") && !deleted.equals("false")) {
			throw invalid("include-deleted must be true or false, but was '" + deleted + "'");
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
		V100Query query = new V100Query(first, single.get("after"), offset, "true".equals(deleted));
		operators.keySet().forEach((field) -> {
			if (!filters.containsKey(field) && !WITHOUT_VALUE.contains(operators.get(field))) {
				throw invalid("filter-op[" + field + "] needs a value in filter[" + field + "]");
			}
		});
		Set<String> filtered = new LinkedHashSet<>(filters.keySet());
		filtered.addAll(operators.keySet());
		for (String name : filtered) {
			query.conditions.add(condition(type, name, operators.getOrDefault(name, "eq"), filters.getOrDefault(name, List.of())));
		}
		for (String part : split(single.get("order-by"))) {
			boolean descending = part.startsWith("-");
			V100Property property = stored(type, descending ? part.substring(1) : part, "order-by");
			if (property.kind() == Kind.STRUCTURE) {
				throw invalid("order-by names '" + property.name() + "', whose values have no order");
			}
			query.orders.add(new Order(property, descending));
		}
		if (!query.orders.isEmpty()) {
			Order last = query.orders.get(query.orders.size() - 1);
			if (last.property().name().equals("id") && !last.descending()) {
				query.orders.remove(query.orders.size() - 1);
			}
		}
		for (String name : split(single.get("load-only"))) {
			int dot = name.indexOf('.');
			String top = (dot < 0) ? name : name.substring(0, dot);
			if (type.property(top) == null) {
				throw invalid("load-only names '" + top + "', which is not a field of " + type.entity());
			}
			query.loadOnly.add(top);
		}
		for (String name : split(single.get("expand"))) {
			if (V100Render.expandable(type, name) == null) {
				throw invalid("expand names '" + name + "', which is not a relation of " + type.entity());
			}
			int dot = name.indexOf('.');
			if (dot > 0) {
				query.expand.add(name.substring(0, dot));
			}
			query.expand.add(name);
		}
		return query;
	}

	private static Condition condition(V100Type type, String name, String operator, List<String> given) {
		if (!OPERATORS.contains(operator)) {
			throw invalid("filter-op[" + name + "] '" + operator + "' is not one of " + OPERATORS);
		}
		List<String> values = given;
		if (operator.equals("between")) {
			values = (values.size() == 1) ? List.of(values.get(0).split(",", -1)) : values;
			if (values.size() != 2) {
				throw invalid("filter-op[" + name + "]=between takes two values: filter[" + name + "]=low,high");
			}
		}
		else if (values.size() > 1) {
			throw invalid("filter[" + name + "] is given more than once");
		}
		V100Property property = stored(type, name, "filter");
		for (String value : values) {
			if (ORDERED.contains(operator) && !comparable(property.kind(), value)) {
				throw invalid("filter[" + name + "] '" + value + "' is not a valid "
						+ property.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " value");
			}
		}
		return new Condition(property, operator, values);
	}

	boolean isFiltered() {
		return !this.conditions.isEmpty();
	}

	boolean isSorted() {
		return !this.orders.isEmpty();
	}

	boolean matches(JsonNode entity) {
		for (Condition condition : this.conditions) {
			if (!matches(entity.get(condition.property().name()), condition)) {
				return false;
			}
		}
		return true;
	}

	/** @return the order of the list: its keys, then the id */
	Comparator<JsonNode> comparator() {
		Comparator<JsonNode> comparator = (a, b) -> 0;
		for (Order order : this.orders) {
			V100Property property = order.property();
			Comparator<JsonNode> byKey = (a, b) -> sortCompare(property.kind(), a.get(property.name()), b.get(property.name()));
			comparator = comparator.thenComparing(order.descending() ? byKey.reversed() : byKey);
		}
		return comparator.thenComparing((a, b) -> a.path("id").asString("").compareTo(b.path("id").asString("")));
	}

	/** An entity without the field matches as if the field were {@code null}. */
	private static boolean matches(@Nullable JsonNode stored, Condition condition) {
		JsonNode value = (stored != null) ? stored : NullNode.getInstance();
		boolean isNull = value.isNull();
		String text = isNull ? "" : (value.isValueNode() ? value.asString() : value.toString());
		String expected = condition.values().isEmpty() ? "" : condition.values().get(0);
		Kind kind = condition.property().kind();
		return switch (condition.operator()) {
			case "eq" -> !isNull && compare(kind, value, expected) == 0;
			case "not-eq" -> isNull || compare(kind, value, expected) != 0;
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
			case "gt" -> !isNull && compare(kind, value, expected) > 0;
			case "gte" -> !isNull && compare(kind, value, expected) >= 0;
			case "lt" -> !isNull && compare(kind, value, expected) < 0;
			case "lte" -> !isNull && compare(kind, value, expected) <= 0;
			default -> !isNull && compare(kind, value, expected) >= 0 && compare(kind, value, condition.values().get(1)) <= 0;
		};
	}

	/** Filters: numbers as numbers, date-times as instants, booleans as such, the rest as text. */
	private static int compare(Kind kind, JsonNode value, String expected) {
		String text = value.isValueNode() ? value.asString() : value.toString();
		return switch (kind) {
			case NUMBER -> number(text).compareTo(number(expected));
			case DATE_TIME -> instant(text).compareTo(instant(expected));
			case BOOLEAN -> Boolean.compare(value.asBoolean(), Boolean.parseBoolean(expected.trim()));
			default -> text.compareTo(expected);
		};
	}

	/** Sorts and cursors: as {@link #compare}, but text ignoring case, and {@code null} first. */
	static int sortCompare(Kind kind, @Nullable JsonNode a, @Nullable JsonNode b) {
		if (a == null || a.isNull() || b == null || b.isNull()) {
			return Boolean.compare(a != null && !a.isNull(), b != null && !b.isNull());
		}
		if (kind == Kind.TEXT) {
			return a.asString().compareToIgnoreCase(b.asString());
		}
		return compare(kind, a, b.isValueNode() ? b.asString() : b.toString());
	}

	private static boolean comparable(Kind kind, String value) {
		return switch (kind) {
			case NUMBER -> parsesAsNumber(value);
			case DATE_TIME -> Wire.V100.parse(value) != null;
			case BOOLEAN -> value.equals("true") || value.equals("false");
			default -> true;
		};
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

	/** @return a property whose values entities store, which filters and sorts can read */
	private static V100Property stored(V100Type type, String name, String parameter) {
		V100Property property = type.property(name);
		if (property == null) {
			throw invalid(parameter + " names '" + name + "', which is not a field of " + type.entity());
		}
		if (property.isDerived()) {
			V100Property.Relation relation = property.relation();
			String idProperty = (relation != null) ? relation.idProperty() : null;
			throw invalid(parameter + " names '" + name + "', which answers derive"
					+ ((idProperty != null) ? "; use " + idProperty : ""));
		}
		return property;
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

	static ApiError invalid(String message) {
		return ApiError.badRequest(ApiError.INVALID_QUERY, message);
	}

}
