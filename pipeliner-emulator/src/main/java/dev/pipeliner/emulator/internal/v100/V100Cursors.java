package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.v100.V100Property.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keyset cursors, as the service's: base64 of a JSON array of the entity's values of the
 * {@code order-by} keys, then its id; in the default order {@code ["<id>"]}. A page after a
 * cursor holds the entities that come after those values in the list's order, so a read resumed
 * after changes loses nothing: an entity whose keys changed moves, and may come again later.
 */
final class V100Cursors {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private V100Cursors() {
	}

	/** @return the cursor of an entity in the list's order */
	static String encode(V100Query query, JsonNode entity) {
		ArrayNode keys = MAPPER.createArrayNode();
		for (V100Query.Order order : query.orders) {
			JsonNode value = entity.get(order.property().name());
			keys.add((value != null) ? value : JsonNodeFactory.instance.nullNode());
		}
		keys.add(entity.path("id").asString(""));
		return Base64.getEncoder().encodeToString(MAPPER.writeValueAsString(keys).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the values of the order's keys and then the id, from a cursor of this order
	 * @throws ApiError 400 for anything else
	 */
	static List<JsonNode> decode(V100Query query, String cursor) {
		JsonNode keys;
		try {
			keys = MAPPER.readTree(Base64.getDecoder().decode(cursor.trim()));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw invalid(cursor, "it is not a cursor this API gave");
		}
		if (keys == null || !keys.isArray() || keys.size() != query.orders.size() + 1) {
			throw invalid(cursor, "it is not a cursor of a list in this order");
		}
		List<JsonNode> values = new ArrayList<>();
		for (int i = 0; i < query.orders.size(); i++) {
			JsonNode value = keys.get(i);
			if (!fits(query.orders.get(i).property().kind(), value)) {
				throw invalid(cursor, "it is not a cursor of a list in this order");
			}
			values.add(value);
		}
		JsonNode id = keys.get(keys.size() - 1);
		if (!id.isString() || !V100Checks.isUuid(id.stringValue())) {
			throw invalid(cursor, "it does not end with an id");
		}
		values.add(id);
		return values;
	}

	/** @return how an entity compares with a cursor's keys in the list's order: above 0 when it comes after */
	static int compare(V100Query query, JsonNode entity, List<JsonNode> cursor) {
		for (int i = 0; i < query.orders.size(); i++) {
			V100Query.Order order = query.orders.get(i);
			int c = V100Query.sortCompare(order.property().kind(), entity.get(order.property().name()), cursor.get(i));
			if (c != 0) {
				return order.descending() ? -c : c;
			}
		}
		return entity.path("id").asString("").compareTo(cursor.get(cursor.size() - 1).asString());
	}

	private static boolean fits(Kind kind, JsonNode value) {
		return value.isNull() || switch (kind) {
			case NUMBER -> value.isNumber();
			case BOOLEAN -> value.isBoolean();
			case DATE_TIME, TEXT -> value.isString();
			case STRUCTURE -> false;
		};
	}

	private static ApiError invalid(String cursor, String why) {
		String shown = (cursor.length() > 60) ? cursor.substring(0, 60) + "…" : cursor;
		return V100Query.invalid("after '" + shown + "' is not valid: " + why);
	}

}
