package dev.pipeliner.emulator.internal.v100;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code batch-modify} and {@code batch-delete} of the v100 API, and the write parameters they
 * share with single writes.
 * <p>
 * Items are staged over the table and committed together. With {@code rollback-method=0} (all,
 * the default) the first failing item fails the request with its error, which carries
 * {@code entity_index}, and nothing is written. With {@code rollback-method=1} (only failed) the
 * others are written, and the answer {@code {"success":true,"data":[…]}} holds, in input order,
 * each item's id or its error object.
 */
final class V100Batches {

	private static final int ROLLBACK_ALL = 0;

	private static final int ROLLBACK_FAILED = 1;

	private final ObjectMapper mapper;

	private final V100Writes writes;

	V100Batches(ObjectMapper mapper, V100Writes writes) {
		this.mapper = mapper;
		this.writes = writes;
	}

	/**
	 * @return the bits of {@code validation-level}, 0 when it is not given: 2 (only changed fields),
	 * 4 (only system fields), 8 (read-only fields allowed) and 16 (relations to deleted entities)
	 */
	static int level(Map<String, String> parameters) {
		String level = parameters.get("validation-level");
		if (level == null) {
			return 0;
		}
		int bits = number(level, "validation-level");
		int known = V100Writes.ONLY_CHANGED_FIELDS | V100Writes.ONLY_SYSTEM_FIELDS | V100Writes.OVERRIDE_READ_ONLY
				| V100Writes.ALLOW_DELETED_RELATION;
		if ((bits & ~known) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "validation-level " + bits + " has unknown bits; use 0, 2, 4, 8 and 16");
		}
		return bits;
	}

	/** Hold the space's write lock. */
	Reply modify(EntityTable table, V100Type type, JsonNode items, Map<String, String> parameters) {
		int level = level(parameters);
		Staged staged = new Staged(table, null, rollback(parameters), type);
		for (JsonNode item : array(items)) {
			staged.run(() -> {
				if (!(item instanceof ObjectNode data)) {
					throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Missing or invalid JSON data: an item is not an object.");
				}
				JsonNode id = data.get("id");
				if (id == null || id.isNull()) {
					ObjectNode created = this.writes.create(type, data, level, (taken) -> staged.get(taken) != null);
					staged.put(created.get("id").asString(), created);
					return created.get("id").asString();
				}
				ObjectNode existing = staged.get(id.asString());
				if (existing == null) {
					throw ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " with id " + id.asString() + " not found.");
				}
				staged.put(id.asString(), this.writes.update(type, existing, data, level));
				return id.asString();
			});
		}
		return staged.commit();
	}

	/**
	 * Hold the space's write lock.
	 * @param deleted where the deleted entities go, for {@code include-deleted}
	 */
	Reply delete(EntityTable table, EntityTable deleted, V100Type type, JsonNode ids, Map<String, String> parameters) {
		level(parameters);
		Staged staged = new Staged(table, deleted, rollback(parameters), type);
		for (JsonNode id : array(ids)) {
			staged.run(() -> {
				if (!id.isString() || staged.get(id.asString()) == null) {
					throw ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " with id " + (id.isString() ? id.asString() : id) + " not found.");
				}
				staged.put(id.asString(), null);
				return id.asString();
			});
		}
		return staged.commit();
	}

	private static int rollback(Map<String, String> parameters) {
		String method = parameters.get("rollback-method");
		int rollback = (method != null) ? number(method, "rollback-method") : ROLLBACK_ALL;
		if (rollback != ROLLBACK_ALL && rollback != ROLLBACK_FAILED) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "rollback-method must be 0 (all) or 1 (only failed), but was " + rollback);
		}
		return rollback;
	}

	private static int number(String value, String name) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, name + " must be a whole number, but was '" + value + "'");
		}
	}

	private static JsonNode array(JsonNode json) {
		if (!json.isArray() || json.isEmpty()) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Missing or invalid JSON data: expected a non-empty array.");
		}
		return json;
	}

	/** The changes of one batch, over the table, and the answer item by item. */
	private final class Staged {

		private final EntityTable table;

		/** Where deleted entities go; {@code null} for a batch that deletes none. */
		private final @Nullable EntityTable deleted;

		private final int rollback;

		private final V100Type type;

		/** The entities written so far by id, {@code null} for one deleted. */
		private final Map<String, @Nullable ObjectNode> changes = new LinkedHashMap<>();

		private final ArrayNode answer = V100Batches.this.mapper.createArrayNode();

		/** The answer of the first failed item when the batch rolls back all, else {@code null}. */
		private @Nullable Reply failure;

		Staged(EntityTable table, @Nullable EntityTable deleted, int rollback, V100Type type) {
			this.table = table;
			this.deleted = deleted;
			this.rollback = rollback;
			this.type = type;
		}

		@Nullable ObjectNode get(String id) {
			return this.changes.containsKey(id) ? this.changes.get(id) : this.table.get(id);
		}

		void put(String id, @Nullable ObjectNode entity) {
			this.changes.put(id, entity);
		}

		/** Runs one item, which stages its change only after it passed every check. */
		void run(Supplier<String> item) {
			if (this.failure != null) {
				return;
			}
			int index = this.answer.size();
			try {
				this.answer.add(item.get());
			}
			catch (ApiError ex) {
				fail(V100Errors.body(ex, index), V100Errors.reply(ex, index, Map.of()));
			}
			catch (V100Invalid ex) {
				fail(V100Errors.body(ex, this.type.entity(), index), V100Errors.reply(ex, this.type.entity(), index));
			}
		}

		private void fail(ObjectNode error, Reply reply) {
			if (this.rollback == ROLLBACK_ALL) {
				this.failure = reply;
			}
			else {
				this.answer.add(error);
			}
		}

		Reply commit() {
			if (this.failure != null) {
				return this.failure;
			}
			this.changes.forEach((id, entity) -> {
				if (entity == null) {
					V100Batches.this.writes.delete(this.table, Objects.requireNonNull(this.deleted), id);
				}
				else {
					this.table.put(id, entity);
				}
			});
			ObjectNode body = V100Batches.this.mapper.createObjectNode();
			body.put("success", true);
			body.set("data", this.answer);
			return new Reply(200, Map.of(), body, null);
		}

	}

}
