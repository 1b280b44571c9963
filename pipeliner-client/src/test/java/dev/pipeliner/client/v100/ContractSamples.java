package dev.pipeliner.client.v100;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers made from the v100 contract itself: for an entity schema, an object with a value of the
 * schema's form for each property, {@code null} for some nullable ones, and custom fields and a
 * property the contract does not know besides. A seed makes the same answer again.
 * <p>
 * Date-times are written in ISO-8601 ({@code 2023-03-23T14:20:54.529536Z}).
 */
final class ContractSamples {

	static final Path CONTRACT = Path.of("..", "contract", "pipeliner-v100.openapi.json");

	static final String SERVICE = "https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/fr_Myself/entities/";

	private static final JsonNode SCHEMAS = read().path("components").path("schemas");

	private final Random random;

	private final boolean expanded;

	/**
	 * @param seed the seed of the values
	 * @param expanded whether relations come as the related entities, as a query's expand asks
	 */
	ContractSamples(long seed, boolean expanded) {
		this.random = new Random(seed);
		this.expanded = expanded;
	}

	private static JsonNode read() {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(CONTRACT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the entity schemas of the contract, by entity name */
	static Map<String, JsonNode> entities() {
		Map<String, JsonNode> entities = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> schema : SCHEMAS.properties()) {
			if (schema.getValue().has("x-pipeliner-collection")) {
				entities.put(schema.getKey(), schema.getValue());
			}
		}
		return entities;
	}

	/** @return a schema of the contract's components, such as {@code createContactInput} */
	static JsonNode schema(String name) {
		return SCHEMAS.path(name);
	}

	/** @return a whole answer for the schema, with custom fields and an unknown property */
	Map<String, Object> answer(JsonNode schema) {
		Map<String, Object> answer = object(schema);
		answer.put("cf_region", "North " + this.random.nextInt(100));
		answer.put("cf_score", new BigDecimal("12.5"));
		answer.put("cf_unset", null);
		answer.put("property_from_a_later_release", List.of("a", 1));
		return answer;
	}

	private Map<String, Object> object(JsonNode schema) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode form = property.getValue();
			boolean nullable = form.path("nullable").asBoolean(false);
			object.put(property.getKey(), (nullable && this.random.nextInt(4) == 0) ? null : value(form));
		}
		return object;
	}

	private Object value(JsonNode form) {
		String type = form.path("type").asString("");
		String format = form.path("format").asString("");
		JsonNode relation = form.path("x-pipeliner-relation");
		if (relation.isObject() && (type.equals("array") || format.equals("uri"))) {
			return type.equals("array") ? List.of(related(relation), related(relation)) : related(relation);
		}
		if (form.path("x-pipeliner-format").asString("").equals("json")) {
			return Map.of("en", "Text " + this.random.nextInt(9), "flags", List.of(1, 2));
		}
		if (form.path("x-pipeliner-format").asString("").equals("date-time")) {
			return Instant.ofEpochSecond(1_500_000_000L + this.random.nextInt(300_000_000), this.random.nextInt(1_000_000) * 1000L)
				.truncatedTo(ChronoUnit.MICROS).toString();
		}
		if (form.has("x-pipeliner-flags")) {
			return this.random.nextInt(8);
		}
		if (form.has("enum")) {
			List<JsonNode> values = new ArrayList<>();
			form.path("enum").forEach((value) -> {
				if (!value.isNull()) {
					values.add(value);
				}
			});
			JsonNode value = values.get(this.random.nextInt(values.size()));
			return value.isString() ? value.stringValue() : (Object) value.intValue();
		}
		return switch (type) {
			case "string" -> switch (format) {
				case "uuid" -> new UUID(this.random.nextLong(), this.random.nextLong()).toString();
				case "date" -> LocalDate.of(2020, 1, 1).plusDays(this.random.nextInt(2000)).toString();
				case "uri" -> SERVICE + "Things/" + new UUID(0, this.random.nextLong());
				default -> "Zoë \"" + this.random.nextInt(1000) + "\" Ünal";
			};
			case "boolean" -> this.random.nextBoolean();
			case "integer" -> this.random.nextInt(100_000) - 50;
			case "number" -> BigDecimal.valueOf(this.random.nextInt(10_000_000), 3);
			case "object" -> form.path("properties").isEmpty() ? Map.of("any", "thing", "count", 3) : object(form);
			case "array" -> List.of(value(form.path("items")), value(form.path("items")));
			default -> "any JSON value";
		};
	}

	private Object related(JsonNode relation) {
		String id = new UUID(this.random.nextLong(), this.random.nextLong()).toString();
		String uri = SERVICE + relation.path("collection").asString("Things") + "/" + id;
		return this.expanded ? Map.of("id", id, "name", "Related " + id.substring(0, 4)) : uri;
	}

}
