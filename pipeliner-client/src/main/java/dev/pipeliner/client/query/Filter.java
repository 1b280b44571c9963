package dev.pipeliner.client.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.pipeliner.client.internal.Arguments;
import dev.pipeliner.client.internal.DateTimes;

/**
 * One or more conditions on entity fields, all of which must hold (the protocol has AND only).
 * Immutable.
 * <pre>{@code
 * Filter.eq("FIRST_NAME", "Todd").and(Filter.startsWith("EMAIL1", "todd@"))
 * Filter.gt("MODIFIED", Instant.parse("2024-05-01T00:00:00Z"))
 * }</pre>
 * Values may be strings, numbers, booleans (sent as {@code 1}/{@code 0}, like Pipeliner's flags),
 * {@link Instant}s (sent as {@code yyyy-MM-dd HH:mm:ss} UTC) or {@link LocalDate}s. The protocol
 * cannot escape its separators, so a value or field containing {@code |} or {@code ::} is rejected
 * with an {@link IllegalArgumentException}.
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
	 * @param value the value as the v1 API writes it
	 * @param given the value as it was given: a String, Number, Boolean, Instant, LocalDate or
	 * enum, or a two-element list for {@link FilterOperator#BETWEEN}
	 */
	public record Condition(String field, FilterOperator operator, String value, Object given) {

		public Condition {
			Arguments.requireText(field, "field");
			Arguments.requireNonNull(operator, "operator");
			Arguments.requireNonNull(value, "value");
		}

		/**
		 * A condition given in its wire form.
		 * @param field the field's API name
		 * @param operator the comparison
		 * @param value the value as it is sent
		 */
		public Condition(String field, FilterOperator operator, String value) {
			this(field, operator, value, value);
		}

		/**
		 * Conditions are equal when the v1 API writes them alike, whatever form their value was
		 * given in; {@code eq("X", true)} equals {@code eq("X", 1)}.
		 */
		@Override
		public boolean equals(Object other) {
			return (other instanceof Condition condition) && this.field.equals(condition.field)
					&& this.operator == condition.operator && this.value.equals(condition.value);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.field, this.operator, this.value);
		}

		/**
		 * @return the condition in the v1 wire form, {@code FIELD::value::op}
		 * @throws IllegalArgumentException if the v1 API cannot express it
		 */
		String toWire() {
			if (this.operator.code() == null) {
				throw new IllegalArgumentException("filter operator " + this.operator + " (" + this.operator.v100Code()
						+ ") exists only in the v100 API; the v1 API cannot express it");
			}
			Arguments.requireExpressible(this.field, "field");
			Arguments.requireExpressible(this.value, "value");
			return (this.operator == FilterOperator.EQ) ? this.field + "::" + this.value
					: this.field + "::" + this.value + "::" + this.operator.code();
		}

	}

	/**
	 * A filter of one condition.
	 * @param field the field's API name, such as {@code FIRST_NAME}
	 * @param operator the comparison
	 * @param value the value; see the class description for the accepted types
	 * @return the filter
	 */
	public static Filter of(String field, FilterOperator operator, Object value) {
		Arguments.requireNonNull(operator, "operator");
		return new Filter(List.of(new Condition(field, operator, toWireValue(value), value)));
	}

	/**
	 * @return a filter matching entities whose field lies between {@code low} and {@code high},
	 * bounds included (v100 only)
	 */
	public static Filter between(String field, Object low, Object high) {
		Arguments.requireNonNull(low, "low");
		Arguments.requireNonNull(high, "high");
		return new Filter(List.of(new Condition(field, FilterOperator.BETWEEN,
				toWireValue(low) + "," + toWireValue(high), List.of(low, high))));
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

	/** @return the wire form, such as {@code NAME::Acme|COUNT::56::gt} */
	public String toWire() {
		return this.conditions.stream().map(Condition::toWire).collect(Collectors.joining("|"));
	}

	static String toWireValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return DateTimes.format(DateTimes.requireWritable(instant, "value"));
		}
		if (value instanceof Boolean flag) {
			return flag ? "1" : "0";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof LocalDate
				|| value instanceof Enum<?>) {
			return value.toString();
		}
		throw new IllegalArgumentException("value of type " + value.getClass().getName()
				+ " is not supported in a filter; use a String, Number, Boolean, Instant or LocalDate");
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
