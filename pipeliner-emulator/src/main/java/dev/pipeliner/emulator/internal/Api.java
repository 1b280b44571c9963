package dev.pipeliner.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import dev.pipeliner.emulator.internal.Schema.EntityType;
import dev.pipeliner.emulator.internal.Schema.Field;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Pipeliner REST API v1, answered from memory: routing, authentication, query parameters,
 * validation, and the batch semantics of every flag. Independent of the HTTP server that carries
 * it.
 */
public final class Api implements Service {

	private static final String PREFIX = "/rest_services/v1/";

	private static final int IGNORE_ON_ERROR = 1;

	private static final int GET_NO_DELETED_ID = 4;

	private static final int IGNORE_AND_RETURN_ERRORS = 8;

	private static final int KNOWN_FLAGS = 1 | 2 | 4 | 8 | 256 | 512;

	private final Schema schema = Schema.standard();

	private final ObjectMapper mapper;

	private final Map<String, TeamPipelineData> pipelines;

	private final String authorization;

	private final String serviceUrl;

	private final Clock clock;

	private final EntityWrites writes;

	/**
	 * @param pipelines the team pipelines by id
	 * @param apiToken the accepted API token
	 * @param apiPassword the accepted API password
	 * @param serviceUrl the URL the emulator is reached at, for {@code teamPipelineUrl} and
	 * {@code Location}
	 */
	public Api(ObjectMapper mapper, Map<String, TeamPipelineData> pipelines, String apiToken, String apiPassword,
			String serviceUrl, Clock clock) {
		this.mapper = mapper;
		this.pipelines = pipelines;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((apiToken + ":" + apiPassword).getBytes(StandardCharsets.UTF_8));
		this.serviceUrl = serviceUrl;
		this.clock = clock;
		this.writes = new EntityWrites(clock, Wire.V1);
	}

	/**
	 * @param method the HTTP method
	 * @param rawPath the path, still URL-encoded
	 * @param parameters the decoded query parameters
	 * @param authorizationHeader the {@code Authorization} header, or {@code null}
	 * @param body the request body, empty when there is none
	 * @return the answer; never throws
	 */
	@Override
	public Reply handle(String method, String rawPath, Map<String, List<String>> parameters,
			String authorizationHeader, byte[] body) {
		try {
			if (!this.authorization.equals(authorizationHeader)) {
				return error(new ApiError(401, ApiError.AUTHENTICATION, "Missing or wrong API token and password"),
						Map.of("WWW-Authenticate", "Basic realm=\"restapi\""));
			}
			if (!rawPath.startsWith(PREFIX)) {
				throw ApiError.notFound(ApiError.UNKNOWN_ENDPOINT, "No endpoint at " + rawPath);
			}
			List<String> segments = new ArrayList<>();
			for (String segment : rawPath.substring(PREFIX.length()).split("/", -1)) {
				segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
			}
			TeamPipelineData pipeline = this.pipelines.get(segments.get(0));
			if (pipeline == null) {
				throw ApiError.notFound(ApiError.UNKNOWN_TEAM_PIPELINE, "Unknown team pipeline '" + segments.get(0) + "'");
			}
			return route(pipeline, method, segments.subList(1, segments.size()), parameters, body);
		}
		catch (ApiError ex) {
			return error(ex, Map.of());
		}
		catch (RuntimeException ex) {
			return error(new ApiError(500, ApiError.UNKNOWN, "Internal error: " + ex), Map.of());
		}
	}

	@Override
	public Reply tooLarge(long maxBodySize) {
		return error(new ApiError(413, ApiError.BODY_TOO_LARGE, "The request body is larger than " + maxBodySize + " bytes"),
				Map.of());
	}

	private Reply route(TeamPipelineData pipeline, String method, List<String> path,
			Map<String, List<String>> parameters, byte[] body) {
		if (path.isEmpty()) {
			requireMethod(method, "GET");
			single(parameters, Set.of());
			ArrayNode names = this.mapper.createArrayNode();
			this.schema.byCollection().keySet().forEach(names::add);
			return Reply.json(names);
		}
		String first = path.get(0);
		if (path.size() == 1) {
			switch (first) {
				case "entityPublic":
					return metadata(method, parameters, () -> {
						ObjectNode names = this.mapper.createObjectNode();
						this.schema.byCollection().forEach((collection, type) -> names.put(collection, type.entity()));
						return names;
					});
				case "errorCodes":
					return metadata(method, parameters, () -> {
						ObjectNode codes = this.mapper.createObjectNode();
						ApiError.CODES.forEach((code, message) -> codes.put(Integer.toString(code), message));
						return codes;
					});
				case "serverAPIUtcDateTime":
					return metadata(method, parameters,
							() -> this.mapper.getNodeFactory().stringNode(Values.format(this.clock.instant())));
				case "teamPipelineUrl":
					return metadata(method, parameters, () -> this.mapper.getNodeFactory().stringNode(this.serviceUrl));
				case "teamPipelineVersion":
					return metadata(method, parameters, () -> this.mapper.getNodeFactory().numberNode(15));
				case "setEntities":
					requireMethod(method, "POST");
					return setEntities(pipeline, parameters, body);
				case "deleteEntities":
					requireMethod(method, "POST");
					return deleteEntities(pipeline, parameters, body);
				default:
					EntityType type = collection(first);
					if (method.equals("GET")) {
						return list(pipeline, type, single(parameters, EntityQuery.PARAMETERS));
					}
					requireMethod(method, "POST");
					single(parameters, Set.of());
					return post(pipeline, type, object(parse(body)));
			}
		}
		if (path.size() == 2 && first.equals("getFields")) {
			requireMethod(method, "GET");
			return fields(path.get(1), single(parameters, Set.of("filter")));
		}
		if (path.size() == 2) {
			EntityType type = collection(first);
			String id = path.get(1);
			single(parameters, Set.of());
			return switch (method) {
				case "GET" -> Reply.json(read(pipeline, () -> found(pipeline, type, id)));
				case "PUT" -> update(pipeline, type, id, object(parse(body)));
				case "DELETE" -> delete(pipeline, type, id);
				default -> throw methodNotAllowed(method);
			};
		}
		throw ApiError.notFound(ApiError.UNKNOWN_ENDPOINT, "No endpoint at /" + String.join("/", path));
	}

	// Reading

	private Reply list(TeamPipelineData pipeline, EntityType type, Map<String, String> parameters) {
		EntityQuery query = EntityQuery.parse(parameters, type.fields().keySet());
		long end = (query.limit == -1) ? Long.MAX_VALUE : (long) query.offset + query.limit;
		List<ObjectNode> page = new ArrayList<>();
		long total = read(pipeline, () -> {
			if (query.isSorted()) {
				List<ObjectNode> matches = new ArrayList<>();
				for (ObjectNode entity : pipeline.table(type).values()) {
					if (query.matches(entity)) {
						matches.add(entity);
					}
				}
				matches.sort(query.comparator());
				page.addAll(matches.subList((int) Math.min(query.offset, matches.size()),
						(int) Math.min(end, matches.size())));
				return (long) matches.size();
			}
			EntityTable table = pipeline.table(type);
			if (query.conditions.isEmpty()) {
				EntityTable.Cursor cursor = table.fromRank(query.offset);
				while (cursor.hasNext() && page.size() < end - query.offset) {
					page.add(cursor.next());
				}
				return (long) table.size();
			}
			long count = 0;
			for (ObjectNode entity : table.values()) {
				if (query.matches(entity)) {
					if (count >= query.offset && count < end) {
						page.add(entity);
					}
					count++;
				}
			}
			return count;
		});
		List<ObjectNode> items = page.stream().map(query::project).toList();
		long last = items.isEmpty() ? -1 : query.offset + items.size() - 1;
		return Reply.array(items, Map.of("Content-Range", "items " + query.offset + "-" + last + "/" + total));
	}

	private Reply fields(String name, Map<String, String> parameters) {
		EntityType type = this.schema.either(name);
		if (type == null) {
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "Unknown entity or collection '" + name + "'");
		}
		List<ObjectNode> descriptors = new ArrayList<>();
		for (Field field : type.fields().values()) {
			descriptors.add(descriptor(type, field));
		}
		Set<String> keys = descriptors.isEmpty() ? Set.of() : new HashSet<>(descriptors.get(0).propertyNames());
		List<EntityQuery.Condition> conditions = EntityQuery.parseFilter(parameters.get("filter"), keys);
		ArrayNode answer = this.mapper.createArrayNode();
		for (ObjectNode descriptor : descriptors) {
			if (conditions.stream().allMatch((condition) -> descriptorMatches(descriptor.get(condition.field()), condition))) {
				answer.add(descriptor);
			}
		}
		return Reply.json(answer);
	}

	private static boolean descriptorMatches(JsonNode value, EntityQuery.Condition condition) {
		if (value != null && value.isBoolean()) {
			String expected = condition.value().trim();
			boolean wanted = expected.equals("1") || expected.equalsIgnoreCase("true");
			boolean equal = value.booleanValue() == wanted;
			return condition.operator().equals("ne") ? !equal : equal;
		}
		return EntityQuery.matches(value, condition);
	}

	private ObjectNode descriptor(EntityType type, Field field) {
		ObjectNode descriptor = this.mapper.createObjectNode();
		descriptor.put("API_NAME", field.apiName());
		descriptor.put("CALC_FORMULA", field.calcFormula());
		if (field.choices() != null) {
			ObjectNode choices = descriptor.putObject("CHOICES");
			field.choices().forEach(choices::put);
		}
		else {
			descriptor.putNull("CHOICES");
		}
		descriptor.put("CUSTOM", field.custom());
		descriptor.putNull("DEFAULT");
		descriptor.put("DESCRIPTION", field.description());
		descriptor.put("ID", field.custom() ? "PY-7FFFFFFF-FIELD-" + type.entity() + "-" + field.apiName() : field.apiName());
		descriptor.put("MAX_VALUE", field.maxValue());
		descriptor.put("MIN_VALUE", field.minValue());
		descriptor.put("NAME", field.name());
		descriptor.put("PL_TYPE", field.plType());
		descriptor.put("READONLY", field.readOnly());
		descriptor.put("REQUIRED", field.required());
		descriptor.put("TYPE", field.type().wire);
		return descriptor;
	}

	// Writing one entity

	private Reply post(TeamPipelineData pipeline, EntityType type, ObjectNode body) {
		JsonNode id = body.get("ID");
		if (id != null && !id.isNull()) {
			return update(pipeline, type, idText(id), body);
		}
		String created = write(pipeline, () -> {
			String newId = pipeline.newId(type);
			pipeline.table(type).put(newId, this.writes.create(type, newId, body, 0));
			return newId;
		});
		return Reply.empty(201, Map.of("Location", this.serviceUrl + PREFIX + pipeline.id() + "/" + type.collection()
				+ "/" + URLEncoding.segment(created)));
	}

	private Reply update(TeamPipelineData pipeline, EntityType type, String id, ObjectNode body) {
		JsonNode bodyId = body.get("ID");
		if (bodyId != null && !bodyId.isNull() && !idText(bodyId).equals(id)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "ID " + bodyId + " in the body does not match " + id);
		}
		write(pipeline, () -> {
			pipeline.table(type).put(id, this.writes.update(type, found(pipeline, type, id), body, 0));
			return id;
		});
		return Reply.empty(200, Map.of());
	}

	private Reply delete(TeamPipelineData pipeline, EntityType type, String id) {
		write(pipeline, () -> {
			found(pipeline, type, id);
			return pipeline.table(type).remove(id);
		});
		return Reply.empty(200, Map.of());
	}

	// Batches

	private Reply setEntities(TeamPipelineData pipeline, Map<String, List<String>> parameters, byte[] body) {
		Map<String, String> query = single(parameters, Set.of("entityName", "flag"));
		EntityType type = batchEntity(query);
		int flags = flags(query);
		if ((flags & GET_NO_DELETED_ID) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag 4 (GET_NO_DELETED_ID) applies to deleteEntities only");
		}
		JsonNode items = array(parse(body));
		return write(pipeline, () -> {
			Batch batch = new Batch(pipeline.table(type), flags);
			for (JsonNode item : items) {
				batch.run(() -> {
					ObjectNode data = object(item);
					JsonNode idNode = data.get("ID");
					if (idNode == null || idNode.isNull()) {
						String id = pipeline.newId(type);
						batch.put(id, this.writes.create(type, id, data, flags));
						return id;
					}
					String id = idText(idNode);
					ObjectNode existing = batch.get(id);
					if (existing == null && (flags & EntityWrites.INSERT_ON_UPDATE) != 0) {
						pipeline.noteNumericId(id);
						batch.put(id, this.writes.create(type, id, data, flags));
						return id;
					}
					if (existing == null) {
						throw notFound(type, id);
					}
					batch.put(id, this.writes.update(type, existing, data, flags));
					return id;
				});
			}
			return Reply.json(batch.commit());
		});
	}

	private Reply deleteEntities(TeamPipelineData pipeline, Map<String, List<String>> parameters, byte[] body) {
		Map<String, String> query = single(parameters, Set.of("entityName", "flag"));
		EntityType type = batchEntity(query);
		int flags = flags(query);
		if ((flags & ~(IGNORE_ON_ERROR | GET_NO_DELETED_ID | IGNORE_AND_RETURN_ERRORS)) != 0) {
			throw ApiError.badRequest(ApiError.INVALID_QUERY, "flag " + flags + " has bits that do not apply to"
					+ " deleteEntities; use 1, 4 and 8");
		}
		JsonNode ids = array(parse(body));
		return write(pipeline, () -> {
			Batch batch = new Batch(pipeline.table(type), flags);
			List<String> notDeleted = new ArrayList<>();
			for (JsonNode idNode : ids) {
				String id = idNode.isValueNode() ? idNode.asString() : idNode.toString();
				boolean deleted = batch.run(() -> {
					if (!idNode.isValueNode() || idNode.isNull() || batch.get(id) == null) {
						throw notFound(type, id);
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

		private final Map<String, ObjectNode> staged = new LinkedHashMap<>();

		private final ArrayNode answer = Api.this.mapper.createArrayNode();

		Batch(EntityTable table, int flags) {
			this.table = table;
			this.flags = flags;
		}

		ObjectNode get(String id) {
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

	// Helpers

	private Reply metadata(String method, Map<String, List<String>> parameters, java.util.function.Supplier<JsonNode> body) {
		requireMethod(method, "GET");
		single(parameters, Set.of());
		return Reply.json(body.get());
	}

	private EntityType collection(String name) {
		EntityType type = this.schema.collection(name);
		if (type == null) {
			EntityType singular = this.schema.entity(name);
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "Unknown collection '" + name + "'"
					+ ((singular != null) ? "; the collection of " + name + " is " + singular.collection() : ""));
		}
		return type;
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

	private ObjectNode found(TeamPipelineData pipeline, EntityType type, String id) {
		ObjectNode entity = pipeline.table(type).get(id);
		if (entity == null) {
			throw notFound(type, id);
		}
		return entity;
	}

	private static ApiError notFound(EntityType type, String id) {
		return ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " " + id + " not found");
	}

	private static String idText(JsonNode id) {
		if (!id.isValueNode()) {
			throw ApiError.invalid(ApiError.INVALID_VALUE, "ID must be text or a number, but was " + id);
		}
		return id.asString();
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "The request has no body");
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static ObjectNode object(JsonNode json) {
		if (!(json instanceof ObjectNode object)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Expected a JSON object, but got " + abbreviate(json));
		}
		return object;
	}

	private static JsonNode array(JsonNode json) {
		if (!json.isArray() || json.isEmpty()) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Expected a non-empty JSON array, but got " + abbreviate(json));
		}
		return json;
	}

	private static String abbreviate(JsonNode json) {
		String text = json.toString();
		return (text.length() > 100) ? text.substring(0, 100) + "…" : text;
	}

	/** @return the parameters, each given at most once and all among {@code allowed} */
	private static Map<String, String> single(Map<String, List<String>> parameters, Set<String> allowed) {
		Map<String, String> single = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!allowed.contains(name)) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY, "Unknown query parameter '" + name + "'"
						+ (allowed.isEmpty() ? "" : "; this endpoint takes " + allowed));
			}
			if (values.size() != 1) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY, "Query parameter '" + name + "' is given more than once");
			}
			single.put(name, values.get(0));
		});
		return single;
	}

	private static void requireMethod(String method, String allowed) {
		if (!method.equals(allowed)) {
			throw methodNotAllowed(method);
		}
	}

	private static ApiError methodNotAllowed(String method) {
		return new ApiError(405, ApiError.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed here");
	}

	private static <T> T read(TeamPipelineData pipeline, java.util.function.Supplier<T> action) {
		return locked(pipeline.lock().readLock(), action);
	}

	private static <T> T write(TeamPipelineData pipeline, java.util.function.Supplier<T> action) {
		return locked(pipeline.lock().writeLock(), action);
	}

	private static <T> T locked(Lock lock, java.util.function.Supplier<T> action) {
		lock.lock();
		try {
			return action.get();
		}
		finally {
			lock.unlock();
		}
	}

	private Reply error(ApiError error, Map<String, String> headers) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("errorcode", error.code());
		body.put("message", error.getMessage());
		return new Reply(error.status(), headers, body, null);
	}

}
