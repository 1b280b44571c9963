package dev.pipeliner.emulator.internal.v100;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.http.URLEncoding;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entities as v100 answers carry them: every property of the contract's schema, in its order,
 * {@code null} where unset; a relation's URI next to its {@code *_id}; a relation array as the
 * URIs of its items; {@code formatted_name} and {@code primary_*} derived as the service derives
 * them; then the emulator's custom fields. {@code expand} puts the related entity (or, for a
 * relation array, its items) in place of the URIs; {@code load-only} keeps the named properties
 * and the id.
 */
final class V100Render {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final V100Contract contract;

	private final String serviceUrl;

	/** @param serviceUrl the URL the emulator is reached at, for relation URIs */
	V100Render(V100Contract contract, String serviceUrl) {
		this.contract = contract;
		this.serviceUrl = serviceUrl;
	}

	/** The relations to inline and the properties to keep, as a list query names them. */
	record Shape(Set<String> expand, List<String> loadOnly) {

		static final Shape FULL = new Shape(Set.of(), List.of());

	}

	/** @return the entity as answered, in full */
	ObjectNode entity(TeamPipelineData space, V100Type type, ObjectNode stored) {
		return entity(space, type, stored, Shape.FULL);
	}

	/** @return the entity as answered, shaped by a list's {@code expand} and {@code load-only} */
	ObjectNode entity(TeamPipelineData space, V100Type type, ObjectNode stored, Shape shape) {
		ObjectNode answer = new ObjectNode(NODES, new LinkedHashMap<>(type.properties().size() * 4 / 3 + 1));
		for (V100Property property : type.properties().values()) {
			String name = property.name();
			if (!shape.loadOnly().isEmpty() && !name.equals("id") && !shape.loadOnly().contains(name)) {
				continue;
			}
			answer.set(name, value(space, type, stored, property, shape.expand()));
		}
		return answer;
	}

	private JsonNode value(TeamPipelineData space, V100Type type, ObjectNode stored, V100Property property,
			Set<String> expand) {
		V100Property.Relation relation = property.relation();
		String name = property.name();
		if (relation != null && property.isUriOfId()) {
			return related(space, relation.collection(), stored.path(relation.idProperty()), expand.contains(name));
		}
		if (relation != null && property.isRelationList()) {
			return relations(space, relation.collection(), stored.get(name), name, expand);
		}
		if (relation != null && property.isUri() && name.startsWith("primary_")) {
			return related(space, relation.collection(), primary(type, stored, name.substring("primary_".length())),
					expand.contains(name));
		}
		if (name.equals("formatted_name")) {
			return formattedName(stored);
		}
		JsonNode value = stored.get(name);
		return (value != null) ? value : NODES.nullNode();
	}

	/** @return the URI of a related entity, or with {@code expand} the entity itself; {@code null} without an id */
	private JsonNode related(TeamPipelineData space, String collection, JsonNode id, boolean expanded) {
		if (!id.isString()) {
			return NODES.nullNode();
		}
		if (!expanded) {
			return NODES.stringNode(uri(space, collection, id.stringValue()));
		}
		V100Type target = this.contract.type(collection);
		ObjectNode entity = (target != null && target.has("get")) ? space.table(collection).get(id.stringValue()) : null;
		return (target != null && entity != null) ? entity(space, target, entity)
				: NODES.objectNode().put("id", id.stringValue());
	}

	private JsonNode relations(TeamPipelineData space, String collection, @Nullable JsonNode items, String name,
			Set<String> expand) {
		if (items == null || !items.isArray()) {
			return NODES.nullNode();
		}
		ArrayNode answer = NODES.arrayNode();
		for (JsonNode item : items) {
			if (expand.contains(name) && item instanceof ObjectNode relation) {
				ObjectNode expanded = relation.deepCopy();
				for (String nested : expand) {
					if (nested.startsWith(name + ".")) {
						String inner = nested.substring(name.length() + 1);
						JsonNode id = relation.path(inner + "_id");
						String target = collectionOf(inner);
						if (target != null) {
							expanded.set(inner, related(space, target, id, true));
						}
					}
				}
				answer.add(expanded);
			}
			else {
				answer.add(uri(space, collection, item.path("id").asString("")));
			}
		}
		return answer;
	}

	/** @return the collection a relation object's {@code <name>_id} points into, when it is one the emulator serves */
	private @Nullable String collectionOf(String name) {
		for (V100Type type : this.contract.types().values()) {
			if (type.entity().equalsIgnoreCase(name.replace("_", ""))) {
				return type.collection();
			}
		}
		return null;
	}

	/** @return the id of the primary related entity ({@code account}: the primary item's {@code account_id}) */
	private static JsonNode primary(V100Type type, ObjectNode stored, String related) {
		for (V100Property property : type.properties().values()) {
			JsonNode items = stored.get(property.name());
			if (property.isRelationList() && items != null && items.isArray()) {
				for (JsonNode item : items) {
					if (item.path("is_primary").asBoolean(false) && item.path(related + "_id").isString()) {
						return item.get(related + "_id");
					}
				}
			}
		}
		return NODES.nullNode();
	}

	private static JsonNode formattedName(ObjectNode stored) {
		String first = stored.path("first_name").asString("");
		String last = stored.path("last_name").asString("");
		String full = (first + " " + last).strip();
		if (!full.isEmpty()) {
			return NODES.stringNode(full);
		}
		for (String name : List.of("name", "subject")) {
			if (stored.path(name).isString()) {
				return stored.get(name);
			}
		}
		return NODES.nullNode();
	}

	String uri(TeamPipelineData space, String collection, String id) {
		return this.serviceUrl + V100Api.PREFIX + space.id() + "/entities/" + collection + "/" + URLEncoding.segment(id);
	}

	/** @return a map of names to the property they stand for, for {@code expand} checks */
	static @Nullable V100Property expandable(V100Type type, String name) {
		Map<String, V100Property> properties = type.properties();
		int dot = name.indexOf('.');
		V100Property property = properties.get((dot < 0) ? name : name.substring(0, dot));
		if (property == null || property.relation() == null || (dot >= 0 && !property.isRelationList())) {
			return null;
		}
		return (property.isUri() || property.isRelationList()) ? property : null;
	}

}
