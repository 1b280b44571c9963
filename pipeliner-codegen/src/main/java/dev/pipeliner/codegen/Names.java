package dev.pipeliner.codegen;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Java names for the contract's names: constants in upper snake case ({@code FIRST_NAME}),
 * record components in camel case ({@code firstName}), nested types in Pascal case
 * ({@code ShareMode}). A name that Java cannot use, or two names that would become one, stop the
 * generation with a message naming them, rather than code that does not compile.
 */
final class Names {

	/** What a generated record declares besides its components, and what its sources import. */
	static final Set<String> RESERVED_TYPES = Set.of("String", "Object", "Integer", "Long", "Boolean", "Map", "List",
			"Instant", "LocalDate", "BigDecimal", "Nullable", "JsonProperty", "JsonAnySetter", "JsonAnyGetter",
			"JsonCreator", "JsonValue", "V100Records");

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
			"finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
			"native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
			"super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
			"true", "false", "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "_");

	/** Methods every record has, which a component must not shadow. */
	private static final Set<String> RECORD_METHODS = Set.of("hashCode", "toString", "equals", "getClass", "notify",
			"notifyAll", "wait", "clone", "finalize");

	private Names() {
	}

	/** @return {@code first_name} as {@code FIRST_NAME} */
	static String constant(String name) {
		return identifier(name.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT), name);
	}

	/** @return {@code first_name} as {@code firstName} */
	static String member(String name) {
		String pascal = type(name);
		String member = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
		if (RECORD_METHODS.contains(member)) {
			throw new IllegalArgumentException("property " + name + " would be a record component " + member
					+ ", which every record has as a method");
		}
		return identifier(member, name);
	}

	/** @return {@code share_mode} as {@code ShareMode} */
	static String type(String name) {
		StringBuilder type = new StringBuilder();
		for (String part : name.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				type.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return identifier(type.toString(), name);
	}

	/** @return an enum value's name, such as {@code NotStarted}, as {@code NOT_STARTED} */
	static String enumConstant(String name) {
		String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2");
		return constant(snake);
	}

	/**
	 * @param names the names of one scope
	 * @param scope what they name, for the message
	 * @throws IllegalArgumentException if a name occurs twice
	 */
	static void requireUnique(Collection<String> names, String scope) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (!seen.add(name)) {
				throw new IllegalArgumentException(scope + " would declare " + name + " twice");
			}
		}
	}

	private static String identifier(String candidate, String name) {
		if (candidate.isEmpty() || !Character.isJavaIdentifierStart(candidate.charAt(0))
				|| !candidate.chars().allMatch(Character::isJavaIdentifierPart) || KEYWORDS.contains(candidate)) {
			throw new IllegalArgumentException("'" + name + "' gives no Java name: " + candidate);
		}
		return candidate;
	}

}
