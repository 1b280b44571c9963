package dev.pipeliner.client.internal.protocol;

import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what a caller passes as entity data into the JSON object a request carries: a
 * {@code Map}, a record or POJO, a raw JSON text, or an entity read earlier. Values are written
 * in the protocol's forms ({@link Protocol#values()}). Data that is not a JSON object, has no
 * fields, or cannot be written (a map that contains itself, say) is refused with an
 * {@link IllegalArgumentException} before anything is sent. Not part of the public API.
 */
public final class Bodies {

	private final ObjectMapper mapper;

	/** @param mapper the mapper for the caller's types, with the protocol's value forms added */
	public Bodies(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * @param data the entity data
	 * @param node the data already as JSON ({@code Entity}'s own copy), or {@code null}
	 * @param name the argument's name, for messages
	 * @return a JSON object of one or more fields, the caller's to change
	 */
	public ObjectNode toObject(Object data, @Nullable ObjectNode node, String name) {
		Arguments.requireNonNull(data, name);
		JsonNode json = (node != null) ? node : toJson(data, name);
		if (!(json instanceof ObjectNode object)) {
			throw new IllegalArgumentException(name + " must be a JSON object (a Map, Entity, record, POJO or JSON"
					+ " text), but was " + ((data instanceof CharSequence) ? "JSON " + json.getNodeType() : data.getClass().getName()));
		}
		if (object.isEmpty()) {
			throw new IllegalArgumentException(name + " has no fields to write");
		}
		return object;
	}

	private JsonNode toJson(Object data, String name) {
		try {
			if (data instanceof CharSequence text) {
				// decimals digit for digit, whatever the mapper does with them
				return this.mapper.reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text.toString());
			}
			return this.mapper.valueToTree(data);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(name + path(ex) + " cannot be written as JSON: "
					+ Arguments.quote(ex.getOriginalMessage()), ex);
		}
		catch (StackOverflowError ex) {
			throw new IllegalArgumentException(name + " cannot be written as JSON: it refers to itself", ex);
		}
	}

	/** @return where in the data a failure lies, such as {@code .modified} or {@code [2].owner_id} */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * @return the id in the data, or {@code null} when it has none (a create)
	 * @throws IllegalArgumentException if the id is not a single path segment of text
	 */
	public static @Nullable String idOf(ObjectNode node, String idField, String name) {
		JsonNode id = node.get(idField);
		if (id == null || id.isNull()) {
			return null;
		}
		if (!id.isValueNode()) {
			throw new IllegalArgumentException(name + " must be text, but was " + Arguments.quote(id));
		}
		return Arguments.requireId(id.asString(), name);
	}

	/** @return the id of each item, {@code null} for a create; items numbered from {@code base} */
	public static List<@Nullable String> idsOf(List<ObjectNode> nodes, int base, String idField) {
		List<@Nullable String> ids = new ArrayList<>(nodes.size());
		for (ObjectNode node : nodes) {
			ids.add(idOf(node, idField, "items[" + (base + ids.size()) + "]." + idField));
		}
		return ids;
	}

	/** @return the items as one JSON array */
	public static ArrayNode array(List<ObjectNode> nodes) {
		ArrayNode array = WireJson.MAPPER.createArrayNode();
		nodes.forEach(array::add);
		return array;
	}

}
