package dev.pipeliner.emulator.internal.v100;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.http.Service;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import dev.pipeliner.emulator.internal.store.Wire;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Pipeliner Cloud API v100, answered from memory as the project's contract describes it:
 * {@code /api/v100/rest/spaces/{space}/entities/…} with Basic auth, and for each collection of
 * the contract the operations the contract gives it (list, get, create, patch, delete,
 * batch-modify, batch-delete), in the service's success envelope and error shapes. The metadata
 * collections {@code Entities} and {@code Fields} are read-only; {@code Activities} lists the
 * Tasks and Appointments. An operation the contract lacks, or a write to a read-only collection,
 * answers {@code 405}.
 */
public final class V100Api implements Service {

	/** The path of the API, before the space id. */
	public static final String PREFIX = "/api/v100/rest/spaces/";

	/** Collections that show the entities of others, read-only. */
	private static final Map<String, List<String>> VIEWS = Map.of("Activities", List.of("Tasks", "Appointments"));

	private static final Set<String> WRITE_PARAMETERS = Set.of("validation-level");

	private final ObjectMapper mapper;

	private final Map<String, TeamPipelineData> spaces;

	private final String authorization;

	private final V100Contract contract = V100Contract.get();

	private final V100Writes writes;

	private final V100Render render;

	private final V100Lists lists;

	private final V100Metadata metadata = V100Metadata.get();

	private final V100Batches batches;

	/**
	 * @param spaces the spaces by id, each made with {@link #schema()}
	 * @param username the accepted username of the API application
	 * @param password its password
	 * @param serviceUrl the URL the emulator is reached at, for relation URIs
	 * @param writes the writes of this emulator, which its seeds went through too
	 */
	public V100Api(ObjectMapper mapper, Map<String, TeamPipelineData> spaces, String username, String password,
			String serviceUrl, V100Writes writes) {
		this.mapper = mapper;
		this.spaces = spaces;
		this.authorization = Wire.basic(username, password);
		this.writes = writes;
		this.render = new V100Render(this.contract, serviceUrl);
		this.lists = new V100Lists(mapper);
		this.batches = new V100Batches(mapper, writes);
	}

	/** @return the collections a v100 space holds: those of the contract */
	public static Schema schema() {
		List<Schema.EntityType> types = new ArrayList<>();
		V100Contract.get().types().values()
			.forEach((type) -> types.add(new Schema.EntityType(type.entity(), type.collection(), false, Map.of())));
		return Schema.of(Wire.V100, types);
	}

	@Override
	public Reply handle(String method, String rawPath, Map<String, List<String>> parameters,
			@Nullable String authorizationHeader, byte[] body) {
		try {
			if (!this.authorization.equals(authorizationHeader)) {
				return V100Errors.reply(new ApiError(401, ApiError.AUTHENTICATION, "Invalid username or password."), null,
						Map.of("WWW-Authenticate", "Basic realm=\"api\""));
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
			return V100Errors.reply(ex, null, Map.of());
		}
		catch (RuntimeException ex) {
			return V100Errors.reply(new ApiError(500, ApiError.UNKNOWN, "Internal error: " + ex), null, Map.of());
		}
	}

	@Override
	public Reply tooLarge(long maxBodySize) {
		return V100Errors.reply(new ApiError(413, ApiError.BODY_TOO_LARGE,
				"The request body is larger than " + maxBodySize + " bytes"), null, Map.of());
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
		V100Type type = this.contract.type(path.get(0));
		if (type == null) {
			throw ApiError.notFound(ApiError.UNKNOWN_ENTITY, "cannot determine entity type from " + path.get(0));
		}
		List<EntityTable> tables = tables(space, type);
		if (path.size() == 1) {
			return switch (method) {
				case "GET" -> {
					require(type, "list", method);
					V100Query query = V100Query.parse(parameters, type);
					V100Render.Shape shape = new V100Render.Shape(query.expand, query.loadOnly);
					List<EntityTable> read = query.includeDeleted ? withDeleted(space, type, tables) : tables;
					yield read(space, () -> this.lists.page(read, query,
							(entity) -> this.render.entity(space, type, entity, shape)));
				}
				case "POST" -> {
					require(type, "create", method);
					yield create(space, type, V100Batches.level(only(parameters, WRITE_PARAMETERS)), object(parse(body)));
				}
				default -> throw methodNotAllowed(method);
			};
		}
		String id = path.get(1);
		if (id.equals("batch-modify") || id.equals("batch-delete")) {
			requireMethod(method, "POST");
			require(type, id, method);
			Map<String, String> query = only(parameters, Set.of("validation-level", "rollback-method"));
			JsonNode items = parse(body);
			EntityTable table = tables.get(0);
			return write(space, () -> id.equals("batch-modify") ? this.batches.modify(table, type, items, query)
					: this.batches.delete(table, space.deleted(type.collection()), type, items, query));
		}
		return switch (method) {
			case "GET" -> {
				require(type, "get", method);
				only(parameters, Set.of());
				yield read(space, () -> success(200, this.render.entity(space, type, found(tables, type, id))));
			}
			case "PATCH" -> {
				require(type, "update", method);
				yield update(space, type, id, V100Batches.level(only(parameters, WRITE_PARAMETERS)), object(parse(body)));
			}
			case "DELETE" -> {
				require(type, "delete", method);
				V100Batches.level(only(parameters, WRITE_PARAMETERS));
				write(space, () -> {
					String key = found(tables, type, id).get("id").asString();
					this.writes.delete(tables.get(0), space.deleted(type.collection()), key);
					return key;
				});
				yield new Reply(200, Map.of(), this.mapper.createObjectNode().put("success", true).put("data", id), null);
			}
			default -> throw methodNotAllowed(method);
		};
	}

	/** @return where a collection's entities are: its table, the metadata's, or those a view shows */
	private List<EntityTable> tables(TeamPipelineData space, V100Type type) {
		if (this.metadata.has(type.collection())) {
			return List.of(this.metadata.table(type.collection()));
		}
		List<String> shown = VIEWS.getOrDefault(type.collection(), List.of(type.collection()));
		return shown.stream().map(space::table).toList();
	}

	/** @return the tables, and the deleted entities of their collections, for {@code include-deleted} */
	private List<EntityTable> withDeleted(TeamPipelineData space, V100Type type, List<EntityTable> tables) {
		if (this.metadata.has(type.collection())) {
			return tables;
		}
		List<EntityTable> all = new ArrayList<>(tables);
		VIEWS.getOrDefault(type.collection(), List.of(type.collection())).forEach((shown) -> all.add(space.deleted(shown)));
		return all;
	}

	/** An operation the contract lacks, or a write to a collection the emulator serves read-only, is 405. */
	private void require(V100Type type, String operation, String method) {
		boolean readOnly = this.metadata.has(type.collection()) || VIEWS.containsKey(type.collection());
		if (!type.has(operation) || (readOnly && !operation.equals("list") && !operation.equals("get"))) {
			throw methodNotAllowed(method);
		}
	}

	private Reply create(TeamPipelineData space, V100Type type, int level, ObjectNode body) {
		try {
			return write(space, () -> {
				EntityTable table = space.table(type.collection());
				ObjectNode created = this.writes.create(type, body, level, (id) -> table.get(id) != null);
				table.put(created.get("id").asString(), created);
				return success(201, this.render.entity(space, type, created));
			});
		}
		catch (V100Invalid ex) {
			return V100Errors.reply(ex, type.entity(), null);
		}
	}

	private Reply update(TeamPipelineData space, V100Type type, String id, int level, ObjectNode body) {
		JsonNode bodyId = body.get("id");
		if (bodyId != null && !bodyId.isNull() && !bodyId.asString().equals(id)) {
			throw ApiError.badRequest(ApiError.MALFORMED_BODY, "id " + bodyId + " in the body does not match " + id);
		}
		try {
			return write(space, () -> {
				EntityTable table = space.table(type.collection());
				ObjectNode updated = this.writes.update(type, found(List.of(table), type, id), body, level);
				table.put(id, updated);
				return success(200, this.render.entity(space, type, updated));
			});
		}
		catch (V100Invalid ex) {
			return V100Errors.reply(ex, type.entity(), null);
		}
	}

	private Reply success(int status, JsonNode data) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("success", true);
		body.set("data", data);
		return new Reply(status, Map.of(), body, null);
	}

	private static ObjectNode found(List<EntityTable> tables, V100Type type, String id) {
		for (EntityTable table : tables) {
			ObjectNode entity = table.get(id);
			if (entity != null) {
				return entity;
			}
		}
		throw ApiError.notFound(ApiError.NOT_FOUND, type.entity() + " with id " + id + " not found.");
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

	/** @return the parameters, each given once, when they are all {@code allowed} ones */
	private static Map<String, String> only(Map<String, List<String>> parameters, Set<String> allowed) {
		Map<String, String> single = new LinkedHashMap<>();
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
