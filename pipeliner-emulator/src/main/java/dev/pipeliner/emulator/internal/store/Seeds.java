package dev.pipeliner.emulator.internal.store;

import java.time.Clock;
import java.util.Map;

import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads entities into a team pipeline: a JSON object whose keys are collection or entity names and
 * whose values are arrays of entities, checked like creates. An entity keeps the id, creation
 * and modification time it brings; read-only fields may be set.
 */
public final class Seeds {

	private static final int IGNORE_READONLY = EntityWrites.IGNORE_READONLY;

	private Seeds() {
	}

	/**
	 * @throws IllegalArgumentException naming the collection and position of an entity that is not
	 * valid
	 */
	public static void load(TeamPipelineData pipeline, JsonNode seed, Clock clock) {
		if (!seed.isObject()) {
			throw new IllegalArgumentException("A seed must be a JSON object of collection names to arrays of entities");
		}
		Schema schema = pipeline.schema();
		Wire wire = schema.wire();
		EntityWrites writes = new EntityWrites(clock, wire);
		pipeline.lock().writeLock().lock();
		try {
			for (Map.Entry<String, JsonNode> entry : seed.properties()) {
				EntityType type = schema.either(entry.getKey());
				if (type == null || !entry.getValue().isArray()) {
					throw new IllegalArgumentException("Seed key '" + entry.getKey()
							+ "' must be a standard collection or entity name with an array of entities");
				}
				int index = 0;
				for (JsonNode item : entry.getValue()) {
					load(pipeline, type, item, writes, wire, entry.getKey() + "[" + index++ + "]");
				}
			}
		}
		finally {
			pipeline.lock().writeLock().unlock();
		}
	}

	private static void load(TeamPipelineData pipeline, EntityType type, JsonNode item, EntityWrites writes, Wire wire,
			String where) {
		if (!(item instanceof ObjectNode data)) {
			throw new IllegalArgumentException("Seed entity " + where + " is not a JSON object");
		}
		JsonNode givenId = data.get(wire.id);
		String id = (givenId != null && givenId.isValueNode() && !givenId.isNull()) ? givenId.asString()
				: pipeline.newId(type);
		if (type.numericIds()) {
			pipeline.noteNumericId(id);
		}
		try {
			ObjectNode entity = writes.create(type, id, data, IGNORE_READONLY);
			for (String kept : new String[] { wire.created, wire.modified }) {
				JsonNode value = data.get(kept);
				if (value != null && value.isString() && wire.parse(value.stringValue()) != null) {
					entity.set(kept, wire.storedDateTime(value));
				}
			}
			pipeline.table(type).put(id, entity);
		}
		catch (ApiError ex) {
			throw new IllegalArgumentException("Seed entity " + where + " is not valid: " + ex.getMessage(), ex);
		}
	}

}
