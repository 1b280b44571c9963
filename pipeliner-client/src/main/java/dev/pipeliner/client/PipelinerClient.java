package dev.pipeliner.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.internal.Arguments;
import dev.pipeliner.client.internal.Bodies;
import dev.pipeliner.client.internal.EntityNames;
import dev.pipeliner.client.internal.HttpLogging;
import dev.pipeliner.client.internal.OffsetPaging;
import dev.pipeliner.client.internal.QueryString;
import dev.pipeliner.client.internal.V1Protocol;
import dev.pipeliner.client.internal.V1Values;
import dev.pipeliner.client.internal.WireJson;
import dev.pipeliner.client.observation.DefaultPipelinerObservationConvention;
import dev.pipeliner.client.observation.PipelinerObservationContext;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import dev.pipeliner.client.query.Query;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.channel.ChannelOption;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A reactive client for the Pipeliner CRM REST API (v1), bound to one team pipeline and one set of
 * credentials. Immutable and thread-safe: share one instance, and derive others with
 * {@link #withTeamPipeline(String)} and {@link #withCredentials(String, String)}.
 * <p>
 * Every method returns a cold {@link Mono} or {@link Flux}: nothing is sent until it is subscribed
 * to. Failures arrive as {@link PipelinerException} subtypes. Bad arguments fail at once, before
 * anything is sent, with an {@link IllegalArgumentException} that names the argument. Transient
 * failures are retried where repeating the request is safe ({@link RetryPolicy}), and every call
 * is bounded by the call timeout, so every call ends.
 * <p>
 * Entity names may be singular ({@code "Contact"}) or plural ({@code "Contacts"}) everywhere; they
 * are resolved through the team pipeline's {@code entityPublic} answer, fetched on first use and
 * cached for the life of the client.
 * <pre>{@code
 * PipelinerClient client = PipelinerClient.builder()
 *     .url("https://eu.pipelinersales.com")
 *     .teamPipeline("eu_myPipeline")
 *     .credentials(apiToken, apiPassword)
 *     .build();
 * client.streamEntities("Contacts", Query.filter(Filter.eq("FIRST_NAME", "Todd")))
 *     .subscribe((contact) -> System.out.println(contact.getString("EMAIL1")));
 * }</pre>
 */
public final class PipelinerClient {

	/** How many entities {@link #streamEntities(String, Query)} asks for per request by default. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** How many page requests {@code streamEntities} keeps in flight ahead of its subscriber by default. */
	public static final int DEFAULT_PREFETCH_PAGES = 2;

	/** How many items a split {@code setEntities} or {@code deleteEntities} request carries by default. */
	public static final int DEFAULT_BATCH_SIZE = 100;

	/** How many requests of a split batch are in flight at once by default. */
	public static final int DEFAULT_BATCH_CONCURRENCY = 2;

	/** The default bound on the wait for the whole answer to one attempt. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/** The default bound on a whole call, retries included. */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

	/** The default bound on the size of one answer. */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(16);

	/** The default bound on establishing a connection, when the client creates its own connector. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final ObjectMapper DEFAULT_MAPPER = WireJson.MAPPER;

	private static final PipelinerObservationConvention DEFAULT_CONVENTION = new DefaultPipelinerObservationConvention();

	private static final Pattern TEAM_PIPELINE = Pattern.compile("[A-Za-z0-9_\\-]+");

	private static final Set<BatchFlag> SET_FLAGS = EnumSet.complementOf(EnumSet.of(BatchFlag.GET_NO_DELETED_ID));

	private static final Set<BatchFlag> DELETE_FLAGS = EnumSet.of(BatchFlag.ROLLBACK_ON_ERROR,
			BatchFlag.IGNORE_ON_ERROR, BatchFlag.GET_NO_DELETED_ID, BatchFlag.IGNORE_AND_RETURN_ERRORS);

	private static final int IGNORING = BatchFlag.IGNORE_ON_ERROR.bit() | BatchFlag.IGNORE_AND_RETURN_ERRORS.bit();

	private final Settings settings;

	private final String teamPipeline;

	private final String apiToken;

	private final String apiPassword;

	private final V1Protocol configuredProtocol;

	private final Mono<V1Protocol> protocol;

	private final Mono<EntityNames> names;

	private final OffsetPaging paging;

	/** What every client derived from one builder shares. */
	private record Settings(WebClient webClient, ObjectMapper mapper, Bodies bodies, URI url, Duration readTimeout,
			Duration callTimeout, long maxResponseSize, RetryPolicy retry, int pageSize, int prefetchPages, int batchSize,
			int batchConcurrency, ObservationRegistry observationRegistry,
			PipelinerObservationConvention observationConvention, boolean allowInsecureHttp, boolean discoverDataCenter) {
	}

	private PipelinerClient(Settings settings, String teamPipeline, String apiToken, String apiPassword) {
		this.settings = settings;
		this.teamPipeline = teamPipeline;
		this.apiToken = apiToken;
		this.apiPassword = apiPassword;
		this.paging = new OffsetPaging(settings.pageSize(), settings.prefetchPages());
		this.configuredProtocol = protocol(settings.url());
		// Discovered and fetched once, shared by concurrent first callers; a failure is not cached.
		this.protocol = settings.discoverDataCenter()
				? this.configuredProtocol.teamPipelineUrl().map(this::discovered).cacheInvalidateIf((cached) -> false)
				: Mono.just(this.configuredProtocol);
		this.names = this.protocol.flatMap(V1Protocol::entityPublic)
			.map(EntityNames::new)
			.cacheInvalidateIf((cached) -> false);
	}

	private V1Protocol protocol(URI serviceUrl) {
		return new V1Protocol(this.settings.webClient(), serviceUrl, this.teamPipeline, this.apiToken, this.apiPassword,
				this.settings.readTimeout(), this.settings.retry(), this.settings.maxResponseSize());
	}

	/** The protocol for the data center that {@code teamPipelineUrl} named, checked like a configured URL. */
	private V1Protocol discovered(URI serviceUrl) {
		try {
			return protocol(Arguments.requireServiceUrl(serviceUrl, this.settings.allowInsecureHttp(), "teamPipelineUrl"));
		}
		catch (IllegalArgumentException ex) {
			throw new PipelinerDecodingException("Data-center discovery: " + ex.getMessage(), ex);
		}
	}

	/** @return a builder for a client */
	public static Builder builder() {
		return new Builder();
	}

	// Scoped views

	/**
	 * The vendor SDKs' {@code setCredentials}, without mutation.
	 * @param apiToken the API token
	 * @param apiPassword the API password
	 * @return a client for the same team pipeline with other credentials; this one is unchanged
	 */
	public PipelinerClient withCredentials(String apiToken, String apiPassword) {
		Arguments.requireCredentials(apiToken, apiPassword);
		return new PipelinerClient(this.settings, this.teamPipeline, apiToken, apiPassword);
	}

	/**
	 * @param teamPipeline another team pipeline id, such as {@code eu_otherPipeline}
	 * @return a client for that team pipeline with the same credentials and settings
	 */
	public PipelinerClient withTeamPipeline(String teamPipeline) {
		return new PipelinerClient(this.settings, requireTeamPipeline(teamPipeline), this.apiToken, this.apiPassword);
	}

	/** @return the team pipeline id this client works on */
	public String getTeamPipeline() {
		return this.teamPipeline;
	}

	/**
	 * @return the base URL of the team pipeline at the configured URL,
	 * {@code {url}/rest_services/v1/{teamPipeline}}; with data-center discovery, calls go to the
	 * discovered data center instead
	 */
	public URI getBaseUrl() {
		return URI.create(this.configuredProtocol.baseUrl());
	}

	// Metadata

	/** @return the names of the team pipeline's collections, such as {@code Accounts} and {@code Contacts} */
	public Mono<List<String>> getCollections() {
		return observed("getCollections", null, bounded("getCollections", null, this.protocol.flatMap(V1Protocol::collections)));
	}

	/**
	 * @return collection (plural) to entity (singular) names, such as {@code Contacts → Contact};
	 * the cached answer after the first call
	 */
	public Mono<Map<String, String>> getEntityPublic() {
		return observed("getEntityPublic", null, bounded("getEntityPublic", null, this.names.map(EntityNames::entityPublic)));
	}

	/** @return the server's error codes and their messages */
	public Mono<Map<Integer, String>> getErrorCodes() {
		return observed("getErrorCodes", null, bounded("getErrorCodes", null, this.protocol.flatMap(V1Protocol::errorCodes)));
	}

	/**
	 * @param entity an entity or collection name, such as {@code Contact}
	 * @return the descriptions of the entity's fields
	 */
	public Mono<List<FieldInfo>> getFields(String entity) {
		return getFields(entity, Query.all());
	}

	/**
	 * @param entity an entity or collection name, such as {@code Contact}
	 * @param query which fields, such as {@code Query.filter(Filter.eq("CUSTOM", "TRUE"))}
	 * @return the descriptions of the matching fields
	 */
	public Mono<List<FieldInfo>> getFields(String entity, Query query) {
		String name = Arguments.requireEntityName(entity, "entity");
		QueryString parameters = QueryString.of(Arguments.requireNonNull(query, "query"));
		return observed("getFields", name, on("getFields", name, (target) -> target.protocol().fields(target.entity(), parameters)));
	}

	/** @return the server's clock (the vendor SDKs' {@code getServerAPIUtcDateTime}) */
	public Mono<Instant> getServerApiUtcDateTime() {
		return observed("getServerApiUtcDateTime", null, bounded("getServerApiUtcDateTime", null, this.protocol.flatMap(V1Protocol::serverUtcDateTime)));
	}

	/** @return the URL of the data center that serves this team pipeline */
	public Mono<URI> getTeamPipelineUrl() {
		return observed("getTeamPipelineUrl", null, bounded("getTeamPipelineUrl", null, this.protocol.flatMap(V1Protocol::teamPipelineUrl)));
	}

	/** @return the schema version of this team pipeline */
	public Mono<Integer> getTeamPipelineVersion() {
		return observed("getTeamPipelineVersion", null, bounded("getTeamPipelineVersion", null, this.protocol.flatMap(V1Protocol::teamPipelineVersion)));
	}

	// Reading

	/**
	 * Reads one page: one request, whose answer says where the page lies in the whole result.
	 * @param entity an entity or collection name
	 * @param query what to read; its limit is the page size (the server's default is 25)
	 * @return the page
	 */
	public Mono<EntityPage<Entity>> getEntities(String entity, Query query) {
		return getEntities(entity, query, Entity.class);
	}

	/**
	 * Reads one page, mapping each entity onto {@code type} (see {@link Entity#as(Class)}).
	 * @param entity an entity or collection name
	 * @param query what to read
	 * @param type the type to map entities onto
	 * @return the page
	 */
	public <T> Mono<EntityPage<T>> getEntities(String entity, Query query, Class<T> type) {
		String name = Arguments.requireEntityName(entity, "entity");
		QueryString parameters = QueryString.of(Arguments.requireNonNull(query, "query"));
		Arguments.requireNonNull(type, "type");
		return observed("getEntities", name, on("getEntities", name, (target) -> target.protocol().page(target.collection(), parameters))
			.map((page) -> new EntityPage<>(convert(page.items(), type), page.start(), page.end(), page.total())));
	}

	/**
	 * Reads every entity that matches, page by page, as the subscriber asks for them. After the
	 * first page, up to {@code prefetchPages} (2 by default) requests are in flight ahead of the
	 * subscriber, in order; a slow subscriber holds back further requests, and cancelling stops
	 * them. {@link PagedFlux#byPage()} gives the pages themselves, and
	 * {@link PagedFlux#byPage(long)} resumes at an offset.
	 * <p>
	 * Offset paging is not a snapshot: entities created or deleted while the stream runs can shift
	 * others across page boundaries. Sort by a stable key ({@code Sort.asc("ID")}) and, to follow a
	 * changing collection, read incrementally with {@link Query#modifiedAfter}.
	 * @param entity an entity or collection name
	 * @param query what to read; its offset is where to start, and its limit, if any, caps the
	 * number of entities emitted in all
	 * @return the entities, in the server's order
	 */
	public PagedFlux<Entity> streamEntities(String entity, Query query) {
		return streamEntities(entity, query, Entity.class);
	}

	/**
	 * Reads every entity that matches, mapped onto {@code type}.
	 * @param entity an entity or collection name
	 * @param query what to read; see {@link #streamEntities(String, Query)}
	 * @param type the type to map entities onto
	 * @return the entities, in the server's order
	 */
	public <T> PagedFlux<T> streamEntities(String entity, Query query, Class<T> type) {
		String name = Arguments.requireEntityName(entity, "entity");
		Arguments.requireNonNull(query, "query");
		Arguments.requireNonNull(type, "type");
		if (query.getRawQuery() != null
				&& (query.toParameters().containsKey("limit") || query.toParameters().containsKey("offset"))) {
			throw new IllegalArgumentException("query: a stream sets limit and offset itself, so a raw query read as a"
					+ " stream must not; use Query.parse to read them from the string");
		}
		long start = (query.getOffset() != null) ? query.getOffset() : 0;
		Integer limit = query.getLimit();
		long end = (limit == null || limit == Query.NO_LIMIT) ? Long.MAX_VALUE : start + limit;
		return new PagedFlux<>(start, (from) -> observed("streamEntities", name, pages(name, query, from, end)
			.map((page) -> new EntityPage<>(convert(page.items(), type), page.start(), page.end(), page.total()))));
	}

	/** The pages of a stream; the call timeout bounds each, the first with the entity-name lookup. */
	private Flux<EntityPage<ObjectNode>> pages(String name, Query query, long from, long end) {
		QueryString parameters = QueryString.of(query);
		return this.paging.pages(name, (offset, limit) -> {
			QueryString page = parameters.with("limit", Integer.toString(limit)).with("offset", Long.toString(offset));
			return on("streamEntities", name, (target) -> target.protocol().page(target.collection(), page));
		}, PipelinerClient::idOf, from, end);
	}

	private static String idOf(ObjectNode node) {
		JsonNode id = node.get("ID");
		return (id != null && id.isValueNode()) ? id.asString() : null;
	}

	/**
	 * @param entity an entity or collection name
	 * @param id the entity's id
	 * @return the entity; a {@link dev.pipeliner.client.error.PipelinerNotFoundException} if it does
	 * not exist
	 */
	public Mono<Entity> getEntity(String entity, String id) {
		return getEntity(entity, id, Entity.class);
	}

	/**
	 * @param entity an entity or collection name
	 * @param id the entity's id
	 * @param type the type to map the entity onto
	 * @return the entity
	 */
	public <T> Mono<T> getEntity(String entity, String id, Class<T> type) {
		String name = Arguments.requireEntityName(entity, "entity");
		Arguments.requireId(id, "id");
		Arguments.requireNonNull(type, "type");
		return observed("getEntity", name, on("getEntity", name, (target) -> target.protocol().one(target.collection(), id))
			.map((node) -> new Entity(node, this.settings.mapper()).as(type)));
	}

	// Writing

	/**
	 * Creates an entity, or partially updates one when {@code data} has an {@code ID}: only the
	 * fields sent change.
	 * @param entity an entity or collection name
	 * @param data the fields: a {@code Map}, an {@link Entity}, a record or a POJO
	 * @return the id of the created or updated entity
	 */
	public Mono<String> setEntity(String entity, Object data) {
		String name = Arguments.requireEntityName(entity, "entity");
		ObjectNode node = toObject(data, "data");
		String id = idOf(node, "data.ID");
		if (id == null) {
			node.remove("ID");
			return observed("setEntity", name, on("setEntity", name, (target) -> target.protocol().create(target.collection(), node)));
		}
		return observed("setEntity", name, on("setEntity", name, (target) -> target.protocol().update(target.collection(), id, node)));
	}

	/**
	 * Creates or updates many entities. Those with an {@code ID} are partial updates.
	 * <p>
	 * With {@link BatchFlag#IGNORE_ON_ERROR} or {@link BatchFlag#IGNORE_AND_RETURN_ERRORS}, more
	 * items than the batch size are sent as several requests, a few at a time, and their outcomes
	 * are merged back in input order. If one of those requests fails, its items are reported
	 * {@link BatchResult.Status#FAILED} (the server refused the request) or
	 * {@link BatchResult.Status#UNKNOWN} (no answer: they may or may not have been written), and
	 * the other requests' outcomes stand. Without those flags the batch is all or nothing, so it is
	 * always sent as one request, however large, and a failure fails the call.
	 * @param entity an entity or collection name
	 * @param items the entities: maps, {@link Entity}s, records or POJOs
	 * @param flags how to treat failing items; none means {@link BatchFlag#ROLLBACK_ON_ERROR}
	 * @return one outcome per item, in the order of {@code items}
	 */
	public Mono<BatchResult> setEntities(String entity, Collection<?> items, BatchFlag... flags) {
		String name = Arguments.requireEntityName(entity, "entity");
		int mask = mask(flags, SET_FLAGS, "setEntities");
		requireNotEmpty(items, "items");
		List<ObjectNode> nodes = new ArrayList<>(items.size());
		for (Object item : items) {
			nodes.add(toObject(item, "items[" + nodes.size() + "]"));
		}
		List<String> ids = idsOf(nodes, 0);
		return observed("setEntities", name, inBatches(ids, mask, (from, to) -> on("setEntities", name,
				(target) -> target.protocol().setEntities(target.entity(), mask, array(nodes.subList(from, to)), ids.subList(from, to)))));
	}

	/**
	 * Creates or updates an unbounded stream of entities, {@code pipeliner.batch.size} per request
	 * and a few requests at a time, for imports too large to hold in memory. Failing items cannot
	 * roll the stream back, so one of {@link BatchFlag#IGNORE_ON_ERROR} and
	 * {@link BatchFlag#IGNORE_AND_RETURN_ERRORS} is required. An item that is not a JSON object
	 * ends the stream with an {@link IllegalArgumentException}; what was sent before it stays
	 * written.
	 * @param entity an entity or collection name
	 * @param items the entities
	 * @param flags how to treat failing items
	 * @return one outcome per item, in the order of {@code items}, as their requests are answered
	 */
	public Flux<BatchResult.Outcome> setEntities(String entity, Publisher<?> items, BatchFlag... flags) {
		String name = Arguments.requireEntityName(entity, "entity");
		int mask = requireIgnoring(mask(flags, SET_FLAGS, "setEntities"));
		Arguments.requireNonNull(items, "items");
		return observed("setEntities", name, streamInBatches(Flux.from(items), (base, chunk) -> {
			List<ObjectNode> nodes = new ArrayList<>(chunk.size());
			for (Object item : chunk) {
				nodes.add(toObject(item, "items[" + (base + nodes.size()) + "]"));
			}
			List<String> ids = idsOf(nodes, base);
			return new Request(ids, on("setEntities", name,
					(target) -> target.protocol().setEntities(target.entity(), mask, array(nodes), ids)));
		}));
	}

	/**
	 * @param entity an entity or collection name
	 * @param id the id of the entity to delete
	 * @return completes when the entity is deleted
	 */
	public Mono<Void> deleteEntity(String entity, String id) {
		String name = Arguments.requireEntityName(entity, "entity");
		Arguments.requireId(id, "id");
		return observed("deleteEntity", name, on("deleteEntity", name, (target) -> target.protocol().delete(target.collection(), id)));
	}

	/**
	 * Deletes many entities; split into several requests as {@link #setEntities(String, Collection,
	 * BatchFlag...)} describes.
	 * @param entity an entity or collection name
	 * @param ids the ids to delete
	 * @param flags how to treat failing items; with {@link BatchFlag#GET_NO_DELETED_ID} the server
	 * names the ids it did not delete
	 * @return one outcome per id, in the order of {@code ids}
	 */
	public Mono<BatchResult> deleteEntities(String entity, Collection<String> ids, BatchFlag... flags) {
		String name = Arguments.requireEntityName(entity, "entity");
		int mask = mask(flags, DELETE_FLAGS, "deleteEntities");
		requireNotEmpty(ids, "ids");
		List<String> list = new ArrayList<>(ids.size());
		for (String id : ids) {
			list.add(Arguments.requireText(id, "ids[" + list.size() + "]"));
		}
		return observed("deleteEntities", name, inBatches(list, mask, (from, to) -> on("deleteEntities", name,
				(target) -> target.protocol().deleteEntities(target.entity(), mask, list.subList(from, to)))));
	}

	/**
	 * Deletes an unbounded stream of ids, as {@link #setEntities(String, Publisher, BatchFlag...)}
	 * writes: one of the ignore flags is required, and a blank id ends the stream.
	 * @param entity an entity or collection name
	 * @param ids the ids to delete
	 * @param flags how to treat failing items
	 * @return one outcome per id, in the order of {@code ids}
	 */
	public Flux<BatchResult.Outcome> deleteEntities(String entity, Publisher<String> ids, BatchFlag... flags) {
		String name = Arguments.requireEntityName(entity, "entity");
		int mask = requireIgnoring(mask(flags, DELETE_FLAGS, "deleteEntities"));
		Arguments.requireNonNull(ids, "ids");
		return observed("deleteEntities", name, streamInBatches(Flux.from(ids), (base, chunk) -> {
			List<String> list = new ArrayList<>(chunk.size());
			for (String id : chunk) {
				list.add(Arguments.requireText(id, "ids[" + (base + list.size()) + "]"));
			}
			return new Request(list, on("deleteEntities", name, (target) -> target.protocol().deleteEntities(target.entity(), mask, list)));
		}));
	}

	// Batches

	/** Sends a list as one request, or, when failures are ignored and it is long, as several. */
	private Mono<BatchResult> inBatches(List<String> ids, int mask, BiFunction<Integer, Integer, Mono<BatchResult>> send) {
		int size = this.settings.batchSize();
		if ((mask & IGNORING) == 0 || ids.size() <= size) {
			return send.apply(0, ids.size());
		}
		return Flux.range(0, (ids.size() + size - 1) / size)
			.flatMapSequential((chunk) -> {
				int from = chunk * size;
				int to = Math.min(ids.size(), from + size);
				return accounted(send.apply(from, to), from, ids.subList(from, to));
			}, this.settings.batchConcurrency(), 1)
			.concatMapIterable(BatchResult::outcomes)
			.collectList()
			.map(BatchResult::new);
	}

	/** One request of a stream: the ids of its items (null for creates) and its answer. */
	private record Request(List<String> ids, Mono<BatchResult> answer) {
	}

	/** Cuts a stream into requests of the batch size, a few in flight, outcomes in input order. */
	private <T> Flux<BatchResult.Outcome> streamInBatches(Flux<T> items, BiFunction<Integer, List<T>, Request> prepare) {
		int size = this.settings.batchSize();
		return items.buffer(size)
			.index()
			.flatMapSequential((chunk) -> {
				int base = Math.toIntExact(chunk.getT1() * size);
				Request request = prepare.apply(base, chunk.getT2());
				return accounted(request.answer(), base, request.ids());
			}, this.settings.batchConcurrency(), 1)
			.concatMapIterable(BatchResult::outcomes);
	}

	/**
	 * The result of one request of a split batch, its indexes shifted to the whole input; a failed
	 * request accounts for each of its items instead of failing the call.
	 */
	private static Mono<BatchResult> accounted(Mono<BatchResult> request, int base, List<String> ids) {
		return request.map((result) -> shifted(result, base)).onErrorResume(PipelinerException.class, (ex) -> {
			boolean refused = ex instanceof PipelinerApiException api && api.getStatus() < 500;
			List<BatchResult.Outcome> outcomes = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				outcomes.add(refused
						? BatchResult.Outcome.failed(base + i, ids.get(i), ((PipelinerApiException) ex).getErrorCode(),
								((PipelinerApiException) ex).getServerMessage())
						: new BatchResult.Outcome(base + i, BatchResult.Status.UNKNOWN, ids.get(i), null, ex.getMessage()));
			}
			return Mono.just(new BatchResult(outcomes));
		});
	}

	private static BatchResult shifted(BatchResult result, int base) {
		if (base == 0) {
			return result;
		}
		List<BatchResult.Outcome> outcomes = new ArrayList<>(result.size());
		for (BatchResult.Outcome outcome : result.outcomes()) {
			outcomes.add(new BatchResult.Outcome(outcome.index() + base, outcome.status(), outcome.id(),
					outcome.errorCode(), outcome.message()));
		}
		return new BatchResult(outcomes);
	}

	private ArrayNode array(List<ObjectNode> nodes) {
		ArrayNode array = this.settings.mapper().createArrayNode();
		nodes.forEach(array::add);
		return array;
	}

	private static List<String> idsOf(List<ObjectNode> nodes, int base) {
		List<String> ids = new ArrayList<>(nodes.size());
		for (ObjectNode node : nodes) {
			ids.add(idOf(node, "items[" + (base + ids.size()) + "].ID"));
		}
		return ids;
	}

	private static int requireIgnoring(int mask) {
		if ((mask & IGNORING) == 0) {
			throw new IllegalArgumentException("flags: a stream of items cannot be all or nothing; pass IGNORE_ON_ERROR"
					+ " or IGNORE_AND_RETURN_ERRORS");
		}
		return mask;
	}

	// Observations

	private <T> Mono<T> observed(String operation, String entity, Mono<T> call) {
		ObservationRegistry registry = this.settings.observationRegistry();
		if (registry.isNoop()) {
			return call;
		}
		return Mono.defer(() -> {
			Observation observation = observation(operation, entity, registry);
			return call.doOnSuccess((value) -> stop(observation, "success"))
				.doOnError((ex) -> failed(observation, ex))
				.doOnCancel(() -> stop(observation, "cancelled"))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private <T> Flux<T> observed(String operation, String entity, Flux<T> call) {
		ObservationRegistry registry = this.settings.observationRegistry();
		if (registry.isNoop()) {
			return call;
		}
		return Flux.defer(() -> {
			Observation observation = observation(operation, entity, registry);
			return call.doOnComplete(() -> stop(observation, "success"))
				.doOnError((ex) -> failed(observation, ex))
				.doOnCancel(() -> stop(observation, "cancelled"))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation observation(String operation, String entity, ObservationRegistry registry) {
		PipelinerObservationContext context = new PipelinerObservationContext(operation,
				(entity != null) ? entity : "none", this.teamPipeline);
		return Observation.createNotStarted(this.settings.observationConvention(), DEFAULT_CONVENTION, () -> context,
				registry).start();
	}

	/** Stops before the signal travels on, so that the observation has ended when the caller sees the result. */
	private static void stop(Observation observation, String outcome) {
		((PipelinerObservationContext) observation.getContext()).setOutcome(outcome);
		observation.stop();
	}

	private static void failed(Observation observation, Throwable ex) {
		observation.error(ex);
		stop(observation, kindOf(ex));
	}

	private static String kindOf(Throwable ex) {
		if (ex instanceof PipelinerApiException api) {
			int status = api.getStatus();
			return (status == 401 || status == 403) ? "authentication" : (status == 404) ? "not_found"
					: (status == 429) ? "rate_limited" : (status >= 500) ? "server_error"
							: (status >= 400) ? "validation" : "client_error";
		}
		if (ex instanceof PipelinerTransportException) {
			return "transport_error";
		}
		if (ex instanceof PipelinerDecodingException) {
			return "decoding_error";
		}
		return (ex instanceof IllegalArgumentException) ? "bad_argument" : "error";
	}

	// Helpers

	/** The protocol to call and the two names of the entity. */
	private record Target(V1Protocol protocol, String collection, String entity) {
	}

	/**
	 * One request on the entity's protocol and names, bounded with its entity-name lookup and
	 * data-center discovery by the call timeout.
	 */
	private <T> Mono<T> on(String operation, String name, Function<Target, Mono<T>> request) {
		return bounded(operation, name, resolve(name).flatMap(request));
	}

	/** Bounds a call, retries and lookups included, by the call timeout. */
	private <T> Mono<T> bounded(String operation, String name, Mono<T> call) {
		Duration timeout = this.settings.callTimeout();
		return call.timeout(timeout, Mono.error(() -> new PipelinerTransportException(operation
				+ ((name != null) ? " " + name : "") + " did not complete within " + timeout
				+ ", retries included, with the lookups it needed", null)));
	}

	private Mono<Target> resolve(String name) {
		if (!this.settings.discoverDataCenter()) {
			return this.names.map((names) -> target(this.configuredProtocol, names.resolve(name)));
		}
		return this.protocol.zipWith(this.names.map((names) -> names.resolve(name)), PipelinerClient::target);
	}

	private static Target target(V1Protocol protocol, EntityNames.Resolved names) {
		return new Target(protocol, names.collection(), names.entity());
	}

	private <T> List<T> convert(List<ObjectNode> nodes, Class<T> type) {
		List<T> items = new ArrayList<>(nodes.size());
		for (ObjectNode node : nodes) {
			items.add(new Entity(node, this.settings.mapper()).as(type));
		}
		return items;
	}

	private ObjectNode toObject(Object data, String name) {
		return this.settings.bodies().toObject(data, (data instanceof Entity entity) ? entity.copyOfNode() : null, name);
	}

	private static String idOf(ObjectNode node, String name) {
		JsonNode id = node.get("ID");
		if (id == null || id.isNull()) {
			return null;
		}
		if (!id.isValueNode()) {
			throw new IllegalArgumentException(name + " must be text, but was " + id);
		}
		return Arguments.requireId(id.asString(), name);
	}

	private static int mask(BatchFlag[] flags, Set<BatchFlag> allowed, String operation) {
		Arguments.requireNonNull(flags, "flags");
		Set<BatchFlag> set = EnumSet.noneOf(BatchFlag.class);
		for (BatchFlag flag : flags) {
			Arguments.requireNonNull(flag, "flags");
			if (!allowed.contains(flag)) {
				throw new IllegalArgumentException("flags: " + flag + " does not apply to " + operation);
			}
			set.add(flag);
		}
		if (set.contains(BatchFlag.ROLLBACK_ON_ERROR) && set.size() > 1) {
			throw new IllegalArgumentException("flags: ROLLBACK_ON_ERROR contradicts " + set + "; leave it out");
		}
		return BatchFlag.mask(set);
	}

	private static void requireNotEmpty(Collection<?> items, String name) {
		if (Arguments.requireNonNull(items, name).isEmpty()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

	private static String requireTeamPipeline(String teamPipeline) {
		Arguments.requireText(teamPipeline, "teamPipeline");
		if (!TEAM_PIPELINE.matcher(teamPipeline).matches()) {
			throw new IllegalArgumentException("teamPipeline must be an id such as 'eu_myPipeline' (letters, digits,"
					+ " '_' and '-'), but was " + Arguments.quote(teamPipeline));
		}
		return teamPipeline;
	}

	/** @return the URL and team pipeline; never the credentials */
	@Override
	public String toString() {
		return "PipelinerClient[url=" + this.settings.url() + ", teamPipeline=" + this.teamPipeline + "]";
	}

	/**
	 * Builds a {@link PipelinerClient}. {@link #url}, {@link #teamPipeline} and
	 * {@link #credentials} are required; everything else has a default.
	 */
	public static final class Builder {

		private URI url;

		private String teamPipeline;

		private String apiToken;

		private String apiPassword;

		private WebClient webClient;

		private WebClient.Builder webClientBuilder;

		private ObjectMapper mapper = WireJson.MAPPER;

		private Duration connectTimeout;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

		private DataSize maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private RetryPolicy retry = RetryPolicy.DEFAULT;

		private boolean allowInsecureHttp;

		private boolean discoverDataCenter;

		private HttpLogOptions httpLogging = HttpLogOptions.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private PipelinerObservationConvention observationConvention;

		private int pageSize = DEFAULT_PAGE_SIZE;

		private int prefetchPages = DEFAULT_PREFETCH_PAGES;

		private int batchSize = DEFAULT_BATCH_SIZE;

		private int batchConcurrency = DEFAULT_BATCH_CONCURRENCY;

		private Builder() {
		}

		/** @param url the service URL, such as {@code https://eu.pipelinersales.com} */
		public Builder url(String url) {
			Arguments.requireText(url, "url");
			try {
				return url(URI.create(url.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("url " + Arguments.quote(url) + " is not a valid URL", ex);
			}
		}

		/** @param url the service URL, such as {@code https://eu.pipelinersales.com} */
		public Builder url(URI url) {
			this.url = Arguments.requireNonNull(url, "url");
			return this;
		}

		/**
		 * @param observationRegistry where each operation is observed as
		 * {@code pipeliner.client.operation} (see {@link DefaultPipelinerObservationConvention}); none
		 * by default. The HTTP requests are observed as children of it when the
		 * {@link WebClient} is instrumented too, as Spring Boot's is.
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Arguments.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		/** @param observationConvention names and tags the operation observations in place of the default */
		public Builder observationConvention(PipelinerObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * @param httpLogging what to log of the HTTP traffic; nothing by default. Logging bodies
		 * makes {@link #build()} log a warning, since they hold CRM data.
		 */
		public Builder httpLogging(HttpLogOptions httpLogging) {
			this.httpLogging = Arguments.requireNonNull(httpLogging, "httpLogging");
			return this;
		}

		/**
		 * @param discoverDataCenter whether to ask the configured URL for the data center that
		 * serves the team pipeline ({@code teamPipelineUrl}) on first use, and send every call
		 * there; off by default. The answer is cached for the life of the client, and checked like
		 * a configured URL.
		 */
		public Builder discoverDataCenter(boolean discoverDataCenter) {
			this.discoverDataCenter = discoverDataCenter;
			return this;
		}

		/**
		 * @param allowInsecureHttp whether a plain {@code http://} URL to a host other than this
		 * machine is accepted; off by default, since the credentials would cross the network
		 * unencrypted. {@code http://} to loopback (an emulator, a test server) is always accepted.
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/** @param teamPipeline the team pipeline id, such as {@code eu_myPipeline} */
		public Builder teamPipeline(String teamPipeline) {
			this.teamPipeline = teamPipeline;
			return this;
		}

		/**
		 * @param apiToken the API token from the customer portal's API Access page
		 * @param apiPassword the API password from the same page
		 */
		public Builder credentials(String apiToken, String apiPassword) {
			this.apiToken = apiToken;
			this.apiPassword = apiPassword;
			return this;
		}

		/**
		 * Sends requests with this {@link WebClient} as it is. Its filters, codecs and connector
		 * apply; {@link #connectTimeout} cannot be combined with it.
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = Arguments.requireNonNull(webClient, "webClient");
			return this;
		}

		/**
		 * Builds the {@link WebClient} from a clone of this builder, so that its filters, codecs and
		 * connector apply (Spring Boot's auto-configured builder, for instance). The given builder is
		 * not changed.
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = Arguments.requireNonNull(webClientBuilder, "webClientBuilder");
			return this;
		}

		/** @param mapper the mapper for request bodies and for {@link Entity#as(Class)} */
		public Builder jsonMapper(ObjectMapper mapper) {
			this.mapper = Arguments.requireNonNull(mapper, "mapper");
			return this;
		}

		/**
		 * Bounds the time to establish a connection. Setting it gives the client a Reactor Netty
		 * connector of its own, in place of the connector of a {@link #webClientBuilder}; without
		 * one, a client-owned connector with {@link #DEFAULT_CONNECT_TIMEOUT} is used.
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Bounds the wait for the whole answer to one attempt; {@link #DEFAULT_READ_TIMEOUT} by
		 * default. An attempt that takes longer fails with a retryable
		 * {@link dev.pipeliner.client.error.PipelinerTransportException}.
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = requirePositive(readTimeout, "readTimeout");
			return this;
		}

		/**
		 * Bounds a whole call, retries and their waits included, so that every call ends;
		 * {@link #DEFAULT_CALL_TIMEOUT} by default. A stream applies it to each page.
		 */
		public Builder callTimeout(Duration callTimeout) {
			this.callTimeout = requirePositive(callTimeout, "callTimeout");
			return this;
		}

		/**
		 * Bounds the size of one answer; {@link #DEFAULT_MAX_RESPONSE_SIZE} by default. Reading an
		 * answer stops once it grows past this, with a
		 * {@link dev.pipeliner.client.error.PipelinerDecodingException}, so that no answer can
		 * exhaust memory. A page of a stream is one answer.
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			Arguments.requireNonNull(maxResponseSize, "maxResponseSize");
			if (maxResponseSize.toBytes() < 1024) {
				throw new IllegalArgumentException("maxResponseSize must be at least 1KB, but was " + maxResponseSize);
			}
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * @param retry when failed requests are retried and how long to wait;
		 * {@link RetryPolicy#DEFAULT} by default, {@link RetryPolicy#NONE} to turn retries off
		 */
		public Builder retry(RetryPolicy retry) {
			this.retry = Arguments.requireNonNull(retry, "retry");
			return this;
		}

		/**
		 * @param pageSize how many entities {@link PipelinerClient#streamEntities(String, Query)}
		 * asks for per request; {@link #DEFAULT_PAGE_SIZE} by default
		 */
		public Builder pageSize(int pageSize) {
			this.pageSize = requireAtLeastOne(pageSize, "pageSize");
			return this;
		}

		/**
		 * @param prefetchPages how many page requests
		 * {@link PipelinerClient#streamEntities(String, Query)} keeps in flight ahead of its
		 * subscriber, so that reading overlaps the server's latency; also the most pages it holds
		 * for a slow subscriber. {@link #DEFAULT_PREFETCH_PAGES} by default
		 */
		public Builder prefetchPages(int prefetchPages) {
			this.prefetchPages = requireAtLeastOne(prefetchPages, "prefetchPages");
			return this;
		}

		/**
		 * @param batchSize how many items one {@code setEntities} or {@code deleteEntities} request
		 * carries when a batch that ignores failures is split; {@link #DEFAULT_BATCH_SIZE} by default
		 */
		public Builder batchSize(int batchSize) {
			this.batchSize = requireAtLeastOne(batchSize, "batchSize");
			return this;
		}

		/**
		 * @param batchConcurrency how many requests of a split batch are in flight at once;
		 * {@link #DEFAULT_BATCH_CONCURRENCY} by default
		 */
		public Builder batchConcurrency(int batchConcurrency) {
			this.batchConcurrency = requireAtLeastOne(batchConcurrency, "batchConcurrency");
			return this;
		}

		/**
		 * @return the client
		 * @throws IllegalArgumentException naming the first setting that is missing or invalid
		 */
		public PipelinerClient build() {
			URI serviceUrl = Arguments.requireServiceUrl(this.url, this.allowInsecureHttp, "url");
			String pipeline = requireTeamPipeline(this.teamPipeline);
			Arguments.requireCredentials(this.apiToken, this.apiPassword);
			Settings settings = new Settings(webClient(), this.mapper, new Bodies(this.mapper, V1Values.module()), serviceUrl, this.readTimeout, this.callTimeout,
					this.maxResponseSize.toBytes(),
					this.retry, this.pageSize, this.prefetchPages, this.batchSize, this.batchConcurrency,
					this.observationRegistry, this.observationConvention, this.allowInsecureHttp, this.discoverDataCenter);
			return new PipelinerClient(settings, pipeline, this.apiToken, this.apiPassword);
		}

		private WebClient webClient() {
			if (this.httpLogging.level() == HttpLogOptions.Level.BODY) {
				HttpLogging.LOG.warn("Pipeliner HTTP logging shows request and response bodies, which hold CRM data,"
						+ " personal data included; use it to debug, not in production");
			}
			if (this.webClient != null) {
				if (this.connectTimeout != null) {
					throw new IllegalArgumentException("connectTimeout cannot be applied to a given WebClient; set it on"
							+ " the WebClient's connector, or pass a WebClient.Builder instead");
				}
				return (this.httpLogging.level() == HttpLogOptions.Level.NONE) ? this.webClient
						: this.webClient.mutate().filter(new HttpLogging(this.httpLogging)).build();
			}
			WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone()
					: WebClient.builder();
			if (this.connectTimeout != null || this.webClientBuilder == null) {
				Duration timeout = (this.connectTimeout != null) ? this.connectTimeout : DEFAULT_CONNECT_TIMEOUT;
				HttpClient httpClient = HttpClient.create()
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
				builder.clientConnector(new ReactorClientHttpConnector(httpClient));
			}
			if (this.httpLogging.level() != HttpLogOptions.Level.NONE) {
				builder.filter(new HttpLogging(this.httpLogging));
			}
			return builder.build();
		}

		private static int requireAtLeastOne(int value, String name) {
			if (value < 1) {
				throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
			}
			return value;
		}

		private static Duration requirePositive(Duration duration, String name) {
			Arguments.requireNonNull(duration, name);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, but was " + duration);
			}
			return duration;
		}

	}

}
