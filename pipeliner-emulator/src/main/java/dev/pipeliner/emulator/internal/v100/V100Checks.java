package dev.pipeliner.emulator.internal.v100;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a value against the schema the contract gives its property: types, formats ({@code uuid},
 * {@code date}, {@code uri}, Pipeliner's date-times and e-mail addresses), patterns, enums,
 * bounds, {@code nullable}, and the properties and items of objects and arrays, so that an input
 * is refused where the contract says it is wrong, and nowhere else.
 */
final class V100Checks {

	private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	private final V100Contract contract;

	V100Checks(V100Contract contract) {
		this.contract = contract;
	}

	/** @return whether an id is in the form the contract's {@code format: uuid} takes */
	static boolean isUuid(String text) {
		return UUID.matcher(text).matches();
	}

	/** @return whether a required value counts as absent: missing, {@code null}, blank or empty */
	static boolean isMissing(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode() || (value.isString() && value.stringValue().isBlank())
				|| (value.isContainer() && value.isEmpty());
	}

	/**
	 * @param where the entity and field, for the messages, such as {@code Field 'email1' of Contact}
	 * @return what is wrong with the value, one sentence each; empty when it fits
	 */
	List<String> check(JsonNode schema, JsonNode value, String where) {
		List<String> problems = new ArrayList<>();
		check(schema, value, where, problems);
		return problems;
	}

	private void check(JsonNode given, JsonNode value, String where, List<String> problems) {
		JsonNode schema = this.contract.resolve(given);
		if (value.isNull()) {
			if (!schema.path("nullable").asBoolean(false) && (schema.has("type") || schema.has("format"))) {
				problems.add(where + " must not be null");
			}
			return;
		}
		if (schema.has("enum")) {
			for (JsonNode allowed : schema.get("enum")) {
				if (same(allowed, value)) {
					return;
				}
			}
			problems.add(where + " must be one of " + schema.get("enum") + ", but was " + value);
			return;
		}
		@Nullable String problem = switch (schema.path("type").asString("")) {
			case "string" -> value.isString() ? text(schema, value.stringValue()) : "must be text";
			case "integer" -> (value.isIntegralNumber()) ? bounds(schema, value.decimalValue()) : "must be a whole number";
			case "number" -> value.isNumber() ? bounds(schema, value.decimalValue()) : "must be a number";
			case "boolean" -> value.isBoolean() ? null : "must be true or false";
			case "array" -> value.isArray() ? null : "must be an array";
			case "object" -> value.isObject() ? null : "must be an object";
			default -> null;
		};
		if (problem != null) {
			problems.add(where + " " + problem + ", but was " + shorten(value));
			return;
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(schema.get("items"), value.get(i), where + "[" + i + "]", problems);
			}
		}
		if (value.isObject()) {
			for (JsonNode required : schema.path("required")) {
				if (isMissing(value.path(required.asString()))) {
					problems.add(where + "." + required.asString() + " is missing");
				}
			}
			for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
				JsonNode member = value.get(property.getKey());
				if (member != null) {
					check(property.getValue(), member, where + "." + property.getKey(), problems);
				}
			}
		}
	}

	/** @return what is wrong with a text for the schema's format and pattern, or {@code null} */
	private @Nullable String text(JsonNode schema, String text) {
		String format = schema.path("x-pipeliner-format").asString(schema.path("format").asString(""));
		String pattern = schema.path("pattern").asString("");
		if (!pattern.isEmpty() && !this.patterns.computeIfAbsent(pattern, Pattern::compile).matcher(text).find()) {
			return format.equals("date-time") ? "must be a date-time such as '2023-03-23 14:20:54.529536+00:00'"
					: "must match " + pattern;
		}
		return switch (format) {
			case "uuid" -> isUuid(text) ? null : "must be a UUID";
			case "date" -> isDate(text) ? null : "must be a date such as '2024-05-01'";
			case "date-time" -> (Wire.V100.parse(text) != null) ? null : "must be a date-time such as '2023-03-23 14:20:54.529536+00:00'";
			case "email" -> EMAIL.matcher(text).matches() ? null : "must be an e-mail address";
			case "uri" -> isUri(text) ? null : "must be an absolute URI";
			default -> null;
		};
	}

	private static @Nullable String bounds(JsonNode schema, BigDecimal number) {
		JsonNode minimum = schema.get("minimum");
		JsonNode maximum = schema.get("maximum");
		if ((minimum != null && number.compareTo(minimum.decimalValue()) < 0)
				|| (maximum != null && number.compareTo(maximum.decimalValue()) > 0)) {
			return "must be between " + ((minimum != null) ? minimum : "any") + " and " + ((maximum != null) ? maximum : "any");
		}
		return null;
	}

	private static boolean same(JsonNode allowed, JsonNode value) {
		if (allowed.isNumber() && value.isNumber()) {
			return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
		}
		return allowed.equals(value);
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isUri(String text) {
		try {
			return new URI(text).isAbsolute();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String shorten(JsonNode value) {
		String text = value.toString();
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
