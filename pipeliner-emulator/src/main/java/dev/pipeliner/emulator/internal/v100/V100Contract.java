package dev.pipeliner.emulator.internal.v100;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.v100.V100Property.Relation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's contract for the Cloud API v100, {@code contract/pipeliner-v100.openapi.json},
 * which the emulator's jar carries, read once: the collections it serves, and for each the
 * properties its entities have and its inputs accept and require. The collections are those the
 * contract's {@code x-derivation} lists; the emulator adds three custom fields of its own
 * ({@code cf_*}, as the service names custom fields) to Accounts and Contacts.
 */
final class V100Contract {

	/** Where the jar holds the contract. */
	static final String RESOURCE = "/dev/pipeliner/emulator/contract/pipeliner-v100.openapi.json";

	/** The emulator's own custom fields, by collection: schemas in the contract's terms. */
	private static final String CUSTOM_FIELDS = """
			{"Accounts": {
			   "cf_customer_tier": {"type": "string", "enum": ["GOLD", "SILVER", "BRONZE", null], "nullable": true},
			   "cf_lifetime_value": {"type": "number", "nullable": true, "readOnly": true,
			                         "x-emulator-calc-formula": "SUM(Opportunities.value.base_value)"}},
			 "Contacts": {
			   "cf_preferred_channel": {"type": "string", "enum": ["EMAIL", "PHONE", "MEETING", null], "nullable": true}}}
			""";

	private static final V100Contract CONTRACT = new V100Contract(read());

	private final JsonNode document;

	private final Map<String, V100Type> types = new LinkedHashMap<>();

	private V100Contract(JsonNode document) {
		this.document = document;
		JsonNode custom = JsonMapper.builder().build().readTree(CUSTOM_FIELDS);
		for (JsonNode included : document.at("/x-derivation/collections/included")) {
			String collection = included.get("collection").asString();
			String entity = included.get("entity").asString();
			Set<String> operations = new LinkedHashSet<>();
			included.get("operations").forEach((operation) -> operations.add(operation.asString()));
			JsonNode ownFields = custom.path(collection);
			Map<String, V100Property> properties = properties(schema(entity), ownFields);
			Set<String> customNames = new LinkedHashSet<>(ownFields.propertyNames());
			this.types.put(collection, new V100Type(entity, collection, Collections.unmodifiableSet(operations),
					properties, input("create" + entity + "Input", ownFields), input("update" + entity + "Input", ownFields),
					Collections.unmodifiableSet(customNames)));
		}
	}

	/** @return the contract, read from the jar on first use */
	static V100Contract get() {
		return CONTRACT;
	}

	/** @return every collection the emulator serves on v100, by plural, in the contract's order */
	Map<String, V100Type> types() {
		return Collections.unmodifiableMap(this.types);
	}

	/** @return the collection of this plural, or {@code null} */
	@Nullable V100Type type(String collection) {
		return this.types.get(collection);
	}

	/** @return the schema a {@code $ref} of the contract names, or the schema itself when it is no reference */
	JsonNode resolve(JsonNode schema) {
		JsonNode reference = schema.get("$ref");
		return (reference != null) ? this.document.at(reference.asString().substring(1)) : schema;
	}

	private JsonNode schema(String name) {
		JsonNode schema = this.document.at("/components/schemas/" + name);
		if (schema.isMissingNode()) {
			throw new IllegalStateException("The v100 contract has no schema " + name);
		}
		return schema;
	}

	private Map<String, V100Property> properties(JsonNode schema, JsonNode custom) {
		Map<String, V100Property> properties = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			properties.put(property.getKey(), property(property.getKey(), resolve(property.getValue())));
		}
		for (Map.Entry<String, JsonNode> property : custom.properties()) {
			properties.put(property.getKey(), property(property.getKey(), property.getValue()));
		}
		return Collections.unmodifiableMap(properties);
	}

	private V100Type.@Nullable Input input(String name, JsonNode custom) {
		JsonNode schema = this.document.at("/components/schemas/" + name);
		if (schema.isMissingNode()) {
			return null;
		}
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((property) -> required.add(property.asString()));
		return new V100Type.Input(properties(schema, custom), Collections.unmodifiableList(required));
	}

	private static V100Property property(String name, JsonNode schema) {
		JsonNode fact = schema.get("x-pipeliner-relation");
		Relation relation = null;
		if (fact != null) {
			String entity = fact.get("entity").asString();
			JsonNode idProperty = fact.get("id_property");
			relation = new Relation(entity, fact.path("collection").asString(entity),
					(idProperty != null) ? idProperty.asString() : null, fact.path("many").asBoolean(false));
		}
		return new V100Property(name, schema, V100Property.kindOf(schema), schema.path("readOnly").asBoolean(false),
				relation);
	}

	private static JsonNode read() {
		try (InputStream in = V100Contract.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The emulator's jar lacks its v100 contract, " + RESOURCE);
			}
			JsonNode document = JsonMapper.builder().build().readTree(in);
			if (!(document instanceof ObjectNode)) {
				throw new IllegalStateException(RESOURCE + " is not a JSON object");
			}
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
