package dev.pipeliner.client.query;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * The comparison of one filter condition, with the code that stands for it on the wire
 * ({@code FIELD::value::code}).
 */
public enum FilterOperator {

	/** Equal to the value (the default; the code is left out on the v1 wire). */
	EQ("eq", "eq"),
	/** Not equal to the value; with an empty value, "is not empty". */
	NE("ne", "not-eq"),
	/** Greater than the value. */
	GT("gt", "gt"),
	/** Less than the value. */
	LT("lt", "lt"),
	/** Greater than or equal to the value. */
	GE("ge", "gte"),
	/** Less than or equal to the value. */
	LE("le", "lte"),
	/** Starts with the value. */
	STARTS_WITH("ll", "starts"),
	/** Ends with the value. */
	ENDS_WITH("rl", "ends"),
	/** Contains the value. */
	CONTAINS("fl", "contains"),
	/** Equal to the value, ignoring case (v100 only). */
	IEQ(null, "ieq"),
	/** Not equal to the value, ignoring case (v100 only). */
	NOT_IEQ(null, "not-ieq"),
	/** Contains the value, ignoring case (v100 only). */
	ICONTAINS(null, "icontains"),
	/** Starts with the value, ignoring case (v100 only). */
	ISTARTS(null, "istarts"),
	/** Ends with the value, ignoring case (v100 only). */
	IENDS(null, "iends"),
	/** The field has no value; the condition's value is ignored (v100 only). */
	NULL(null, "null"),
	/** The field has a value; the condition's value is ignored (v100 only). */
	NOT_NULL(null, "not-null"),
	/** The field is null or empty; the condition's value is ignored (v100 only). */
	EMPTY(null, "empty"),
	/** The field is neither null nor empty; the condition's value is ignored (v100 only). */
	NOT_EMPTY(null, "not-empty"),
	/** Between two values, bounds included (v100 only); see {@link Filter#between}. */
	BETWEEN(null, "between");

	private final @Nullable String code;

	private final String v100Code;

	FilterOperator(@Nullable String code, String v100Code) {
		this.code = code;
		this.v100Code = v100Code;
	}

	/**
	 * @return the operator's code on the v1 wire, such as {@code gt} or {@code ll}, or
	 * {@code null} if the v1 API cannot express it
	 */
	public @Nullable String code() {
		return this.code;
	}

	/** @return the operator's code on the v100 wire ({@code filter-op}), such as {@code gte} */
	public String v100Code() {
		return this.v100Code;
	}

	/**
	 * @param code a v1 or v100 code such as {@code gt}, {@code ll} or {@code not-ieq}, in any case
	 * @return the operator with that code
	 * @throws IllegalArgumentException if no operator has that code
	 */
	public static FilterOperator fromCode(@Nullable String code) {
		for (FilterOperator operator : values()) {
			if (code != null && (code.equalsIgnoreCase(operator.code) || code.equalsIgnoreCase(operator.v100Code))) {
				return operator;
			}
		}
		throw new IllegalArgumentException("filter operator " + Arguments.quote(code) + " is unknown; use one of eq, ne,"
				+ " gt, lt, ge, le, ll (starts with), rl (ends with), fl (contains), or a v100 operator such as ieq,"
				+ " icontains, null, between");
	}

}
