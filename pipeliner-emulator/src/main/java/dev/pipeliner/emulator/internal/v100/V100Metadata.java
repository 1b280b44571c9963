package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import dev.pipeliner.emulator.internal.store.Schema.Type;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The v100 metadata collections, {@code Entities} and {@code Fields}, as read-only tables built
 * once from the schema, so that they list, page, filter and sort like any other collection:
 * {@code GET /entities/Fields?filter[entity_name]=Account}.
 */
final class V100Metadata {

	static final String ENTITIES = "Entities";

	static final String FIELDS = "Fields";

	/** When the schema "was created": a fixed time, so that answers are the same on every start. */
	private static final String CREATED = "2024-01-01 00:00:00.000000+00:00";

	private final Map<String, EntityType> types = new LinkedHashMap<>();

	private final Map<String, EntityTable> tables = new LinkedHashMap<>();

	V100Metadata(Schema schema) {
		EntityTable entities = new EntityTable();
		EntityTable fields = new EntityTable();
		int order = 0;
		for (EntityType type : schema.byCollection().values()) {
			ObjectNode entity = base(id("entity:" + type.entity()));
			entity.put("entity_name", type.entity())
				.put("name_singular", type.entity())
				.put("name_plural", type.collection())
				.put("entity_type", 1)
				.put("preference_order", order++)
				.put("allows_multiple_relation", false)
				.put("has_draft", false)
				.put("access_mode", 0)
				.put("icon", 0);
			entities.put(entity.get("id").asString(), entity);
			for (Field field : type.fields().values()) {
				ObjectNode descriptor = base(V100Errors.fieldId(type.entity(), field.apiName()));
				descriptor.put("entity_name", type.entity())
					.put("api_name", field.apiName())
					.put("name", field.name())
					.put("type_id", typeId(field))
					.put("column_name", field.apiName())
					.put("system_required", field.required())
					.put("system_readonly", field.readOnly())
					.put("is_unique", field.apiName().equals("id"))
					.putNull("default_value")
					.put("data_set_id", (field.choices() != null) ? id("data-set:" + type.entity() + "." + field.apiName()) : null)
					.put("calc_formula", field.calcFormula())
					.put("has_draft", false)
					.put("is_published", true);
				fields.put(descriptor.get("id").asString(), descriptor);
			}
		}
		this.tables.put(ENTITIES, entities);
		this.tables.put(FIELDS, fields);
		this.types.put(ENTITIES, describe("Entity", ENTITIES, entities));
		this.types.put(FIELDS, describe("Field", FIELDS, fields));
	}

	/** @return the metadata collection of this plural name, or {@code null} */
	@Nullable EntityType type(String collection) {
		return this.types.get(collection);
	}

	/** @return the table of a metadata collection, one that {@link #type} knows */
	EntityTable table(String collection) {
		return Objects.requireNonNull(this.tables.get(collection), () -> collection + " is not a metadata collection");
	}

	private static ObjectNode base(String id) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("id", id)
			.put("is_delete_protected", true)
			.put("is_deleted", false)
			.put("created", CREATED)
			.put("modified", CREATED);
		return node;
	}

	private static String id(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** @return one of the service's field types: checkbox, currency, date, datetime, dropdown, … */
	private static String typeId(Field field) {
		String name = field.apiName();
		if (field.choices() != null) {
			return "dropdown";
		}
		return switch (field.type()) {
			case BOOLEAN -> "checkbox";
			case DATETIME -> "datetime";
			case DECIMAL -> (name.equals("value") || name.equals("price")) ? "currency" : "float";
			case LONG -> "integer";
			case LIST -> "multiselect_checkbox";
			default -> name.startsWith("email") ? "email" : name.startsWith("phone") ? "phone"
					: (name.equals("home_page") || name.equals("url")) ? "url"
					: (field.maxValue() != null && field.maxValue().intValue() > 255) ? "text_area" : "input";
		};
	}

	/** A type whose fields are the keys of the descriptors, so that they can be filtered on. */
	private static EntityType describe(String entity, String collection, EntityTable table) {
		Map<String, Field> fields = new LinkedHashMap<>();
		for (JsonNode descriptor : table.values()) {
			descriptor.properties().forEach((property) -> fields.computeIfAbsent(property.getKey(), (key) -> {
				JsonNode value = property.getValue();
				Type type = value.isBoolean() ? Type.BOOLEAN : value.isNumber() ? Type.LONG
						: (key.equals("created") || key.equals("modified")) ? Type.DATETIME : Type.STRING;
				String label = key.replace('_', ' ');
				return new Field(key, label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1), type, "Text",
						false, true, false, null, null, null, null, label, null);
			}));
		}
		return new EntityType(entity, collection, false, Collections.unmodifiableMap(fields));
	}

	List<String> collections() {
		return List.copyOf(this.types.keySet());
	}

}
