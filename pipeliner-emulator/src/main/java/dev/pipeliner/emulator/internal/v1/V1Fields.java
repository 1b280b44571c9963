package dev.pipeliner.emulator.internal.v1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /getFields/{entity}} of the v1 API: the field descriptors, filterable. */
final class V1Fields {

	private final ObjectMapper mapper;

	private final Schema schema;

	V1Fields(ObjectMapper mapper, Schema schema) {
		this.mapper = mapper;
		this.schema = schema;
	}

	Reply fields(String name, Map<String, String> parameters) {
		EntityType type = this.schema.either(name);
		if (type == null) {
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "Unknown entity or collection '" + name + "'");
		}
		List<ObjectNode> descriptors = new ArrayList<>();
		for (Field field : type.fields().values()) {
			descriptors.add(descriptor(type, field));
		}
		Set<String> keys = descriptors.isEmpty() ? Set.of() : new HashSet<>(descriptors.get(0).propertyNames());
		List<V1Query.Condition> conditions = V1Query.parseFilter(parameters.get("filter"), keys);
		ArrayNode answer = this.mapper.createArrayNode();
		for (ObjectNode descriptor : descriptors) {
			if (conditions.stream().allMatch((condition) -> descriptorMatches(descriptor.get(condition.field()), condition))) {
				answer.add(descriptor);
			}
		}
		return Reply.json(answer);
	}

	private static boolean descriptorMatches(JsonNode value, V1Query.Condition condition) {
		if (value != null && value.isBoolean()) {
			String expected = condition.value().trim();
			boolean wanted = expected.equals("1") || expected.equalsIgnoreCase("true");
			boolean equal = value.booleanValue() == wanted;
			return condition.operator().equals("ne") ? !equal : equal;
		}
		return V1Query.matches(value, condition);
	}

	private ObjectNode descriptor(EntityType type, Field field) {
		ObjectNode descriptor = this.mapper.createObjectNode();
		descriptor.put("API_NAME", field.apiName());
		descriptor.put("CALC_FORMULA", field.calcFormula());
		if (field.choices() != null) {
			ObjectNode choices = descriptor.putObject("CHOICES");
			field.choices().forEach(choices::put);
		}
		else {
			descriptor.putNull("CHOICES");
		}
		descriptor.put("CUSTOM", field.custom());
		descriptor.putNull("DEFAULT");
		descriptor.put("DESCRIPTION", field.description());
		descriptor.put("ID", field.custom() ? "PY-7FFFFFFF-FIELD-" + type.entity() + "-" + field.apiName() : field.apiName());
		descriptor.put("MAX_VALUE", field.maxValue());
		descriptor.put("MIN_VALUE", field.minValue());
		descriptor.put("NAME", field.name());
		descriptor.put("PL_TYPE", field.plType());
		descriptor.put("READONLY", field.readOnly());
		descriptor.put("REQUIRED", field.required());
		descriptor.put("TYPE", field.type().wire());
		return descriptor;
	}

}
