package dev.pipeliner.emulator.internal.v1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.EntityWrites;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code setEntities} and {@code deleteEntities} of the v1 API, with the semantics of every flag:
 * {@code 0} all or nothing, {@code 1} skip failing items, {@code 2} insert on update of a missing
 * entity, {@code 4} answer the ids not deleted, {@code 8} errors in place of failed items,
 * {@code 256} validate only the fields sent, {@code 512} allow read-only fields.
 */
final class V1Batches {

	private static final int IGNORE_ON_ERROR = 1;

	private static final int GET_NO_DELETED_ID = 4;

	private static final int IGNORE_AND_RETURN_ERRORS = 8;

	private static final int KNOWN_FLAGS = 1 | 2 | 4 | 8 | 256 | 512;

	private final ObjectMapper mapper;

	private final EntityWrites writes;

	private final Schema schema;

	V1Batches(ObjectMapper mapper, EntityWrites writes, Schema schema) {
		this.mapper = mapper;
		this.writes = writes;
		this.schema = schema;
	}

	/** @param query {@code entityName} and {@code flag}
	 * @param body the items */
	Reply setEntities(TeamPipelineData pipeline, Map<String, String> query, JsonNode body) {
		EntityType type = batchEntity(query);
		int flags = flags(query);
		if ((flags & GET_NO_DELETED_ID) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag 4 (GET_NO_DELETED_ID) applies to deleteEntities only");
		}
		JsonNode items = V1Api.array(body);
		return V1Api.write(pipeline, () -> {
			Batch batch = new Batch(pipeline.table(type), flags);
			for (JsonNode item : items) {
				batch.run(() -> {
					ObjectNode data = V1Api.object(item);
					JsonNode idNode = data.get("ID");
					if (idNode == null || idNode.isNull()) {
						String id = pipeline.newId(type);
						batch.put(id, this.writes.create(type, id, data, flags));
						return id;
					}
					String id = V1Api.idText(idNode);
					ObjectNode existing = batch.get(id);
					if (existing == null && (flags & EntityWrites.INSERT_ON_UPDATE) != 0) {
						pipeline.noteNumericId(id);
						batch.put(id, this.writes.create(type, id, data, flags));
						return id;
					}
					if (existing == null) {
						throw V1Api.notFound(type, id);
					}
					batch.put(id, this.writes.update(type, existing, data, flags));
					return id;
				});
			}
			return Reply.json(batch.commit());
		});
	}

	/** @param query {@code entityName} and {@code flag}
	 * @param body the ids */
	Reply deleteEntities(TeamPipelineData pipeline, Map<String, String> query, JsonNode body) {
		EntityType type = batchEntity(query);
		int flags = flags(query);
		if ((flags & ~(IGNORE_ON_ERROR | GET_NO_DELETED_ID | IGNORE_AND_RETURN_ERRORS)) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag " + flags + " has bits that do not apply to"
					+ " deleteEntities; use 1, 4 and 8");
		}
		JsonNode ids = V1Api.array(body);
		return V1Api.write(pipeline, () -> {
			Batch batch = new Batch(pipeline.table(type), flags);
			List<String> notDeleted = new ArrayList<>();
			for (JsonNode idNode : ids) {
				String id = idNode.isValueNode() ? idNode.asString() : idNode.toString();
				boolean deleted = batch.run(() -> {
					if (!idNode.isValueNode() || idNode.isNull() || batch.get(id) == null) {
						throw V1Api.notFound(type, id);
					}
					batch.remove(id);
					return id;
				});
				if (!deleted) {
					notDeleted.add(id);
				}
			}
			ArrayNode answer = batch.commit();
			if ((flags & GET_NO_DELETED_ID) != 0) {
				answer = this.mapper.createArrayNode();
				notDeleted.forEach(answer::add);
			}
			return Reply.json(answer);
		});
	}

	/**
	 * The items of one batch, staged over the table. Without an ignore flag the first failure
	 * aborts the batch and nothing is committed; with {@code IGNORE_ON_ERROR} a failed item is left
	 * out of the answer, with {@code IGNORE_AND_RETURN_ERRORS} its error takes its place.
	 */
	private final class Batch {

		private final EntityTable table;

		private final int flags;

		/** The entities written so far by id, {@code null} for one deleted. */
		private final Map<String, @Nullable ObjectNode> staged = new LinkedHashMap<>();

		private final ArrayNode answer = V1Batches.this.mapper.createArrayNode();

		Batch(EntityTable table, int flags) {
			this.table = table;
			this.flags = flags;
		}

		@Nullable ObjectNode get(String id) {
			return this.staged.containsKey(id) ? this.staged.get(id) : this.table.get(id);
		}

		void put(String id, ObjectNode entity) {
			this.staged.put(id, entity);
		}

		void remove(String id) {
			this.staged.put(id, null);
		}

		/** @return whether the item succeeded */
		boolean run(java.util.function.Supplier<String> item) {
			// An item stages its change only after it passed every check, so a failed item
			// leaves nothing to undo.
			try {
				this.answer.add(item.get());
				return true;
			}
			catch (ApiError ex) {
				if ((this.flags & (IGNORE_ON_ERROR | IGNORE_AND_RETURN_ERRORS)) == 0) {
					throw ex;
				}
				if ((this.flags & IGNORE_AND_RETURN_ERRORS) != 0) {
					ObjectNode error = this.answer.addObject();
					error.put("errorcode", ex.code());
					error.put("message", ex.getMessage());
				}
				return false;
			}
		}

		ArrayNode commit() {
			this.staged.forEach((id, entity) -> {
				if (entity == null) {
					this.table.remove(id);
				}
				else {
					this.table.put(id, entity);
				}
			});
			return this.answer;
		}

	}

	private EntityType batchEntity(Map<String, String> query) {
		String name = query.get("entityName");
		if (name == null || name.isBlank()) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "entityName is required");
		}
		EntityType type = this.schema.entity(name);
		if (type == null) {
			EntityType plural = this.schema.collection(name);
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "Unknown entity '" + name + "'"
					+ ((plural != null) ? "; entityName takes the singular: " + plural.entity() : ""));
		}
		return type;
	}

	private static int flags(Map<String, String> query) {
		String flag = query.get("flag");
		int flags;
		try {
			flags = (flag != null) ? Integer.parseInt(flag.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag must be a number, but was '" + flag + "'");
		}
		if (flags < 0 || (flags & ~KNOWN_FLAGS) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag " + flags + " has unknown bits");
		}
		return flags;
	}

}
