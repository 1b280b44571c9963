package dev.pipeliner.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.DateTimes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable view of one Pipeliner entity, as the server sent it: a JSON object whose keys are
 * field API names ({@code id}, {@code first_name}, {@code owner_id} and {@code cf_…} custom
 * fields on v100; {@code ID}, {@code FIRST_NAME}, {@code OWNER_ID} on v1).
 * <p>
 * The typed getters return {@code null} when the field is absent or JSON {@code null}, and throw
 * {@link PipelinerDecodingException} naming the field and the entity when its value has another
 * type. Decimals are exact: the client reads every number with a fraction digit for digit. Use
 * {@link #as(Class)} to map the entity onto a record or POJO of your own (annotate its components
 * with {@code @JsonProperty("first_name")} and the like; unknown fields are ignored unless the
 * mapper is set to fail on them). Date-times of either protocol's form map onto {@code Instant},
 * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDateTime} and {@code LocalDate}
 * fields; a {@code LocalDateTime} or {@code LocalDate} gets the date and time in UTC.
 */
public final class Entity {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ObjectNode node;

	private final ObjectMapper mapper;

	private final String dateTimeForm;

	/**
	 * @param mapper maps the entity onto the caller's types
	 * @param dateTimeForm the form of date-times in the protocol's answers, for messages
	 */
	Entity(ObjectNode node, ObjectMapper mapper, String dateTimeForm) {
		this.node = node;
		this.mapper = mapper;
		this.dateTimeForm = dateTimeForm;
	}

	/**
	 * An entity from field values, for tests and for building data to write.
	 * @param fields field API names to values
	 * @return the entity
	 */
	public static Entity of(Map<String, ?> fields) {
		Arguments.requireNonNull(fields, "fields");
		return new Entity(PipelinerClient.STANDALONE_MAPPER.valueToTree(fields), PipelinerClient.STANDALONE_MAPPER,
				"'2023-03-23 14:20:54.529536+00:00' or 'yyyy-MM-dd HH:mm:ss' (UTC)");
	}

	/**
	 * @return the entity's id: {@code ID} on the v1 API, {@code id} on v100; {@code null} if it has
	 * none (a create not yet sent)
	 */
	public @Nullable String id() {
		String id = getString("ID");
		return (id != null) ? id : getString("id");
	}

	/** @return whether the field is present, even with a {@code null} value */
	public boolean has(String field) {
		return this.node.has(field);
	}

	/** @return the field names, in the order the server sent them */
	public List<String> fieldNames() {
		return new ArrayList<>(this.node.propertyNames());
	}

	/** @return the value as text (numbers and booleans in their JSON form), or {@code null} */
	public @Nullable String getString(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (value.isContainer()) {
			throw wrongType(field, "text", value);
		}
		return value.asString();
	}

	/** @return the value as a whole number (a JSON number or numeric text), or {@code null} */
	public @Nullable Long getLong(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		throw wrongType(field, "a whole number", value);
	}

	/** @return the value as a decimal (a JSON number or numeric text), exactly as written, or {@code null} */
	public @Nullable BigDecimal getDecimal(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		throw wrongType(field, "a decimal", value);
	}

	/**
	 * @return the value as a boolean: Pipeliner's {@code 0}/{@code 1} flags, {@code true}/{@code false},
	 * or their text forms; {@code null} if absent
	 */
	public @Nullable Boolean getBoolean(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.isValueNode() ? value.asString().trim() : "";
		switch (text.toLowerCase(Locale.ROOT)) {
			case "1", "true":
				return Boolean.TRUE;
			case "0", "false":
				return Boolean.FALSE;
			default:
				throw wrongType(field, "a 0/1 flag or boolean", value);
		}
	}

	/**
	 * @return the value as an instant, or {@code null}: v100's form
	 * {@code 2023-03-23 14:20:54.529536+00:00} and v1's {@code yyyy-MM-dd HH:mm:ss} (UTC), and the
	 * ISO-8601 forms, with {@code T} or a space, any fraction of a second, and an offset written
	 * {@code +00:00}, {@code +0000}, {@code +00}, {@code Z} or not at all (UTC); a bare date is
	 * midnight UTC
	 */
	public @Nullable Instant getDateTime(String field) {
		JsonNode value = value(field);
		if (value == null || (value.isString() && value.stringValue().isBlank())) {
			return null;
		}
		if (value.isString()) {
			try {
				return DateTimes.parse(value.stringValue());
			}
			catch (DateTimeParseException ex) {
				// fall through
			}
		}
		throw wrongType(field, "a date-time in the form " + this.dateTimeForm, value);
	}

	/**
	 * @return the raw value: a {@code String}, {@code Number}, {@code Boolean}, {@code List},
	 * {@code Map}, or {@code null}
	 */
	public @Nullable Object get(String field) {
		JsonNode value = value(field);
		return (value != null) ? this.mapper.convertValue(value, Object.class) : null;
	}

	/** @return a new mutable map of all fields (nested objects and arrays as maps and lists) */
	public Map<String, Object> toMap() {
		return this.mapper.convertValue(this.node, MAP);
	}

	/**
	 * Maps the entity onto a type of your own.
	 * @param type a record or POJO; unknown fields are ignored unless the mapper is set to fail on them
	 * @return the mapped value
	 * @throws PipelinerDecodingException if the entity cannot be mapped onto the type
	 */
	public <T> T as(Class<T> type) {
		Arguments.requireNonNull(type, "type");
		if (type == Entity.class) {
			return type.cast(this);
		}
		try {
			return this.mapper.treeToValue(this.node, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PipelinerDecodingException(
					"Cannot map entity " + id() + " onto " + type.getName() + ": " + ex.getMessage(), ex);
		}
	}

	ObjectNode copyOfNode() {
		return this.node.deepCopy();
	}

	private @Nullable JsonNode value(String field) {
		Arguments.requireNonNull(field, "field");
		JsonNode value = this.node.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

	private PipelinerDecodingException wrongType(String field, String expected, JsonNode value) {
		return new PipelinerDecodingException(
				"Field " + field + " of entity " + Arguments.quote(id()) + " is not " + expected + ": "
						+ Arguments.shorten(value.toString()),
				null);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Entity entity) && this.node.equals(entity.node);
	}

	@Override
	public int hashCode() {
		return this.node.hashCode();
	}

	/** @return the entity as JSON */
	@Override
	public String toString() {
		return this.node.toString();
	}

}
