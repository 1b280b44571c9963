package dev.pipeliner.client.query;

import dev.pipeliner.client.internal.Arguments;

/**
 * The comparison of one filter condition, with the code that stands for it on the wire
 * ({@code FIELD::value::code}).
 */
public enum FilterOperator {

	/** Equal to the value (the default; the code is left out on the wire). */
	EQ("eq"),
	/** Not equal to the value; with an empty value, "is not empty". */
	NE("ne"),
	/** Greater than the value. */
	GT("gt"),
	/** Less than the value. */
	LT("lt"),
	/** Greater than or equal to the value. */
	GE("ge"),
	/** Less than or equal to the value. */
	LE("le"),
	/** Starts with the value. */
	STARTS_WITH("ll"),
	/** Ends with the value. */
	ENDS_WITH("rl"),
	/** Contains the value. */
	CONTAINS("fl");

	private final String code;

	FilterOperator(String code) {
		this.code = code;
	}

	/** @return the operator's code on the wire, such as {@code gt} or {@code ll} */
	public String code() {
		return this.code;
	}

	/**
	 * @param code a wire code such as {@code gt}, in any case
	 * @return the operator with that code
	 * @throws IllegalArgumentException if no operator has that code
	 */
	public static FilterOperator fromCode(String code) {
		for (FilterOperator operator : values()) {
			if (operator.code.equalsIgnoreCase(code)) {
				return operator;
			}
		}
		throw new IllegalArgumentException("filter operator " + Arguments.quote(code) + " is unknown; use one of eq, ne, gt, lt, ge, le,"
				+ " ll (starts with), rl (ends with), fl (contains)");
	}

}
