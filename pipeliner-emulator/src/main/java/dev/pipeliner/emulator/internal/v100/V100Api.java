package dev.pipeliner.emulator.internal.v100;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.http.Service;
import dev.pipeliner.emulator.internal.http.URLEncoding;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.EntityWrites;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Pipeliner Cloud API v100, answered from memory: {@code /api/v100/rest/spaces/{space}/entities/…}
 * with Basic auth, the list, get, create, patch and delete of every collection, batch-modify and
 * batch-delete, the metadata collections {@code Entities} and {@code Fields}, and the service's
 * success envelope and error shapes. Shares the store, {@link EntityTable}, and the validation,
 * {@link EntityWrites}, with the v1 API; the spaces hold entities in v100 form.
 */
public final class V100Api implements Service {

	/** The path of the API, before the space id. */
	public static final String PREFIX = "/api/v100/rest/spaces/";

	private static final Set<String> WRITE_PARAMETERS = Set.of("validation-level");

	private final ObjectMapper mapper;

	private final Map<String, TeamPipelineData> spaces;

	private final String authorization;

	private final String serviceUrl;

	private final Schema schema = V100Schema.schema();

	private final EntityWrites writes;

	private final V100Lists lists;

	private final V100Metadata metadata = new V100Metadata(this.schema);

	private final V100Batches batches;

	/**
	 * @param spaces the spaces by id, each made with {@link #schema()}
	 * @param username the accepted username of the API application
	 * @param password its password
	 * @param serviceUrl the URL the emulator is reached at, for relation URIs
	 */
	public V100Api(ObjectMapper mapper, Map<String, TeamPipelineData> spaces, String username, String password,
			String serviceUrl, Clock clock) {
		this.mapper = mapper;
		this.spaces = spaces;
		this.authorization = Wire.basic(username, password);
		this.serviceUrl = serviceUrl;
		this.writes = new EntityWrites(clock, Wire.V100);
		this.lists = new V100Lists(mapper);
		this.batches = new V100Batches(mapper, this.writes);
	}

	/** @return the entities a v100 space holds */
	public static Schema schema() {
		return V100Schema.schema();
	}

	@Override
	public Reply handle(String method, String rawPath, Map<String, List<String>> parameters,
			@Nullable String authorizationHeader, byte[] body) {
		try {
			if (!this.authorization.equals(authorizationHeader)) {
				return V100Errors.reply(new ApiError(401, ApiError.AUTHENTICATION, "Invalid username or password."), null,
						null, null, Map.of("WWW-Authenticate", "Basic realm=\"api\""));
			}
			List<String> path = segments(rawPath);
			if (path == null) {
				throw ApiError.notFound(ApiError.UNKNOWN_ENDPOINT, "No endpoint at " + rawPath);
			}
			TeamPipelineData space = this.spaces.get(path.get(0));
			if (space == null) {
				throw ApiError.notFound(ApiError.UNKNOWN_TEAM_PIPELINE, "Space not found.");
			}
			return route(space, method, path.subList(2, path.size()), parameters, body);
		}
		catch (ApiError ex) {
			return V100Errors.reply(ex, null, null, null, Map.of());
		}
		catch (RuntimeException ex) {
			return V100Errors.reply(new ApiError(500, ApiError.UNKNOWN, "Internal error: " + ex), null, null, null, Map.of());
		}
	}

	@Override
	public Reply tooLarge(long maxBodySize) {
		return V100Errors.reply(new ApiError(413, ApiError.BODY_TOO_LARGE,
				"The request body is larger than " + maxBodySize + " bytes"), null, null, null, Map.of());
	}

	/** @return the decoded segments {space, "entities", collection, …}, or {@code null} for another URL */
	private static @Nullable List<String> segments(String rawPath) {
		if (!rawPath.startsWith(PREFIX)) {
			return null;
		}
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.substring(PREFIX.length()).split("/", -1)) {
			segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
		}
		boolean shaped = segments.size() >= 3 && segments.size() <= 4 && segments.get(1).equals("entities")
				&& segments.stream().noneMatch(String::isEmpty);
		return shaped ? segments : null;
	}

	private Reply route(TeamPipelineData space, String method, List<String> path, Map<String, List<String>> parameters,
			byte[] body) {
		String collection = path.get(0);
		EntityType meta = this.metadata.type(collection);
		if (meta != null) {
			requireMethod(method, "GET");
			EntityTable table = this.metadata.table(collection);
			if (path.size() == 1) {
				V100Query query = V100Query.parse(parameters, meta);
				return this.lists.page(table, query, (entity) -> project(entity, query));
			}
			noParameters(parameters, Set.of());
			return success(200, found(table, meta, path.get(1)));
		}
		EntityType type = type(collection);
		EntityTable table = space.table(type);
		if (path.size() == 1) {
			return switch (method) {
				case "GET" -> {
					V100Query query = V100Query.parse(parameters, type);
					yield read(space, () -> this.lists.page(table, query, (entity) -> render(space, type, entity, query)));
				}
				case "POST" -> create(space, type, V100Batches.flags(noParameters(parameters, WRITE_PARAMETERS)), object(parse(body)));
				default -> throw methodNotAllowed(method);
			};
		}
		String id = path.get(1);
		if (id.equals("batch-modify") || id.equals("batch-delete")) {
			requireMethod(method, "POST");
			Map<String, String> query = noParameters(parameters, Set.of("validation-level", "rollback-method"));
			JsonNode items = parse(body);
			return write(space, () -> id.equals("batch-modify") ? this.batches.modify(space, type, items, query)
					: this.batches.delete(table, type, items, query));
		}
		return switch (method) {
			case "GET" -> {
				noParameters(parameters, Set.of());
				yield read(space, () -> success(200, render(space, type, found(table, type, id), null)));
			}
			case "PATCH" -> update(space, type, id, V100Batches.flags(noParameters(parameters, WRITE_PARAMETERS)),
					object(parse(body)));
			case "DELETE" -> {
				noParameters(parameters, Set.of());
				write(space, () -> {
					found(table, type, id);
					return table.remove(id);
				});
				yield new Reply(200, Map.of(), this.mapper.createObjectNode().put("success", true).put("data", id), null);
			}
			default -> throw methodNotAllowed(method);
		};
	}

	private Reply create(TeamPipelineData space, EntityType type, int flags, ObjectNode body) {
		try {
			return write(space, () -> {
				String id = this.batches.newId(space, type, body);
				ObjectNode created = this.writes.create(type, id, body, flags);
				space.table(type).put(id, created);
				return success(201, render(space, type, created, null));
			});
		}
		catch (ApiError ex) {
			return V100Errors.reply(ex, type.entity(), null, null, Map.of());
		}
	}

	private Reply update(TeamPipelineData space, EntityType type, String id, int flags, ObjectNode body) {
		JsonNode bodyId = body.get("id");
		if (bodyId != null && !bodyId.isNull() && !bodyId.asString().equals(id)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "id " + bodyId + " in the body does not match " + id);
		}
		try {
			return write(space, () -> {
				ObjectNode updated = this.writes.update(type, found(space.table(type), type, id), body, flags);
				space.table(type).put(id, updated);
				return success(200, render(space, type, updated, null));
			});
		}
		catch (ApiError ex) {
			return V100Errors.reply(ex, type.entity(), id, null, Map.of());
		}
	}

	// Answers

	/**
	 * @return the entity as answered: each relation's URI next to its {@code *_id} (or the related
	 * entity, when expanded), with only the fields of {@code load-only}
	 */
	private ObjectNode render(TeamPipelineData space, EntityType type, ObjectNode entity, @Nullable V100Query query) {
		ObjectNode answer = this.mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> property : entity.properties()) {
			String name = property.getKey();
			Field field = type.fields().get(name);
			if (field != null && field.target() != null && name.endsWith("_id")) {
				String relation = name.substring(0, name.length() - 3);
				JsonNode id = property.getValue();
				if (query != null && query.expand.contains(relation)) {
					answer.set(relation, expanded(space, field.target(), id));
				}
				else {
					answer.put(relation, id.isNull() ? null : this.serviceUrl + PREFIX + space.id() + "/entities/"
							+ field.target() + "/" + URLEncoding.segment(id.asString()));
				}
			}
			answer.set(name, property.getValue());
		}
		return (query != null) ? project(answer, query) : answer;
	}

	/** @return the related entity as answered, or {@code null} when the relation is empty or unknown */
	private @Nullable ObjectNode expanded(TeamPipelineData space, String collection, JsonNode id) {
		EntityType target = this.schema.collection(collection);
		if (id.isNull() || target == null) {
			return null;
		}
		ObjectNode related = space.table(target).get(id.asString());
		return (related != null) ? render(space, target, related, null) : null;
	}

	private static ObjectNode project(ObjectNode entity, V100Query query) {
		return Wire.V100.project(entity, query.loadOnly);
	}

	private Reply success(int status, JsonNode data) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("success", true);
		body.set("data", data);
		return new Reply(status, Map.of(), body, null);
	}

	// Helpers

	private EntityType type(String collection) {
		EntityType type = this.schema.collection(collection);
		if (type == null) {
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "cannot determine entity type from " + collection);
		}
		return type;
	}

	static ObjectNode found(EntityTable table, EntityType type, String id) {
		ObjectNode entity = table.get(id);
		if (entity == null) {
			throw ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " with id " + id + " not found.");
		}
		return entity;
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Missing or invalid JSON data.");
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Missing or invalid JSON data.");
		}
	}

	private static ObjectNode object(JsonNode json) {
		if (!(json instanceof ObjectNode object)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "Missing or invalid JSON data: expected an object.");
		}
		return object;
	}

	private static Map<String, String> noParameters(Map<String, List<String>> parameters, Set<String> allowed) {
		Map<String, String> single = new java.util.LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!allowed.contains(name) || values.size() != 1) {
				throw ApiError.badRequest(ApiError.INVALID_QUERY, "Query parameter '" + name + "' is not valid here"
						+ (allowed.isEmpty() ? "" : "; this endpoint takes " + allowed + ", each once"));
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
		return new ApiError(405, ApiError.METHOD_NOT_ALLOWED, "The method " + method + " is not allowed for the requested URL.");
	}

	private static <T> T read(TeamPipelineData space, Supplier<T> action) {
		space.lock().readLock().lock();
		try {
			return action.get();
		}
		finally {
			space.lock().readLock().unlock();
		}
	}

	private static <T> T write(TeamPipelineData space, Supplier<T> action) {
		space.lock().writeLock().lock();
		try {
			return action.get();
		}
		finally {
			space.lock().writeLock().unlock();
		}
	}

}
