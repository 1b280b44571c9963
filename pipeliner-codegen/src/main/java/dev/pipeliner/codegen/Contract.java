package dev.pipeliner.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts of the v100 contract that the generated types carry: its entity schemas, their
 * properties' types, nullability, read-only marks, relations, enums and bit masks, and what each
 * create input requires. contract/README.md says what the {@code x-pipeliner-*} extensions mean.
 * A property whose schema has a form this class does not know is read as any JSON value, which is
 * never wrong, only less typed.
 */
final class Contract {

	private static final String EXTENSION = "x-pipeliner-";

	private final JsonNode schemas;

	private Contract(JsonNode document) {
		this.schemas = document.path("components").path("schemas");
		if (!this.schemas.isObject() || this.schemas.isEmpty()) {
			throw new IllegalArgumentException("the contract has no components.schemas");
		}
	}

	/**
	 * @param file the contract, an OpenAPI document in JSON
	 * @return its facts
	 * @throws IOException if the file cannot be read
	 */
	static Contract read(Path file) throws IOException {
		return parse(Files.readString(file));
	}

	/**
	 * @param json the contract's text
	 * @return its facts
	 */
	static Contract parse(String json) {
		return new Contract(JsonMapper.builder().build().readTree(json));
	}

	/** @return the entities, in the contract's order */
	List<EntityType> entities() {
		List<EntityType> entities = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : this.schemas.properties()) {
			JsonNode collection = schema.getValue().path(EXTENSION + "collection");
			if (collection.isString()) {
				entities.add(entity(schema.getKey(), collection.stringValue(), schema.getValue()));
			}
		}
		return entities;
	}

	private EntityType entity(String name, String collection, JsonNode schema) {
		List<String> createRequired = strings(this.schemas.path("create" + name + "Input").path("required"));
		return new EntityType(name, collection, properties(schema, Set.copyOf(createRequired)), createRequired);
	}

	/** The properties of an object schema; {@code createRequired} marks those a create requires. */
	private static List<Property> properties(JsonNode schema, Set<String> createRequired) {
		Set<String> required = Set.copyOf(strings(schema.path("required")));
		List<Property> properties = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
			String name = entry.getKey();
			JsonNode property = entry.getValue();
			boolean nullable = property.path("nullable").asBoolean(false) || !required.contains(name);
			properties.add(new Property(name, shape(property, false), nullable, property.path("readOnly").asBoolean(false),
					createRequired.contains(name), relation(property)));
		}
		return properties;
	}

	/**
	 * @param element whether the schema is an array's items: an object there is read as a JSON
	 * object, not as a nested record
	 */
	private static Shape shape(JsonNode property, boolean element) {
		String type = property.path("type").asString("");
		String format = property.path("format").asString("");
		String pipelinerFormat = property.path(EXTENSION + "format").asString("");
		if (property.has(EXTENSION + "relation") && (type.equals("array") || format.equals("uri"))) {
			return new Shape.Link(type.equals("array"));
		}
		if (pipelinerFormat.equals("json")) {
			return new Shape.Value(Shape.Kind.JSON);
		}
		if (pipelinerFormat.equals("date-time")) {
			return new Shape.Value(Shape.Kind.DATE_TIME);
		}
		if (property.has(EXTENSION + "flags") && type.equals("integer")) {
			return flags(property.path(EXTENSION + "flags"));
		}
		if (property.has("enum")) {
			return enumeration(property, type);
		}
		return switch (type) {
			case "string" -> new Shape.Value(switch (format) {
				case "date" -> Shape.Kind.DATE;
				case "uuid" -> Shape.Kind.ID;
				case "uri" -> Shape.Kind.URI;
				default -> Shape.Kind.TEXT;
			});
			case "boolean" -> new Shape.Value(Shape.Kind.BOOLEAN);
			case "integer" -> new Shape.Value(format.equals("int64") ? Shape.Kind.LONG : Shape.Kind.INTEGER);
			case "number" -> new Shape.Value(Shape.Kind.DECIMAL);
			case "object" -> (element || !property.path("properties").isObject() || property.path("properties").isEmpty())
					? new Shape.Value(Shape.Kind.JSON_OBJECT) : new Shape.Nested(properties(property, Set.of()));
			case "array" -> property.path("items").isObject() ? new Shape.ListOf(shape(property.path("items"), true))
					: new Shape.Value(Shape.Kind.JSON);
			default -> new Shape.Value(Shape.Kind.JSON);
		};
	}

	private static Shape enumeration(JsonNode property, String type) {
		List<JsonNode> values = new ArrayList<>();
		for (JsonNode value : property.path("enum")) {
			if (!value.isNull()) {
				values.add(value);
			}
		}
		if (type.equals("string") && values.stream().allMatch(JsonNode::isString)) {
			return new Shape.TextEnum(values.stream().map(JsonNode::stringValue).toList());
		}
		if (type.equals("integer") && values.stream().allMatch(JsonNode::canConvertToInt)) {
			List<String> names = strings(property.path("x-enum-varnames"));
			return new Shape.IntEnum(values.stream().map(JsonNode::intValue).toList(),
					(names.size() == values.size()) ? names : List.of());
		}
		return new Shape.Value(Shape.Kind.JSON);
	}

	private static Shape flags(JsonNode flags) {
		Map<String, Integer> bits = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> flag : flags.properties()) {
			bits.put(flag.getKey(), flag.getValue().asInt());
		}
		return new Shape.Flags(bits);
	}

	private static Property.@Nullable Relation relation(JsonNode property) {
		JsonNode relation = property.path(EXTENSION + "relation");
		if (!relation.isObject()) {
			return null;
		}
		String twin = relation.path("id_property").asString(relation.path("uri_property").asString(""));
		return new Property.Relation(relation.path("entity").asString("?"), twin.isEmpty() ? null : twin);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		for (JsonNode item : array) {
			strings.add(item.asString());
		}
		return strings;
	}

}
