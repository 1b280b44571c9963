package dev.pipeliner.emulator.internal.v1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.http.Service;
import dev.pipeliner.emulator.internal.http.URLEncoding;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.EntityWrites;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import dev.pipeliner.emulator.internal.store.Values;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Pipeliner REST API v1, answered from memory: routing, authentication, metadata, lists and
 * single writes; {@link V1Batches} holds the batch endpoints and {@link V1Fields} the field
 * descriptors. Independent of the HTTP server that carries it.
 */
public final class V1Api implements Service {

	/** The path of the API, before the team pipeline id. */
	public static final String PREFIX = "/rest_services/v1/";

	private final Schema schema = Schema.standard();

	private final ObjectMapper mapper;

	private final Map<String, TeamPipelineData> pipelines;

	private final String authorization;

	private final String serviceUrl;

	private final Clock clock;

	private final EntityWrites writes;

	private final V1Batches batches;

	private final V1Fields fields;

	/**
	 * @param pipelines the team pipelines by id
	 * @param apiToken the accepted API token
	 * @param apiPassword the accepted API password
	 * @param serviceUrl the URL the emulator is reached at, for {@code teamPipelineUrl} and
	 * {@code Location}
	 */
	public V1Api(ObjectMapper mapper, Map<String, TeamPipelineData> pipelines, String apiToken, String apiPassword,
			String serviceUrl, Clock clock) {
		this.mapper = mapper;
		this.pipelines = pipelines;
		this.authorization = Wire.basic(apiToken, apiPassword);
		this.serviceUrl = serviceUrl;
		this.clock = clock;
		this.writes = new EntityWrites(clock, Wire.V1);
		this.batches = new V1Batches(mapper, this.writes, this.schema);
		this.fields = new V1Fields(mapper, this.schema);
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
			@Nullable String authorizationHeader, byte[] body) {
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
				case "deleteEntities": {
					requireMethod(method, "POST");
					Map<String, String> query = single(parameters, Set.of("entityName", "flag"));
					JsonNode items = parse(body);
					return first.equals("setEntities") ? this.batches.setEntities(pipeline, query, items)
							: this.batches.deleteEntities(pipeline, query, items);
				}
				default:
					EntityType type = collection(first);
					if (method.equals("GET")) {
						return list(pipeline, type, single(parameters, V1Query.PARAMETERS));
					}
					requireMethod(method, "POST");
					single(parameters, Set.of());
					return post(pipeline, type, object(parse(body)));
			}
		}
		if (path.size() == 2 && first.equals("getFields")) {
			requireMethod(method, "GET");
			return this.fields.fields(path.get(1), single(parameters, Set.of("filter")));
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
		V1Query query = V1Query.parse(parameters, type.fields().keySet());
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

	private ObjectNode found(TeamPipelineData pipeline, EntityType type, String id) {
		ObjectNode entity = pipeline.table(type).get(id);
		if (entity == null) {
			throw notFound(type, id);
		}
		return entity;
	}

	static ApiError notFound(EntityType type, String id) {
		return ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " " + id + " not found");
	}

	static String idText(JsonNode id) {
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

	static ObjectNode object(JsonNode json) {
		if (!(json instanceof ObjectNode object)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Expected a JSON object, but got " + abbreviate(json));
		}
		return object;
	}

	static JsonNode array(JsonNode json) {
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

	static <T> T write(TeamPipelineData pipeline, java.util.function.Supplier<T> action) {
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
