package dev.pipeliner.client.internal.v1;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.RetryPolicy;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.internal.http.Bounded;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.internal.http.Transport.Repeat;
import dev.pipeliner.client.internal.http.Transport;
import dev.pipeliner.client.internal.http.Urls;
import dev.pipeliner.client.internal.http.WireJson;
import dev.pipeliner.client.internal.protocol.EntityNames;
import dev.pipeliner.client.internal.protocol.Hints;
import dev.pipeliner.client.internal.protocol.Protocol;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Pipeliner REST API v1 on the wire: URLs, query parameters, headers, status codes and body
 * shapes, for one team pipeline and one set of credentials. Everything the v1 protocol defines
 * lives here, so that another protocol version can sit beside it without changing the public API.
 * Arguments are checked by the caller. Not part of the public API.
 */
public final class V1Protocol implements Protocol {

	private static final String CONTENT_RANGE = "Content-Range";

	private final Transport transport;

	private final Bounded bounded;

	private final String baseUrl;

	private final String serviceUrl;

	private final String teamPipeline;

	/** The paths every team pipeline has: its collection list and metadata. */
	private final Set<String> ownPaths;

	/**
	 * @param webClient the client that sends the requests
	 * @param serviceUrl the service URL, such as {@code https://eu.pipelinersales.com}
	 * @param teamPipeline the team pipeline id, such as {@code eu_myPipeline}
	 * @param apiToken the API token (Basic auth user)
	 * @param apiPassword the API password (Basic auth password)
	 * @param timeout the longest wait for the whole answer to one attempt, or {@code null} for none
	 * @param retry when and how failed attempts are repeated
	 * @param maxResponseSize the most bytes of one answer that are read
	 */
	public V1Protocol(WebClient webClient, URI serviceUrl, String teamPipeline, String apiToken, String apiPassword,
			Duration timeout, RetryPolicy retry, long maxResponseSize) {
		this.baseUrl = Urls.base(serviceUrl, "/rest_services/v1/" + teamPipeline);
		this.transport = new Transport(webClient, apiToken, apiPassword, timeout, retry, maxResponseSize, new V1Errors());
		this.bounded = this.transport.bounded();
		this.serviceUrl = serviceUrl.toString();
		this.teamPipeline = teamPipeline;
		this.ownPaths = Set.of(uri(QueryString.NONE).getRawPath(), uri(QueryString.NONE, "entityPublic").getRawPath(),
				uri(QueryString.NONE, "errorCodes").getRawPath(), uri(QueryString.NONE, "serverAPIUtcDateTime").getRawPath(),
				uri(QueryString.NONE, "teamPipelineUrl").getRawPath(), uri(QueryString.NONE, "teamPipelineVersion").getRawPath());
	}

	private static final Set<BatchFlag> SET_FLAGS = EnumSet.complementOf(EnumSet.of(BatchFlag.GET_NO_DELETED_ID));

	private static final Set<BatchFlag> DELETE_FLAGS = EnumSet.of(BatchFlag.ROLLBACK_ON_ERROR,
			BatchFlag.IGNORE_ON_ERROR, BatchFlag.GET_NO_DELETED_ID, BatchFlag.IGNORE_AND_RETURN_ERRORS);

	@Override
	public PipelinerProtocol protocol() {
		return PipelinerProtocol.V1;
	}

	/** @return the base URL of the team pipeline, {@code {serviceUrl}/rest_services/v1/{teamPipeline}} */
	@Override
	public String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public @Nullable String lookupAt(URI uri) {
		String path = uri.getRawPath();
		return path.endsWith("/entityPublic") ? "in the entity-name lookup"
				: path.endsWith("/teamPipelineUrl") ? "in the data-center discovery" : null;
	}

	/** A 404 for the team pipeline's own paths, which every team pipeline has. */
	@Override
	public @Nullable String hint(PipelinerApiException failure) {
		if (failure.getStatus() != 404 || !this.ownPaths.contains(failure.getUri().getRawPath())) {
			return null;
		}
		return Hints.wrongProtocol("v1", this.serviceUrl, "the team pipeline " + this.teamPipeline
				+ " (pipeliner.team-pipeline, teamPipeline(...))");
	}

	@Override
	public String idField() {
		return "ID";
	}

	@Override
	public JacksonModule values() {
		return V1Values.module();
	}

	@Override
	public String dateTimeForm() {
		return V1Values.FORM;
	}

	@Override
	public boolean pagesByCursor() {
		return false;
	}

	@Override
	public Set<String> pagingParameters() {
		return Set.of("limit", "offset");
	}

	@Override
	public QueryString query(Query query) {
		return V1Queries.of(query);
	}

	@Override
	public void checkFlags(Set<BatchFlag> flags, boolean delete) {
		for (BatchFlag flag : flags) {
			if (!(delete ? DELETE_FLAGS : SET_FLAGS).contains(flag)) {
				throw new IllegalArgumentException("flags: " + flag + " does not apply to "
						+ (delete ? "deleteEntities" : "setEntities"));
			}
		}
	}

	// Metadata

	@Override
	public Mono<List<String>> collections() {
		return getJson(uri(QueryString.NONE)).map((json) -> {
			List<String> names = new ArrayList<>();
			requireArray(json, "collection list").forEach((name) -> names.add(name.asString()));
			return List.copyOf(names);
		});
	}

	@Override
	public Mono<Map<String, String>> entityPublic() {
		return getJson(uri(QueryString.NONE, "entityPublic")).map((json) -> {
			Map<String, String> names = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : requireObject(json, "entityPublic").properties()) {
				JsonNode name = entry.getValue();
				// names go into paths as one segment: only plain names are taken, and a map of others is not cached
				if (!Arguments.isEntityName(entry.getKey()) || !name.isString() || !Arguments.isEntityName(name.stringValue())) {
					throw new PipelinerDecodingException("entityPublic is not a map of collection names to entity names"
							+ " (letters, digits and '_'): " + this.transport.shown(json), null);
				}
				names.put(entry.getKey(), name.stringValue());
			}
			if (names.isEmpty()) {
				throw new PipelinerDecodingException("entityPublic named no entities", null);
			}
			return names;
		});
	}

	@Override
	public Mono<Map<Integer, String>> errorCodes() {
		return getJson(uri(QueryString.NONE, "errorCodes")).map((json) -> {
			Map<Integer, String> codes = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : requireObject(json, "errorCodes").properties()) {
				try {
					codes.put(Integer.valueOf(entry.getKey().trim()), entry.getValue().asString());
				}
				catch (NumberFormatException ex) {
					throw new PipelinerDecodingException("errorCodes answered a key that is not a number: '"
							+ entry.getKey() + "'", ex);
				}
			}
			return codes;
		});
	}

	@Override
	public Mono<List<FieldInfo>> fields(EntityNames.Resolved names, QueryString query) {
		return getJson(uri(query, "getFields", names.entity())).map((json) -> {
			List<FieldInfo> fields = new ArrayList<>();
			requireArray(json, "getFields").forEach((field) -> fields.add(V1Fields.fieldInfo(requireObject(field, "field"))));
			return List.copyOf(fields);
		});
	}

	@Override
	public Mono<Instant> serverUtcDateTime() {
		return getText("serverAPIUtcDateTime", DateTimes::parse, "a date-time 'yyyy-MM-dd HH:mm:ss'");
	}

	@Override
	public Mono<URI> teamPipelineUrl() {
		return getText("teamPipelineUrl", URI::create, "a URL");
	}

	@Override
	public Mono<Integer> teamPipelineVersion() {
		return getText("teamPipelineVersion", Integer::valueOf, "a number");
	}

	// Entities

	/**
	 * {@code GET /{collection}?query}: one page, with the position from {@code Content-Range}. The
	 * array is decoded element by element, so no more than one entity is held as raw JSON.
	 */
	@Override
	public Mono<EntityPage<ObjectNode>> page(String collection, QueryString query, @Nullable String token, int size,
			long position) {
		long offset = (token != null) ? Long.parseLong(token) : 0;
		return page(collection, query.with("limit", Integer.toString(size)).with("offset", Long.toString(offset)));
	}

	@Override
	public Mono<EntityPage<ObjectNode>> page(String collection, QueryString query) {
		URI uri = uri(query, collection);
		return this.transport.call(HttpMethod.GET, uri, null, Repeat.ALWAYS, (response) -> {
			String header = response.headers().asHttpHeaders().getFirst(CONTENT_RANGE);
			ContentRange range = ContentRange.parse(header);
			if (range == null) {
				return response.releaseBody()
					.then(Mono.error(new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered "
							+ ((header != null) ? "a malformed Content-Range " + Arguments.quote(header) : "no Content-Range header")
							+ "; expected 'items {start}-{end}/{total}'", null)));
			}
			return this.bounded.elements(response, HttpMethod.GET, uri)
				.collectList()
				.map((items) -> new EntityPage<>(items, range.start(), range.end(), range.total()));
		});
	}

	@Override
	public Mono<ObjectNode> one(String collection, String id) {
		return getJson(uri(QueryString.NONE, collection, id)).map((json) -> requireObject(json, "entity"));
	}

	@Override
	public Mono<ObjectNode> one(String collection, String id, QueryString query) {
		QueryString byId = query.with("filter", V1Queries.filter(Filter.eq(idField(), id))).with("limit", "1");
		return page(collection, byId).flatMap((page) -> Protocol.onlyOne(page.items(), id, idField(), uri(byId, collection)));
	}

	/**
	 * {@code POST /{collection}} without {@code ID}: a create, answered {@code 201} with the new id
	 * as the last segment of {@code Location}, which must name an entity of the collection on the
	 * same server. Without a {@code Location}, an id in the body is accepted as well.
	 */
	@Override
	public Mono<String> create(String collection, ObjectNode data) {
		URI uri = uri(QueryString.NONE, collection);
		return this.transport.call(HttpMethod.POST, uri, data, Repeat.IF_NOT_APPLIED, (response) -> {
			String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
			if (location != null) {
				return response.releaseBody().then(Mono.fromCallable(() -> idIn(location, uri)));
			}
			return this.bounded.json(response, HttpMethod.POST, uri).map((json) -> {
				JsonNode id = json.isObject() ? json.get("ID") : json;
				if (id == null || !id.isValueNode() || id.asString().isBlank()) {
					throw new PipelinerDecodingException("POST " + Arguments.describe(uri)
							+ " created an entity but sent neither a Location header nor an id", null);
				}
				return id.asString();
			})
				.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException("POST " + Arguments.describe(uri)
						+ " created an entity but sent neither a Location header nor an id", null)));
		});
	}

	/** The id a create's {@code Location} names: {@code {collection URL}/{id}}, nothing else. */
	private static String idIn(String location, URI collection) {
		URI resolved;
		try {
			resolved = collection.resolve(location.trim());
		}
		catch (IllegalArgumentException ex) {
			resolved = null;
		}
		String prefix = collection.getRawPath() + "/";
		String path = (resolved != null) ? resolved.getRawPath() : null;
		boolean sameServer = resolved != null && collection.getScheme().equalsIgnoreCase(resolved.getScheme())
				&& collection.getHost().equalsIgnoreCase(String.valueOf(resolved.getHost()))
				&& collection.getPort() == resolved.getPort();
		if (!sameServer || path == null || !path.startsWith(prefix) || path.length() == prefix.length()
				|| path.indexOf('/', prefix.length()) >= 0 || resolved == null || resolved.getRawQuery() != null) {
			throw new PipelinerDecodingException("POST " + Arguments.describe(collection)
					+ " created an entity but its Location " + Arguments.quote(location)
					+ " does not name an entity of that collection", null);
		}
		return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
	}

	/** {@code PUT /{collection}/{id}}: a partial update; only the fields sent change. */
	@Override
	public Mono<String> update(String collection, String id, ObjectNode data) {
		URI uri = uri(QueryString.NONE, collection, id);
		return this.transport.call(HttpMethod.PUT, uri, data, Repeat.ALWAYS,
				(response) -> this.bounded.emptyOrJson(response, HttpMethod.PUT, uri).thenReturn(id));
	}

	/**
	 * {@code DELETE /{collection}/{id}}. A 404 after an attempt whose answer was lost means that
	 * attempt deleted the entity, so the call completes.
	 */
	@Override
	public Mono<Void> delete(String collection, String id) {
		URI uri = uri(QueryString.NONE, collection, id);
		return this.transport.call(HttpMethod.DELETE, uri, null, Repeat.DELETE,
				(response) -> this.bounded.emptyOrJson(response, HttpMethod.DELETE, uri));
	}

	/** {@code POST /setEntities?entityName={entity}&flag={mask}} with the items. */
	@Override
	public Mono<BatchResult> setEntities(EntityNames.Resolved names, Set<BatchFlag> flags, ArrayNode items,
			List<@Nullable String> inputIds) {
		return batch("setEntities", names.entity(), BatchFlag.mask(flags), items, inputIds, false);
	}

	/** {@code POST /deleteEntities?entityName={entity}&flag={mask}} with the ids. */
	@Override
	public Mono<BatchResult> deleteEntities(EntityNames.Resolved names, Set<BatchFlag> flags, List<String> ids) {
		ArrayNode body = WireJson.MAPPER.createArrayNode();
		ids.forEach(body::add);
		return batch("deleteEntities", names.entity(), BatchFlag.mask(flags), body, ids, true);
	}

	private Mono<BatchResult> batch(String endpoint, String entity, int mask, ArrayNode body,
			List<@Nullable String> inputIds,
			boolean delete) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("entityName", entity);
		if (mask != 0) {
			query.put("flag", Integer.toString(mask));
		}
		URI uri = uri(QueryString.of(query), endpoint);
		return this.transport.call(HttpMethod.POST, uri, body, Repeat.IF_NOT_APPLIED, (response) -> this.bounded
			.json(response, HttpMethod.POST, uri)
			.map((answer) -> V1Batches.read(answer, inputIds, mask, delete, this.transport::redacted))
			.switchIfEmpty(Mono.fromSupplier(() -> V1Batches.read(null, inputIds, mask, delete, this.transport::redacted))));
	}

	// The exchange

	private URI uri(QueryString query, String... segments) {
		return Urls.of(this.baseUrl, query, segments);
	}

	private Mono<JsonNode> getJson(URI uri) {
		return this.transport.call(HttpMethod.GET, uri, null, Repeat.ALWAYS, (response) -> this.bounded.json(response, HttpMethod.GET, uri))
			.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException("GET " + Arguments.describe(uri)
					+ " answered an empty body", null)));
	}

	/** A JSON string (or, tolerated, a bare unquoted one) answer, parsed into a value. */
	private <T> Mono<T> getText(String endpoint, Function<String, T> parser, String expected) {
		URI uri = uri(QueryString.NONE, endpoint);
		return this.transport.call(HttpMethod.GET, uri, null, Repeat.ALWAYS, (response) -> this.bounded.text(response, HttpMethod.GET, uri))
			.map(String::trim)
			.filter((text) -> !text.isEmpty())
			.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException("GET " + Arguments.describe(uri)
					+ " answered an empty body", null)))
			.map((body) -> {
				String text = body;
				try {
					if (text.startsWith("\"")) {
						text = WireJson.MAPPER.readTree(text).asString().trim();
					}
					return parser.apply(text);
				}
				catch (RuntimeException ex) {
					throw new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered "
							+ "'" + this.transport.shown(text) + "', not " + expected, ex);
				}
			});
	}

	// Body shapes

	private JsonNode requireArray(JsonNode json, String what) {
		if (!json.isArray()) {
			throw new PipelinerDecodingException(what + " is not a JSON array: " + this.transport.shown(json), null);
		}
		return json;
	}

	private ObjectNode requireObject(JsonNode json, String what) {
		if (!(json instanceof ObjectNode object)) {
			throw new PipelinerDecodingException(what + " is not a JSON object: " + this.transport.shown(json), null);
		}
		return object;
	}

}
