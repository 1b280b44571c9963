package dev.pipeliner.emulator.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Field values on the wire: the UTC date-time format, and the checks a value must pass to be
 * stored in a field of a given type.
 */
public final class Values {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private Values() {
	}

	public static String format(Instant instant) {
		return DATE_TIME.format(instant);
	}

	/** @return whether the text is {@code yyyy-MM-dd HH:mm:ss} or a bare {@code yyyy-MM-dd} */
	public static boolean isDateTime(String text) {
		try {
			if (text.length() == 10) {
				LocalDate.parse(text);
			}
			else {
				LocalDateTime.parse(text, DATE_TIME);
			}
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * @throws ApiError naming the entity and field when the value does not fit the field
	 */
	static void check(EntityType type, Field field, JsonNode value, Wire wire) {
		if (value == null || value.isNull()) {
			return;
		}
		String where = "Field " + field.apiName() + " of " + type.entity();
		switch (field.type()) {
			case STRING, UNICODE -> {
				if (!value.isString()) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_VALUE, where + " must be text, but was " + value);
				}
				String text = value.stringValue();
				if (field.maxValue() != null && text.length() > field.maxValue().intValue()) {
					throw ApiError.invalidField(field.apiName(), ApiError.TOO_LONG,
							where + " is longer than " + field.maxValue().intValue() + " characters");
				}
				if (field.choices() != null && !field.choices().containsKey(text)) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_CHOICE,
							where + " must be one of " + field.choices().keySet() + ", but was '" + text + "'");
				}
			}
			case LONG, DECIMAL -> {
				BigDecimal number = number(value);
				if (number == null
						|| (field.type() != Schema.Type.DECIMAL && number.stripTrailingZeros().scale() > 0)) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_VALUE, where + " must be "
							+ ((field.type() == Schema.Type.LONG) ? "a whole number" : "a number") + ", but was " + value);
				}
				if ((field.minValue() != null && number.compareTo(field.minValue()) < 0)
						|| (field.maxValue() != null && number.compareTo(field.maxValue()) > 0)) {
					throw ApiError.invalidField(field.apiName(), ApiError.OUT_OF_RANGE, where + " must be between " + field.minValue()
							+ " and " + field.maxValue() + ", but was " + number);
				}
				if (field.choices() != null && !field.choices().containsKey(number.toPlainString())) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_CHOICE,
							where + " must be one of " + field.choices().keySet() + ", but was " + number);
				}
			}
			case DATETIME -> {
				if (!value.isString() || wire.parse(value.stringValue()) == null) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_VALUE, where + " must be a date-time "
							+ ((wire == Wire.V1) ? "'yyyy-MM-dd HH:mm:ss' (UTC)" : "such as '2023-03-23 14:20:54.529536+00:00'")
							+ ", but was " + value);
				}
			}
			case BOOLEAN -> {
				if (!value.isBoolean()) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_VALUE, where + " must be true or false, but was " + value);
				}
			}
			case LIST -> {
				boolean objects = value.isArray();
				for (JsonNode element : value) {
					objects &= element.isObject();
				}
				if (!objects) {
					throw ApiError.invalidField(field.apiName(), ApiError.INVALID_VALUE, where + " must be an array of objects, but was " + value);
				}
			}
		}
	}

	private static @Nullable BigDecimal number(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
