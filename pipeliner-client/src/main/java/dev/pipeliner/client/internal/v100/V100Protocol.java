package dev.pipeliner.client.internal.v100;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.RetryPolicy;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerUnsupportedOperationException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.ApiExceptions;
import dev.pipeliner.client.internal.http.Bounded;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.internal.http.Transport.Repeat;
import dev.pipeliner.client.internal.http.Transport;
import dev.pipeliner.client.internal.http.Urls;
import dev.pipeliner.client.internal.http.WireJson;
import dev.pipeliner.client.internal.protocol.CursorReads;
import dev.pipeliner.client.internal.protocol.EntityNames;
import dev.pipeliner.client.internal.protocol.Hints;
import dev.pipeliner.client.internal.protocol.Protocol;
import dev.pipeliner.client.internal.protocol.Slicing;
import dev.pipeliner.client.query.Query;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Pipeliner Cloud API v100 on the wire, for one space and one API application: every
 * collection under {@code {serviceUrl}/api/v100/rest/spaces/{space}/entities}, answers in the
 * envelope {@code {"success":true,"data":…}}, lists paged by cursor, metadata read from the
 * {@code Entities} and {@code Fields} collections. v100 has no error-code list, server clock,
 * data-center URL or schema version: those calls fail with a
 * {@link PipelinerUnsupportedOperationException} before anything is sent. Not part of the public
 * API.
 */
public final class V100Protocol implements Protocol {

	private final Transport transport;

	private final Bounded bounded;

	private final String baseUrl;

	private final V100Pages pages;

	private final String serviceUrl;

	private final String space;

	/** The paths every space has: its {@code Entities} and {@code Fields} collections. */
	private final String entities;

	private final String fields;

	private final CursorReads reads;

	/**
	 * @param webClient the client that sends the requests
	 * @param serviceUrl the service URL, such as {@code https://eu-central.api.pipelinersales.com}
	 * @param space the space id, such as {@code fr_Myself}
	 * @param username the API application's username (Basic auth user)
	 * @param password the API application's password
	 * @param timeout the longest wait for the whole answer to one attempt, or {@code null}
	 * @param retry when and how failed attempts are repeated
	 * @param maxResponseSize the most bytes of one answer that are read
	 * @param reads reads the pages of the metadata collections, checked as streams are
	 */
	public V100Protocol(WebClient webClient, URI serviceUrl, String space, String username, String password,
			Duration timeout, RetryPolicy retry, long maxResponseSize, CursorReads reads) {
		this.baseUrl = Urls.base(serviceUrl, "/api/v100/rest/spaces/" + space);
		this.transport = new Transport(webClient, username, password, timeout, retry, maxResponseSize, new V100Errors());
		this.bounded = this.transport.bounded();
		this.pages = new V100Pages(this.transport);
		this.serviceUrl = serviceUrl.toString();
		this.space = space;
		this.entities = uri(QueryString.NONE, "entities", "Entities").getRawPath();
		this.fields = uri(QueryString.NONE, "entities", "Fields").getRawPath();
		this.reads = reads;
	}

	@Override
	public PipelinerProtocol protocol() {
		return PipelinerProtocol.V100;
	}

	/** @return the base URL of the space, {@code {serviceUrl}/api/v100/rest/spaces/{space}} */
	@Override
	public String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public @Nullable String lookupAt(URI uri) {
		return uri.getRawPath().equals(this.entities) ? "in the entity-name lookup" : null;
	}

	/**
	 * A 404 for {@code Entities} or {@code Fields}, which every space has: in the API's own
	 * shape, the service speaks v100 but does not know the space; in another, no v100 API
	 * answers at that URL.
	 */
	@Override
	public @Nullable String hint(PipelinerApiException failure) {
		String path = failure.getUri().getRawPath();
		if (failure.getStatus() != 404 || !(path.equals(this.entities) || path.equals(this.fields))) {
			return null;
		}
		String space = "the space " + this.space + " (pipeliner.space, space(...))";
		return (failure.getErrorName() != null) ? "The service at " + this.serviceUrl + " speaks v100 but does not know "
				+ space : Hints.wrongProtocol("v100", this.serviceUrl, space);
	}

	@Override
	public String idField() {
		return "id";
	}

	@Override
	public JacksonModule values() {
		return V100Values.module();
	}

	@Override
	public String dateTimeForm() {
		return V100Values.FORM;
	}

	@Override
	public boolean pagesByCursor() {
		return true;
	}

	@Override
	public Set<String> pagingParameters() {
		return Set.of("first", "after", "before", "last", "limit", "offset");
	}

	@Override
	public QueryString query(Query query) {
		return V100Queries.of(query, false);
	}

	@Override
	public QueryString streamQuery(Query query) {
		return V100Queries.of(query, true);
	}

	@Override
	public @Nullable Slicing slicing(Query query) {
		return V100Queries.slicing(query);
	}

	@Override
	public void checkFlags(Set<BatchFlag> flags, boolean delete) {
		V100Batches.parameters(flags, delete);
	}

	// Metadata

	@Override
	public boolean collectionsAreEntityNames() {
		return true;
	}

	@Override
	public Mono<List<String>> collections() {
		return entityPublic().map((names) -> List.copyOf(names.keySet()));
	}

	/** Every entity type of the space, custom ones included, from the {@code Entities} collection. */
	@Override
	public Mono<Map<String, String>> entityPublic() {
		return all("Entities", QueryString.NONE).map((entities) -> {
			Map<String, String> names = new LinkedHashMap<>();
			for (ObjectNode entity : entities) {
				String plural = V100Errors.text(entity.get("name_plural"));
				String singular = V100Errors.text(entity.get("name_singular"));
				if (!Arguments.isEntityName(plural) || !Arguments.isEntityName(singular)) {
					// a name goes into paths as one segment, so only plain names are taken, and none is cached
					throw new PipelinerDecodingException("Entities answered an entity whose name_plural and"
							+ " name_singular are not both plain names (letters, digits and '_'): "
							+ this.transport.shown(entity), null);
				}
				names.put(plural, singular);
			}
			if (names.isEmpty()) {
				throw new PipelinerDecodingException("Entities named no entities", null);
			}
			return names;
		});
	}

	@Override
	public Mono<Map<Integer, String>> errorCodes() {
		return unsupported("getErrorCodes", "the API has no list of error codes; each error answer carries its"
				+ " code, name and message");
	}

	@Override
	public Mono<List<FieldInfo>> fields(EntityNames.Resolved names, QueryString query) {
		return all("Fields", query.with("filter[entity_name]", names.entity()))
			.map((fields) -> fields.stream().map(V100Protocol::fieldInfo).toList());
	}

	@Override
	public Mono<Instant> serverUtcDateTime() {
		return unsupported("getServerApiUtcDateTime", "the API has no clock endpoint");
	}

	@Override
	public Mono<URI> teamPipelineUrl() {
		return unsupported("getTeamPipelineUrl", "a space's service URL comes with its API application");
	}

	@Override
	public Mono<Integer> teamPipelineVersion() {
		return unsupported("getTeamPipelineVersion", "the API has no schema version");
	}

	private static <T> Mono<T> unsupported(String operation, String why) {
		return Mono.error(() -> new PipelinerUnsupportedOperationException(operation + " does not exist in the v100"
				+ " API: " + why));
	}

	// Entities

	@Override
	public Mono<EntityPage<ObjectNode>> page(String collection, QueryString query) {
		return page(collection, query, V100Pages.ALONE);
	}

	@Override
	public Mono<EntityPage<ObjectNode>> page(String collection, QueryString query, @Nullable String token, int size,
			long position) {
		QueryString page = query.with("first", Integer.toString(Math.min(size, V100Queries.MAX_PAGE)));
		return page(collection, (token != null) ? page.with("after", token) : page, position);
	}

	private Mono<EntityPage<ObjectNode>> page(String collection, QueryString query, long position) {
		URI uri = uri(query, "entities", collection);
		return data(HttpMethod.GET, uri, null, Repeat.ALWAYS).map((answer) -> this.pages.read(answer, uri, position));
	}

	/** Every entity of a collection, read page by page with the checks of a stream. */
	private Mono<List<ObjectNode>> all(String collection, QueryString query) {
		return this.reads.pages(collection, (cursor, size, position) -> page(collection, query, cursor, size, position))
			.concatMapIterable(EntityPage::items)
			.collectList();
	}

	@Override
	public Mono<ObjectNode> one(String collection, String id) {
		URI uri = uri(QueryString.NONE, "entities", collection, id);
		return data(HttpMethod.GET, uri, null, Repeat.ALWAYS).map((answer) -> this.pages.requireObject(answer.get("data"), uri));
	}

	@Override
	public Mono<ObjectNode> one(String collection, String id, QueryString query) {
		URI uri = uri(query.with("filter[id]", id).with("first", "1"), "entities", collection);
		return data(HttpMethod.GET, uri, null, Repeat.ALWAYS).map((answer) -> this.pages.read(answer, uri, V100Pages.ALONE))
			.flatMap((page) -> Protocol.onlyOne(page.items(), id, idField(), uri));
	}

	/** {@code POST /entities/{collection}}, answered 201 with the created entity. */
	@Override
	public Mono<String> create(String collection, ObjectNode data) {
		URI uri = uri(QueryString.NONE, "entities", collection);
		return data(HttpMethod.POST, uri, data, Repeat.IF_NOT_APPLIED).map((answer) -> idOf(answer, uri));
	}

	/** {@code PATCH /entities/{collection}/{id}}: only the fields sent change. */
	@Override
	public Mono<String> update(String collection, String id, ObjectNode data) {
		URI uri = uri(QueryString.NONE, "entities", collection, id);
		return data(HttpMethod.PATCH, uri, data, Repeat.ALWAYS).map((answer) -> idOf(answer, uri));
	}

	@Override
	public Mono<Void> delete(String collection, String id) {
		URI uri = uri(QueryString.NONE, "entities", collection, id);
		return this.transport.call(HttpMethod.DELETE, uri, null, Repeat.DELETE,
				(response) -> this.bounded.json(response, HttpMethod.DELETE, uri)
					.flatMap((answer) -> envelope(answer, HttpMethod.DELETE, uri).then(Mono.<Void>empty())));
	}

	@Override
	public Mono<BatchResult> setEntities(EntityNames.Resolved names, Set<BatchFlag> flags, ArrayNode items,
			List<@Nullable String> inputIds) {
		return batch(names.collection(), "batch-modify", flags, items, inputIds, false);
	}

	@Override
	public Mono<BatchResult> deleteEntities(EntityNames.Resolved names, Set<BatchFlag> flags, List<String> ids) {
		ArrayNode body = WireJson.MAPPER.createArrayNode();
		ids.forEach(body::add);
		return batch(names.collection(), "batch-delete", flags, body, ids, true);
	}

	private Mono<BatchResult> batch(String collection, String endpoint, Set<BatchFlag> flags, ArrayNode body,
			List<@Nullable String> inputIds, boolean delete) {
		URI uri = uri(QueryString.of(V100Batches.parameters(flags, delete)), "entities", collection, endpoint);
		return data(HttpMethod.POST, uri, body, Repeat.IF_NOT_APPLIED)
			.map((answer) -> V100Batches.read(answer.get("data"), inputIds, delete, uri, this.transport::redacted));
	}

	// The exchange

	/** A call whose answer is the success envelope; the envelope is checked and returned whole. */
	private Mono<ObjectNode> data(HttpMethod method, URI uri, @Nullable JsonNode body, Repeat repeat) {
		return this.transport.call(method, uri, body, repeat, (response) -> this.bounded.json(response, method, uri))
			.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException(method + " "
					+ Arguments.describe(uri) + " answered an empty body", null)))
			.flatMap((answer) -> envelope(answer, method, uri));
	}

	/**
	 * The success envelope, checked. An answer {@code success: false} is the error it carries,
	 * of the type its {@code http_status} names.
	 */
	private Mono<ObjectNode> envelope(JsonNode answer, HttpMethod method, URI uri) {
		if (answer instanceof ObjectNode object && answer.path("success").isBoolean()
				&& !answer.path("success").booleanValue()) {
			int status = answer.path("http_status").asInt(0);
			return Mono.error(ApiExceptions.of((status >= 400 && status < 600) ? status : 200,
					this.transport.redacted(V100Errors.read(object)), null, method, uri, null,
					"It came as HTTP 200 with success: false"));
		}
		if (!(answer instanceof ObjectNode object) || !answer.path("success").asBoolean(false) || !answer.has("data")) {
			return Mono.error(new PipelinerDecodingException(method + " " + Arguments.describe(uri)
					+ " answered something other than {\"success\":true,\"data\":…}: " + this.transport.shown(answer),
					null));
		}
		return Mono.just(object);
	}

	private URI uri(QueryString query, String... segments) {
		return Urls.of(this.baseUrl, query, segments);
	}

	private String idOf(ObjectNode answer, URI uri) {
		JsonNode data = answer.get("data");
		String id = (data != null && data.isObject()) ? V100Errors.text(data.get("id")) : V100Errors.text(data);
		if (id == null || id.isBlank()) {
			throw new PipelinerDecodingException(Arguments.describe(uri) + " answered no id: "
					+ this.transport.shown(answer), null);
		}
		return id;
	}

	private static FieldInfo fieldInfo(ObjectNode field) {
		String apiName = V100Errors.text(field.get("api_name"));
		return new FieldInfo(apiName, V100Errors.text(field.get("name")), V100Errors.text(field.get("id")),
				V100Errors.text(field.get("type_id")), V100Errors.text(field.get("primitive_type")),
				field.path("system_required").asBoolean(false), field.path("system_readonly").asBoolean(false),
				apiName != null && apiName.startsWith("cf_"), V100Errors.text(field.get("default_value")),
				V100Errors.text(field.get("description")), V100Errors.text(field.get("calc_formula")), Map.of(), null, null);
	}

}
