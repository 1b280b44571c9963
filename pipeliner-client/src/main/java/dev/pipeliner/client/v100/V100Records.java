package dev.pipeliner.client.v100;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What the generated records check when they are made: the components the contract says are
 * never null, the values of enumerations, and the other fields, kept unmodifiable. Mapping an
 * answer onto a record fails with these messages (inside the client's
 * {@code PipelinerDecodingException}), never with a record that holds {@code null} where its type
 * says it cannot.
 */
final class V100Records {

	/** The prefix of a custom field's API name. */
	static final String CUSTOM_FIELD_PREFIX = "cf_";

	private V100Records() {
	}

	/**
	 * @param value a component's value
	 * @param type the record, such as {@code Contact}
	 * @param field the property, such as {@code owner_id}
	 * @return the value
	 * @throws IllegalArgumentException if the value is null
	 */
	static <T> T present(@Nullable T value, String type, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " of " + type + " is null or missing, but a whole answer always has"
					+ " it; read a part of an entity (load-only) into a record of your own, or as an Entity");
		}
		return value;
	}

	/** @return the other fields as an unmodifiable map in their order, empty for none */
	static Map<String, @Nullable Object> others(@Nullable Map<String, @Nullable Object> fields) {
		return (fields == null || fields.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** @return the custom fields ({@code cf_*}) among the other fields, in their order */
	static Map<String, @Nullable Object> customFields(Map<String, @Nullable Object> others) {
		Map<String, @Nullable Object> custom = new LinkedHashMap<>();
		others.forEach((name, value) -> {
			if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
				custom.put(name, value);
			}
		});
		return Collections.unmodifiableMap(custom);
	}

	/**
	 * @param type an enumeration of a record
	 * @param value a value on the wire
	 * @param wire the value of a constant on the wire
	 * @param field the property, such as {@code Contact.gender}, for the message
	 * @return the constant whose value on the wire is {@code value}
	 * @throws IllegalArgumentException naming the property and the values the contract lists, if
	 * none has that value
	 */
	static <E extends Enum<E>> E constant(Class<E> type, Object value, Function<E, Object> wire, String field) {
		E[] constants = type.getEnumConstants();
		for (E constant : constants) {
			if (wire.apply(constant).equals(value)) {
				return constant;
			}
		}
		throw new IllegalArgumentException(value + " is not a value of " + field + "; the contract lists "
				+ Arrays.stream(constants).map((constant) -> wire.apply(constant) + " (" + constant.name() + ")")
					.collect(Collectors.joining(", ")));
	}

}
