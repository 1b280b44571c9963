package dev.pipeliner.codegen;

import java.util.List;
import java.util.Map;

/**
 * What a property's value is, as the contract describes it, in the terms the generated Java
 * needs: the type of a record component, or a relation that is no component.
 */
sealed interface Shape {

	/** A value of one Java type of its own. */
	record Value(Kind kind) implements Shape {
	}

	/**
	 * Whole numbers from a fixed list.
	 * @param values the values, in the contract's order
	 * @param names their names ({@code x-enum-varnames}), or empty when the contract names none
	 */
	record IntEnum(List<Integer> values, List<String> names) implements Shape {
	}

	/** Texts from a fixed list. */
	record TextEnum(List<String> values) implements Shape {
	}

	/** A bit mask ({@code x-pipeliner-flags}): flag names to their bits. */
	record Flags(Map<String, Integer> flags) implements Shape {
	}

	/** A JSON object whose properties the contract names: a nested record. */
	record Nested(List<Property> properties) implements Shape {
	}

	/** A JSON array of elements of one shape. */
	record ListOf(Shape element) implements Shape {
	}

	/**
	 * A relation as the service writes it: the related entity's URI, or a list of them; the
	 * related entity itself when a query expands it.
	 */
	record Link(boolean many) implements Shape {
	}

	/** The kinds of {@link Value}, each with its Java type. */
	enum Kind {

		TEXT("String"), ID("String"), URI("String"), DATE_TIME("Instant"), DATE("LocalDate"), BOOLEAN("Boolean"),
		INTEGER("Integer"), LONG("Long"), DECIMAL("BigDecimal"), JSON("Object"), JSON_OBJECT("Map<String, @Nullable Object>");

		private final String javaType;

		Kind(String javaType) {
			this.javaType = javaType;
		}

		String javaType() {
			return this.javaType;
		}

	}

}
