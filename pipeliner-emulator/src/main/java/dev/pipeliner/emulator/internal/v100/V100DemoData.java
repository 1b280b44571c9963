package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.pipeliner.emulator.internal.store.DemoData;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import dev.pipeliner.emulator.internal.store.Schema.Type;
import dev.pipeliner.emulator.internal.store.Seeds;
import dev.pipeliner.emulator.internal.store.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data set in the forms of the Cloud API v100: the same entities as {@link DemoData},
 * with snake_case names, UUID ids (derived from the v1 ids, so identical on every start),
 * booleans and v100 date-times. Collections that v100 does not have are left out; relations to
 * them keep their ids.
 */
public final class V100DemoData {

	private V100DemoData() {
	}

	/** @return the data set in the form {@link Seeds#load} takes for a v100 space */
	public static ObjectNode json(ObjectMapper mapper) {
		Schema schema = V100Schema.schema();
		ObjectNode seed = mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> collection : DemoData.json(mapper).properties()) {
			EntityType type = schema.collection(collection.getKey());
			if (type == null) {
				continue;
			}
			ArrayNode entities = seed.putArray(collection.getKey());
			for (JsonNode entity : collection.getValue()) {
				entities.add(convert(type, entity, mapper));
			}
		}
		return seed;
	}

	/** @return the UUID that stands for a v1 id: numbers keep their value, text ids are hashed */
	static String uuid(JsonNode v1Id) {
		if (v1Id.isNumber() || v1Id.asString().matches("\\d+")) {
			return String.format(Locale.ROOT, "00000000-0000-0001-0000-%012x", v1Id.asLong());
		}
		return UUID.nameUUIDFromBytes(v1Id.asString().getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static ObjectNode convert(EntityType type, JsonNode v1, ObjectMapper mapper) {
		ObjectNode entity = mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> property : v1.properties()) {
			String name = V100Schema.name(property.getKey());
			Field field = type.fields().get(name);
			JsonNode value = property.getValue();
			if (field == null || value.isNull()) {
				continue;
			}
			switch (field.type()) {
				case BOOLEAN -> entity.put(name, value.asInt() == 1);
				case DATETIME -> {
					Instant instant = Objects.requireNonNull(Wire.V1.parse(value.asString()),
							"the v1 demo data has only valid date-times");
					entity.put(name, Wire.V100.format(instant));
				}
				case LIST -> entity.set(name, relations(value, mapper));
				default -> {
					if (field.type() == Type.STRING && (field.target() != null || field.plType().equals("Relation")
							|| field.plType().equals("Id"))) {
						entity.put(name, uuid(value));
					}
					else {
						entity.set(name, value);
					}
				}
			}
		}
		return entity;
	}

	private static ArrayNode relations(JsonNode v1, ObjectMapper mapper) {
		ArrayNode relations = mapper.createArrayNode();
		for (JsonNode relation : v1) {
			ObjectNode converted = relations.addObject();
			relation.properties().forEach((property) -> {
				String name = V100Schema.name(property.getKey());
				JsonNode value = property.getValue();
				if (name.endsWith("_id")) {
					converted.put(name, uuid(value));
				}
				else if (name.startsWith("is_")) {
					converted.put(name, value.asInt() == 1);
				}
				else {
					converted.set(name, value);
				}
			});
		}
		return relations;
	}

}
