package dev.pipeliner.emulator.internal.store;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a create or partial update against the entity's fields and builds the node to store: the
 * server sets the id, the creation and modification times and the deleted flag (and on v100 the
 * revision), and ignores them in a request body. The v1 API's and its seeds'; v100 writes are
 * checked against the v100 contract instead.
 */
public final class EntityWrites {

	public static final int INSERT_ON_UPDATE = 2;

	public static final int VALIDATE_ONLY_UPDATED_FIELDS = 256;

	public static final int IGNORE_READONLY = 512;

	private final Clock clock;

	private final Wire wire;

	public EntityWrites(Clock clock, Wire wire) {
		this.clock = clock;
		this.wire = wire;
	}

	/**
	 * @param id the id to give the entity
	 * @return the node to store
	 */
	public ObjectNode create(EntityType type, String id, ObjectNode body, int flags) {
		checkFields(type, body, flags);
		ObjectNode entity = body.objectNode();
		if (type.numericIds()) {
			entity.put(this.wire.id, Long.parseLong(id));
		}
		else {
			entity.put(this.wire.id, id);
		}
		String now = this.wire.format(this.clock.instant());
		entity.put(this.wire.created, now);
		entity.put(this.wire.modified, now);
		entity.set(this.wire.deleted, this.wire.notDeleted());
		if (this.wire.revision != null) {
			entity.put(this.wire.revision, 1);
		}
		copyWritable(type, body, entity);
		checkRequired(type, entity);
		return entity;
	}

	/**
	 * @return the node to store in place of {@code existing}: it with the fields of {@code body}
	 */
	public ObjectNode update(EntityType type, ObjectNode existing, ObjectNode body, int flags) {
		checkFields(type, body, flags);
		ObjectNode entity = existing.deepCopy();
		copyWritable(type, body, entity);
		entity.put(this.wire.modified, this.wire.format(this.clock.instant()));
		if (this.wire.revision != null) {
			entity.put(this.wire.revision, existing.path(this.wire.revision).asLong(0) + 1);
		}
		if ((flags & VALIDATE_ONLY_UPDATED_FIELDS) == 0) {
			checkRequired(type, entity);
		}
		return entity;
	}

	private void copyWritable(EntityType type, ObjectNode body, ObjectNode entity) {
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (!this.wire.serverManaged.contains(field.getKey())) {
				Field target = Objects.requireNonNull(type.fields().get(field.getKey()),
						"checkFields lets only the entity's own fields through");
				boolean dateTime = target.type() == Schema.Type.DATETIME;
				entity.set(field.getKey(), dateTime ? this.wire.storedDateTime(field.getValue()) : field.getValue());
			}
		}
	}

	/** @return the field names the server sets, which a request body cannot change */
	Set<String> serverManaged() {
		return this.wire.serverManaged;
	}

	private void checkFields(EntityType type, ObjectNode body, int flags) {
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			Field field = type.fields().get(entry.getKey());
			if (field == null) {
				throw ApiError.invalidField(entry.getKey(), ApiError.UNKNOWN_FIELD,
						"Field " + entry.getKey() + " is not a field of " + type.entity());
			}
			if (this.wire.serverManaged.contains(field.apiName())) {
				continue;
			}
			if (field.readOnly() && (flags & IGNORE_READONLY) == 0) {
				throw ApiError.invalidField(field.apiName(), ApiError.READ_ONLY, "Field " + field.apiName() + " of " + type.entity()
						+ " is read-only");
			}
			Values.check(type, field, entry.getValue(), this.wire);
		}
	}

	private static void checkRequired(EntityType type, ObjectNode entity) {
		for (String required : type.requiredFields()) {
			JsonNode value = entity.get(required);
			if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())
					|| (value.isArray() && value.isEmpty())) {
				throw ApiError.invalidField(required, ApiError.REQUIRED_FIELD,
						"Required field " + required + " of " + type.entity() + " is missing");
			}
		}
	}

}
