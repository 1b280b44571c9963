package dev.pipeliner.client.internal.v1;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.FieldInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A field descriptor of the v1 {@code getFields} answer, read into a {@link FieldInfo}. Not part
 * of the public API.
 */
final class V1Fields {

	private V1Fields() {
	}

	static FieldInfo fieldInfo(ObjectNode field) {
		Map<String, String> choices = new LinkedHashMap<>();
		JsonNode choiceNode = field.get("CHOICES");
		if (choiceNode != null && choiceNode.isObject()) {
			choiceNode.properties().forEach((entry) -> choices.put(entry.getKey(), entry.getValue().asString()));
		}
		return new FieldInfo(text(field, "API_NAME"), text(field, "NAME"), text(field, "ID"), text(field, "TYPE"),
				text(field, "PL_TYPE"), flag(field, "REQUIRED"), flag(field, "READONLY"), flag(field, "CUSTOM"),
				text(field, "DEFAULT"), text(field, "DESCRIPTION"), text(field, "CALC_FORMULA"), choices,
				decimal(field, "MIN_VALUE"), decimal(field, "MAX_VALUE"));
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : value.isValueNode() ? value.asString() : value.toString();
	}

	/** Booleans may come as {@code true}/{@code false}, {@code 1}/{@code 0} or their text forms. */
	private static boolean flag(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.asString().trim();
		return text.equals("1") || text.equalsIgnoreCase("true");
	}

	private static @Nullable BigDecimal decimal(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		try {
			return new BigDecimal(value.asString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
