package dev.pipeliner.client.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.DateTimes;
import org.jspecify.annotations.Nullable;

/**
 * One or more conditions on entity fields, all of which must hold (the protocol has AND only).
 * Immutable.
 * <pre>{@code
 * Filter.eq("FIRST_NAME", "Todd").and(Filter.startsWith("EMAIL1", "todd@"))
 * Filter.gt("MODIFIED", Instant.parse("2024-05-01T00:00:00Z"))
 * }</pre>
 * Values may be strings, numbers, booleans, {@link Instant}s, {@link LocalDate}s or enums; each
 * protocol writes them in its own form (on v1, booleans as {@code 1}/{@code 0} and instants as
 * {@code yyyy-MM-dd HH:mm:ss} UTC). What a protocol cannot express, such as a v1 value containing
 * {@code |} or {@code ::}, which v1 cannot escape, fails with an {@link IllegalArgumentException}
 * before anything is sent.
 */
public final class Filter {

	private final List<Condition> conditions;

	private Filter(List<Condition> conditions) {
		this.conditions = List.copyOf(conditions);
	}

	/**
	 * One condition of a filter.
	 * @param field the field's API name
	 * @param operator the comparison
	 * @param value the value: a String, Number, Boolean, Instant, LocalDate or enum, or a
	 * two-element list for {@link FilterOperator#BETWEEN}; {@code ""} for the operators that take
	 * no value
	 */
	public record Condition(String field, FilterOperator operator, Object value) {

		public Condition {
			Arguments.requireText(field, "field");
			Arguments.requireNonNull(operator, "operator");
			value = requireSupported(value);
		}

		/**
		 * Conditions are equal when they compare the same field in the same way with the same
		 * value, whatever form the value was given in: {@code gt("AGE", 30)} equals the parsed
		 * {@code AGE::30::gt}.
		 */
		@Override
		public boolean equals(Object other) {
			return (other instanceof Condition condition) && this.field.equals(condition.field)
					&& this.operator == condition.operator && canonical(this.value).equals(canonical(condition.value));
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.field, this.operator, canonical(this.value));
		}

	}

	/**
	 * A filter of one condition.
	 * @param field the field's API name, such as {@code FIRST_NAME}
	 * @param operator the comparison
	 * @param value the value; see the class description for the accepted types
	 * @return the filter
	 */
	public static Filter of(String field, FilterOperator operator, @Nullable Object value) {
		Arguments.requireNonNull(operator, "operator");
		return new Filter(List.of(new Condition(field, operator, (value != null) ? value : "")));
	}

	/**
	 * @return a filter matching entities whose field lies between {@code low} and {@code high},
	 * bounds included (v100 only)
	 */
	public static Filter between(String field, Object low, Object high) {
		Arguments.requireNonNull(low, "low");
		Arguments.requireNonNull(high, "high");
		return new Filter(List.of(new Condition(field, FilterOperator.BETWEEN, List.of(low, high))));
	}

	/** @return a filter matching entities whose field equals the value, ignoring case (v100 only) */
	public static Filter ieq(String field, String value) {
		return of(field, FilterOperator.IEQ, value);
	}

	/** @return a filter matching entities whose field has no value (v100 only) */
	public static Filter isNull(String field) {
		return of(field, FilterOperator.NULL, "");
	}

	/** @return a filter matching entities whose field has a value (v100 only) */
	public static Filter isNotNull(String field) {
		return of(field, FilterOperator.NOT_NULL, "");
	}

	public static Filter eq(String field, Object value) {
		return of(field, FilterOperator.EQ, value);
	}

	public static Filter ne(String field, Object value) {
		return of(field, FilterOperator.NE, value);
	}

	public static Filter gt(String field, Object value) {
		return of(field, FilterOperator.GT, value);
	}

	public static Filter lt(String field, Object value) {
		return of(field, FilterOperator.LT, value);
	}

	public static Filter ge(String field, Object value) {
		return of(field, FilterOperator.GE, value);
	}

	public static Filter le(String field, Object value) {
		return of(field, FilterOperator.LE, value);
	}

	public static Filter startsWith(String field, String prefix) {
		return of(field, FilterOperator.STARTS_WITH, prefix);
	}

	public static Filter endsWith(String field, String suffix) {
		return of(field, FilterOperator.ENDS_WITH, suffix);
	}

	public static Filter contains(String field, String part) {
		return of(field, FilterOperator.CONTAINS, part);
	}

	/** @return a filter matching entities whose field is not empty ({@code FIELD::::ne}) */
	public static Filter isNotEmpty(String field) {
		return of(field, FilterOperator.NE, "");
	}

	/**
	 * Parses the wire form, such as {@code NAME::Acme|COUNT::56::gt}.
	 * @param wire the value of a {@code filter} parameter, not URL-encoded
	 * @return the filter
	 * @throws IllegalArgumentException if a condition is malformed or names an unknown operator
	 */
	public static Filter parse(String wire) {
		Arguments.requireText(wire, "filter");
		List<Condition> conditions = new ArrayList<>();
		for (String part : wire.split("\\|")) {
			String[] pieces = part.split("::", -1);
			if (pieces.length < 2 || pieces.length > 3) {
				throw new IllegalArgumentException(
						"filter condition " + Arguments.quote(part) + " must be FIELD::value or FIELD::value::operator");
			}
			FilterOperator operator = (pieces.length == 3) ? FilterOperator.fromCode(pieces[2]) : FilterOperator.EQ;
			conditions.add(new Condition(pieces[0], operator, pieces[1]));
		}
		return new Filter(conditions);
	}

	/**
	 * @param other more conditions that must hold as well
	 * @return a filter with the conditions of both
	 */
	public Filter and(Filter other) {
		Arguments.requireNonNull(other, "other");
		List<Condition> all = new ArrayList<>(this.conditions);
		all.addAll(other.conditions);
		return new Filter(all);
	}

	/** @return the conditions, in order */
	public List<Condition> conditions() {
		return this.conditions;
	}

	/**
	 * @return the value, if a filter can take it: {@code ""} for {@code null}, and instants
	 * between the years 1 and 9999
	 * @throws IllegalArgumentException for a value of another type
	 */
	private static Object requireSupported(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return DateTimes.requireWritable(instant, "value");
		}
		if (value instanceof List<?> range) {
			range.forEach(Filter::requireSupported);
			return List.copyOf(range);
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof LocalDate || value instanceof Enum<?>) {
			return value;
		}
		throw new IllegalArgumentException("value of type " + value.getClass().getName()
				+ " is not supported in a filter; use a String, Number, Boolean, Instant or LocalDate");
	}

	/** @return the value as conditions compare it: numbers, texts, dates and enums by their text */
	private static Object canonical(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof List<?> range) {
			return range.stream().map(Filter::canonical).toList();
		}
		if (value instanceof Instant || value instanceof Boolean) {
			return value;
		}
		return value.toString();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Filter filter) && this.conditions.equals(filter.conditions);
	}

	@Override
	public int hashCode() {
		return this.conditions.hashCode();
	}

	@Override
	public String toString() {
		return this.conditions.stream()
			.map((condition) -> condition.field() + " " + condition.operator() + " " + condition.value())
			.collect(Collectors.joining(" and "));
	}

}
