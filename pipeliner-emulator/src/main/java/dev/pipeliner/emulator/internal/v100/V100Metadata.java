package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The v100 metadata collections, {@code Entities} and {@code Fields}, as read-only tables built
 * once from the contract, so that they list, page, filter and sort like any other collection
 * ({@code GET /entities/Fields?filter[entity_name]=Account}) and are answered, as the others, in
 * the contract's shapes. {@code Entities} has a row per collection the emulator serves;
 * {@code Fields} one per property an entity stores (not the URIs and names answers derive, nor
 * relation arrays): {@code system_required} for what a create requires, {@code system_readonly}
 * for what no input may write, {@code type_id} from the property's schema. Ids are the same on
 * every start.
 */
final class V100Metadata {

	static final String ENTITIES = "Entities";

	static final String FIELDS = "Fields";

	/** When the schema "was created": a fixed time, so that answers are the same on every start. */
	private static final String CREATED = "2024-01-01 00:00:00.000000+00:00";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final V100Metadata METADATA = new V100Metadata(V100Contract.get());

	private final Map<String, EntityTable> tables = new LinkedHashMap<>();

	/** @return the metadata of the contract, built on first use; its tables are never written */
	static V100Metadata get() {
		return METADATA;
	}

	private V100Metadata(V100Contract contract) {
		EntityTable entities = new EntityTable(Wire.V100.indexed());
		EntityTable fields = new EntityTable(Wire.V100.indexed());
		int order = 0;
		for (V100Type type : contract.types().values()) {
			ObjectNode entity = base(entityId(type.entity()));
			entity.put("entity_name", type.entity())
				.putNull("table_name")
				.putNull("table_ex")
				.putNull("table_data_ex")
				.put("default_view_field_id", defaultViewField(type))
				.putNull("abstract_entity_id")
				.put("entity_type", 1)
				.put("preference_order", order++)
				.put("allows_multiple_relation", false)
				.put("has_draft", false)
				.put("access_mode", 0)
				.put("icon", 0)
				.putNull("settings")
				.put("name_singular", type.entity())
				.put("name_plural", type.collection());
			entities.put(entity.get("id").asString(), entity);
			for (V100Property property : type.properties().values()) {
				if (!property.isDerived() && !property.isRelationList()) {
					ObjectNode field = field(contract, type, property);
					fields.put(field.get("id").asString(), field);
				}
			}
		}
		this.tables.put(ENTITIES, entities);
		this.tables.put(FIELDS, fields);
	}

	/** @return whether the collection is one of the metadata collections */
	boolean has(String collection) {
		return this.tables.containsKey(collection);
	}

	/** @return the table of a metadata collection, one that {@link #has} */
	EntityTable table(String collection) {
		return Objects.requireNonNull(this.tables.get(collection), () -> collection + " is not a metadata collection");
	}

	private static ObjectNode field(V100Contract contract, V100Type type, V100Property property) {
		String name = property.name();
		String label = label(name);
		V100Type.Input create = type.create();
		V100Type.Input update = type.update();
		boolean writable = !property.readOnly() && ((create != null && create.properties().containsKey(name))
				|| (update != null && update.properties().containsKey(name)));
		V100Property.Relation relation = property.relation();
		String related = (relation != null && contract.type(relation.collection()) != null) ? entityId(relation.entity()) : null;
		ObjectNode field = base(V100Errors.fieldId(type.entity(), name));
		field.put("has_draft", false)
			.put("entity_name", type.entity())
			.put("api_name", name)
			.put("name", label)
			.putNull("use_lang")
			.put("column_name", name)
			.putNull("column_source")
			.putNull("relation_id")
			.put("relation_with_entity_id", related)
			.putNull("shared_with_field_id")
			.put("system_type", type.custom().contains(name) ? 0 : 1)
			.put("type_id", typeId(property))
			.putNull("composite_field_id")
			.putNull("data_set_id")
			.putNull("parent_data_set_id")
			.put("calc_formula", property.schema().path("x-emulator-calc-formula").asString(null))
			.putNull("default_value")
			.putNull("sequence_id")
			.put("system_required", type.required().contains(name))
			.put("is_published", true)
			.put("system_readonly", !writable)
			.put("use_in_global_search", false)
			.putNull("settings")
			.put("is_unique", name.equals("id"))
			.putNull("data_set")
			.putNull("sequence_pattern")
			.putNull("lookup")
			.putNull("rollup")
			.putNull("options")
			.putNull("advanced_formula")
			.putNull("source_field_id")
			.putNull("source_type_id")
			.put("use_in_interface_preview", false)
			.put("translated_name", label)
			.putNull("field_permissions")
			.putNull("original_dataset_field_id");
		field.putObject("name_translations").put("en", label);
		field.put("name_translated", label)
			.put("primitive_type", primitiveType(property.schema()))
			.put("is_available_for_webresource", false)
			.put("is_available_for_advanced_formula", false);
		return field;
	}

	private static ObjectNode base(String id) {
		ObjectNode node = NODES.objectNode();
		node.put("is_delete_protected", true)
			.put("id", id)
			.put("is_deleted", false)
			.put("modified", CREATED)
			.put("created", CREATED);
		return node;
	}

	static String entityId(String entity) {
		return UUID.nameUUIDFromBytes(("entity:" + entity).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static @Nullable String defaultViewField(V100Type type) {
		for (String name : new String[] { "name", "subject", "last_name", "note", "code", "option_name", "email" }) {
			if (type.property(name) != null) {
				return V100Errors.fieldId(type.entity(), name);
			}
		}
		return null;
	}

	/** @return one of the service's field types (checkbox, currency, date, datetime, dropdown, …) for a schema */
	private static String typeId(V100Property property) {
		JsonNode schema = property.schema();
		String name = property.name();
		String format = schema.path("x-pipeliner-format").asString(schema.path("format").asString(""));
		if (schema.has("enum")) {
			return "dropdown";
		}
		return switch (schema.path("type").asString("")) {
			case "boolean" -> "checkbox";
			case "integer" -> "integer";
			case "number" -> (name.contains("value") || name.contains("price") || name.contains("amount")) ? "currency" : "float";
			case "object" -> name.equals("value") ? "currency" : "input";
			case "string" -> switch (format) {
				case "date-time" -> "datetime";
				case "date" -> "date";
				case "email" -> "email";
				case "uri" -> "url";
				default -> name.startsWith("phone") ? "phone" : name.equals("home_page") ? "url"
						: (name.equals("description") || name.equals("comments") || name.equals("note") || name.equals("body"))
								? "text_area" : "input";
			};
			default -> "input";
		};
	}

	/** @return the JSON type of a schema, with the format of a string: {@code string}, {@code uuid}, {@code date-time}, … */
	private static String primitiveType(JsonNode schema) {
		String type = schema.path("type").asString("json");
		String format = schema.path("x-pipeliner-format").asString(schema.path("format").asString(""));
		return (type.equals("string") && !format.isEmpty()) ? format : type;
	}

	private static String label(String apiName) {
		String words = apiName.replaceFirst("^cf_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
