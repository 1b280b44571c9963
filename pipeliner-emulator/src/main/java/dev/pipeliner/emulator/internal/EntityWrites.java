package dev.pipeliner.emulator.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.Schema.EntityType;
import dev.pipeliner.emulator.internal.Schema.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a create or partial update against the entity's fields and builds the node to store: the
 * server sets {@code ID}, {@code CREATED}, {@code MODIFIED} and {@code IS_DELETED}, and ignores
 * them in a request body.
 */
final class EntityWrites {

	static final int INSERT_ON_UPDATE = 2;

	static final int VALIDATE_ONLY_UPDATED_FIELDS = 256;

	static final int IGNORE_READONLY = 512;

	private static final Set<String> SERVER_MANAGED = Set.of("ID", "CREATED", "MODIFIED", "IS_DELETED");

	private final Clock clock;

	EntityWrites(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param id the id to give the entity
	 * @return the node to store
	 */
	ObjectNode create(EntityType type, String id, ObjectNode body, int flags) {
		checkFields(type, body, flags);
		ObjectNode entity = body.objectNode();
		if (type.numericIds()) {
			entity.put("ID", Long.parseLong(id));
		}
		else {
			entity.put("ID", id);
		}
		String now = Values.format(this.clock.instant());
		entity.put("CREATED", now);
		entity.put("MODIFIED", now);
		entity.put("IS_DELETED", 0);
		copyWritable(body, entity);
		checkRequired(type, entity);
		return entity;
	}

	/**
	 * @return the node to store in place of {@code existing}: it with the fields of {@code body}
	 */
	ObjectNode update(EntityType type, ObjectNode existing, ObjectNode body, int flags) {
		checkFields(type, body, flags);
		ObjectNode entity = existing.deepCopy();
		copyWritable(body, entity);
		entity.put("MODIFIED", Values.format(this.clock.instant()));
		if ((flags & VALIDATE_ONLY_UPDATED_FIELDS) == 0) {
			checkRequired(type, entity);
		}
		return entity;
	}

	private static void copyWritable(ObjectNode body, ObjectNode entity) {
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (!SERVER_MANAGED.contains(field.getKey())) {
				entity.set(field.getKey(), field.getValue());
			}
		}
	}

	private static void checkFields(EntityType type, ObjectNode body, int flags) {
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			Field field = type.fields().get(entry.getKey());
			if (field == null) {
				throw ApiError.invalid(ApiError.UNKNOWN_FIELD,
						"Field " + entry.getKey() + " is not a field of " + type.entity());
			}
			if (SERVER_MANAGED.contains(field.apiName())) {
				continue;
			}
			if (field.readOnly() && (flags & IGNORE_READONLY) == 0) {
				throw ApiError.invalid(ApiError.READ_ONLY, "Field " + field.apiName() + " of " + type.entity()
						+ " is read-only");
			}
			Values.check(type, field, entry.getValue());
		}
	}

	private static void checkRequired(EntityType type, ObjectNode entity) {
		for (String required : type.requiredFields()) {
			JsonNode value = entity.get(required);
			if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())
					|| (value.isArray() && value.isEmpty())) {
				throw ApiError.invalid(ApiError.REQUIRED_FIELD,
						"Required field " + required + " of " + type.entity() + " is missing");
			}
		}
	}

}
