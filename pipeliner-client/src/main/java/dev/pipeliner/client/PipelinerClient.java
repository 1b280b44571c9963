package dev.pipeliner.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.RawQuery;
import dev.pipeliner.client.internal.batching.Batching;
import dev.pipeliner.client.internal.batching.Flags;
import dev.pipeliner.client.internal.http.ApiExceptions;
import dev.pipeliner.client.internal.http.Deadline;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.internal.http.WireJson;
import dev.pipeliner.client.internal.observation.Observations;
import dev.pipeliner.client.internal.paging.CursorPaging;
import dev.pipeliner.client.internal.paging.OffsetPaging;
import dev.pipeliner.client.internal.paging.SlicedPaging;
import dev.pipeliner.client.internal.protocol.Bodies;
import dev.pipeliner.client.internal.protocol.EntityNames;
import dev.pipeliner.client.internal.protocol.Protocol;
import dev.pipeliner.client.internal.protocol.Resolver.Target;
import dev.pipeliner.client.internal.protocol.Resolver;
import dev.pipeliner.client.internal.protocol.Slicing;
import dev.pipeliner.client.internal.protocol.ValueForms;
import dev.pipeliner.client.query.Query;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.lang.Contract;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.unit.DataSize;

/**
 * A reactive client for the Pipeliner CRM REST API, bound to one team pipeline and one set of
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
 * cached for the life of the client. A name that answer does not list (a custom entity, say) is
 * sent as it is written.
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

	/** The most page requests {@code streamEntities} keeps in flight, or pages it holds, by default. */
	public static final int DEFAULT_MAX_PAGES_IN_FLIGHT = 8;

	/** Whether {@code streamEntities} on v100 reads in slices of {@code created} by default. */
	public static final boolean DEFAULT_SLICED_READS = true;

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

	/** The mapper of entities made with {@link Entity#of(Map)}: the wire date-times of either protocol read. */
	static final ObjectMapper STANDALONE_MAPPER = WireJson.MAPPER.rebuild().addModule(ValueForms.readers()).build();

	private static final Pattern TEAM_PIPELINE = Pattern.compile("[A-Za-z0-9_\\-]+");

	/** Makes the protocol for a URL, an account and credentials. */
	@FunctionalInterface
	interface Protocols {

		Protocol create(URI url, String account, String apiToken, String apiPassword);

	}

	/** What every client derived from one builder shares. */
	record Settings(Protocols protocols, URI url, ObjectMapper mapper, Bodies bodies, Duration callTimeout,
			OffsetPaging offsetPaging, CursorPaging cursorPaging, @Nullable SlicedPaging slicedPaging, Batching batching, Observations observations, boolean allowInsecureHttp, boolean discoverDataCenter) {
	}

	private final Settings settings;

	private final String teamPipeline;

	private final String apiToken;

	private final String apiPassword;

	private final Resolver resolver;

	PipelinerClient(Settings settings, String teamPipeline, String apiToken, String apiPassword) {
		this.settings = settings;
		this.teamPipeline = teamPipeline;
		this.apiToken = apiToken;
		this.apiPassword = apiPassword;
		Protocol configured = settings.protocols().create(settings.url(), teamPipeline, apiToken, apiPassword);
		this.resolver = new Resolver(configured, settings.discoverDataCenter()
				? (url) -> settings.protocols().create(url, teamPipeline, apiToken, apiPassword) : null,
				settings.allowInsecureHttp());
	}

	/** @return a builder for a client */
	public static PipelinerClientBuilder builder() {
		return new PipelinerClientBuilder();
	}

	// Scoped views

	/**
	 * The vendor SDKs' {@code setCredentials}, without mutation.
	 * @param apiToken the API token
	 * @param apiPassword the API password
	 * @return a client for the same team pipeline with other credentials; this one is unchanged.
	 * The new client fetches the entity names again, with its own credentials, on first use: keep
	 * it rather than deriving it for every call
	 */
	public PipelinerClient withCredentials(String apiToken, String apiPassword) {
		Arguments.requireCredentials(apiToken, apiPassword);
		return new PipelinerClient(this.settings, this.teamPipeline, apiToken, apiPassword);
	}

	/**
	 * @param teamPipeline another team pipeline id, such as {@code eu_otherPipeline}
	 * @return a client for that team pipeline (v1) or space (v100) with the same credentials and
	 * settings; it fetches that account's entity names on first use
	 */
	public PipelinerClient withTeamPipeline(String teamPipeline) {
		return new PipelinerClient(this.settings, requireTeamPipeline(teamPipeline), this.apiToken, this.apiPassword);
	}

	/** @return the API version this client speaks */
	public PipelinerProtocol getProtocol() {
		return this.resolver.configured().protocol();
	}

	/** @return the team pipeline id (v1) or space id (v100) this client works on */
	public String getTeamPipeline() {
		return this.teamPipeline;
	}

	/**
	 * @return the base URL of the account at the configured URL:
	 * {@code {url}/rest_services/v1/{teamPipeline}} on v1 (with data-center discovery, calls go to
	 * the discovered data center instead), {@code {url}/api/v100/rest/spaces/{space}} on v100
	 */
	public URI getBaseUrl() {
		return URI.create(this.resolver.configured().baseUrl());
	}

	// Metadata

	/** @return the names of the team pipeline's collections, such as {@code Accounts} and {@code Contacts} */
	public Mono<List<String>> getCollections() {
		if (this.resolver.configured().collectionsAreEntityNames()) {
			return call("getCollections", this.resolver.names().map((names) -> List.copyOf(names.entityPublic().keySet())));
		}
		return call("getCollections", this.resolver.protocol().flatMap(Protocol::collections));
	}

	/**
	 * @return collection (plural) to entity (singular) names, such as {@code Contacts → Contact};
	 * the cached answer after the first call
	 */
	public Mono<Map<String, String>> getEntityPublic() {
		return call("getEntityPublic", this.resolver.names().map(EntityNames::entityPublic));
	}

	/** @return the server's error codes and their messages */
	public Mono<Map<Integer, String>> getErrorCodes() {
		return call("getErrorCodes", this.resolver.protocol().flatMap(Protocol::errorCodes));
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
		QueryString parameters = query(query);
		return on("getFields", name, (target) -> target.protocol().fields(target.names(), parameters));
	}

	/** @return the server's clock (the vendor SDKs' {@code getServerAPIUtcDateTime}) */
	public Mono<Instant> getServerApiUtcDateTime() {
		return call("getServerApiUtcDateTime", this.resolver.protocol().flatMap(Protocol::serverUtcDateTime));
	}

	/** @return the URL of the data center that serves this team pipeline */
	public Mono<URI> getTeamPipelineUrl() {
		return call("getTeamPipelineUrl", this.resolver.protocol().flatMap(Protocol::teamPipelineUrl));
	}

	/** @return the schema version of this team pipeline */
	public Mono<Integer> getTeamPipelineVersion() {
		return call("getTeamPipelineVersion", this.resolver.protocol().flatMap(Protocol::teamPipelineVersion));
	}

	// Reading

	/**
	 * Reads one page: one request, whose answer says where the page lies in the whole result.
	 * A page never holds more entities than the query's limit, whatever the server sends; on v100,
	 * where the server's cursor lies past entities cut off that way, such a page has no
	 * continuation token. An empty page may still have one (a v100 server may answer an empty
	 * page with more to follow).
	 * @param entity an entity or collection name
	 * @param query what to read; its limit is the page size (the server's default is 25 on v1,
	 * 30 on v100)
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
		QueryString parameters = query(query);
		Arguments.requireNonNull(type, "type");
		boolean cursors = this.resolver.configured().pagesByCursor();
		Integer limit = query.getLimit();
		return on("getEntities", name, (target) -> target.protocol().page(target.collection(), parameters))
			.map((page) -> convert(limited(cursors ? new EntityPage<>(page.items(), page.start(), page.end(), page.total(),
					CursorPaging.token(page.nextOffset(), page.continuationToken())) : page, limit, cursors), type));
	}

	/**
	 * A page cut to the limit it was asked with. A page read by offset goes on after the cut; a
	 * page read by cursor cannot, since the server's cursor lies beyond the entities cut off.
	 */
	private static EntityPage<ObjectNode> limited(EntityPage<ObjectNode> page, @Nullable Integer limit, boolean cursors) {
		if (limit == null || limit < 0 || page.items().size() <= limit) {
			return page;
		}
		List<ObjectNode> items = page.items().subList(0, limit);
		return cursors ? new EntityPage<>(items, page.start(), page.start() + limit - 1, page.total(), null)
				: new EntityPage<>(items, page.start(), page.start() + limit - 1, page.total());
	}

	/**
	 * Reads every entity that matches, page by page, as the subscriber asks for them. On v1, after
	 * the first page, several requests are in flight ahead of the subscriber, in order: from
	 * {@code prefetchPages} (2 by default) up to {@code maxPagesInFlight} (8), as the server's
	 * latency against the subscriber's pace calls for; a slow subscriber holds back further
	 * requests, and cancelling stops them. On v100 a read of more than a few pages is cut into
	 * slices of {@code created}, which no write changes, each read by its own cursor, with up to
	 * {@code maxPagesInFlight} requests in flight (halved on every {@code 429} or {@code 503}
	 * answer), its entities delivered in the order of {@code created}; a read that fits in one
	 * page costs one request. Where slicing could change the result (a sort
	 * other than by {@code created}, a condition on {@code created}, a raw query,
	 * {@code loadOnly} without {@code created}) or {@link PipelinerClientBuilder#slicedReads}
	 * turns it off, each request leaves as soon as the cursor of the page before is known.
	 * {@link PagedFlux#byPage()} gives the pages themselves, read by one cursor, and
	 * {@link PagedFlux#byPage(String)} resumes after a page, from its continuation token.
	 * <p>
	 * Every page is checked against its request: a stream never loses or repeats an entity
	 * silently, and ends with a {@link dev.pipeliner.client.error.PipelinerDecodingException} when
	 * the server's answers cannot be trusted. Offset paging is not a snapshot: entities created or
	 * deleted while the stream runs can shift others across page boundaries. Sort by a stable key
	 * ({@code Sort.asc("ID")}) and, to follow a changing collection, read incrementally with
	 * {@link Query#modifiedAfter}.
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
		QueryString parameters = this.resolver.configured().streamQuery(query);
		Arguments.requireNonNull(type, "type");
		Set<String> paging = this.resolver.configured().pagingParameters();
		if (query.getRawQuery() != null && RawQuery.names(query.getRawQuery()).stream().anyMatch(paging::contains)) {
			throw new IllegalArgumentException("query: a stream sets " + paging + " itself, so a raw query read as a"
					+ " stream must not; put the limit in the query with Query.parse or Query.limit");
		}
		long start = (query.getOffset() != null) ? query.getOffset() : 0;
		Integer limit = query.getLimit();
		long count = (limit == null || limit == Query.NO_LIMIT) ? Long.MAX_VALUE : limit;
		boolean cursors = this.resolver.configured().pagesByCursor();
		SlicedPaging sliced = this.settings.slicedPaging();
		Slicing slicing = (cursors && sliced != null) ? this.resolver.configured().slicing(query) : null;
		return new PagedFlux<>(cursors ? null : Long.toString(start), (token) -> call("streamEntities", name,
				(cursors ? cursorPages(name, parameters, token, count) : offsetPages(name, parameters, token, start, count))
					.map((page) -> convert(page, type))), !cursors,
				(sliced != null && slicing != null) ? () -> call("streamEntities", name,
						slicedPages(sliced, name, slicing, count).map((page) -> convert(page, type))) : null);
	}

	/** The pages of a read in slices of a key that never changes, each bounded like an offset read's. */
	private Flux<EntityPage<ObjectNode>> slicedPages(SlicedPaging sliced, String name, Slicing slicing, long count) {
		return sliced.pages(name, new SlicedPaging.Source<>() {

			@Override
			public Mono<EntityPage<ObjectNode>> fetch(@Nullable Instant from, @Nullable String cursor, int size,
					long position) {
				return page(name, (from != null) ? slicing.from().apply(from) : slicing.ascending(), cursor, size, position);
			}

			@Override
			public Mono<EntityPage<ObjectNode>> newest() {
				return page(name, slicing.descending(), null, 1, 0);
			}

			@Override
			public @Nullable Instant keyOf(ObjectNode item) {
				return slicing.keyOf().apply(item);
			}

			@Override
			public String keyName() {
				return slicing.key();
			}

		}, count);
	}

	/** The pages of an offset read; the call timeout bounds each, the first with the entity-name lookup. */
	private Flux<EntityPage<ObjectNode>> offsetPages(String name, QueryString query, @Nullable String token, long start,
			long count) {
		long from = OffsetPaging.offsetOf(token);
		long end = (count == Long.MAX_VALUE || start > Long.MAX_VALUE - count) ? Long.MAX_VALUE : start + count;
		return this.settings.offsetPaging().pages(name, (offset, limit) -> page(name, query, Long.toString(offset), limit,
				offset),
				(node) -> idOf(node, this.resolver.configured().idField()), from, end);
	}

	/** The pages of a cursor read, each bounded like an offset read's. */
	private Flux<EntityPage<ObjectNode>> cursorPages(String name, QueryString query, @Nullable String token,
			long count) {
		return this.settings.cursorPaging().pages(name, (cursor, size, position) -> page(name, query, cursor, size,
				position), token, count);
	}

	private Mono<EntityPage<ObjectNode>> page(String name, QueryString query, @Nullable String token, int size,
			long position) {
		return bounded("streamEntities", name, this.resolver.resolve(name)
			.flatMap((target) -> target.protocol().page(target.collection(), query, token, size, position)));
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
		return getEntity(entity, id, Query.all(), type);
	}

	/**
	 * Reads one entity with more said of it, such as its owner expanded:
	 * {@code getEntity("Accounts", id, Query.all().expand("owner"))}.
	 * @param entity an entity or collection name
	 * @param id the entity's id
	 * @param query {@link Query#expand expand}, {@link Query#loadOnly loadOnly} and
	 * {@link Query#includeDeleted includeDeleted} only; the collection is then read filtered by the
	 * id, since the API's one-entity endpoint takes no parameters
	 * @return the entity; a {@link dev.pipeliner.client.error.PipelinerNotFoundException} if it does
	 * not exist
	 * @throws IllegalArgumentException for a query with a filter, sort, limit, offset,
	 * modified-after or raw string, or a part the protocol cannot express
	 */
	public Mono<Entity> getEntity(String entity, String id, Query query) {
		return getEntity(entity, id, query, Entity.class);
	}

	/**
	 * @param entity an entity or collection name
	 * @param id the entity's id
	 * @param query expand, loadOnly and includeDeleted only; see {@link #getEntity(String, String, Query)}
	 * @param type the type to map the entity onto
	 * @return the entity
	 */
	public <T> Mono<T> getEntity(String entity, String id, Query query, Class<T> type) {
		String name = Arguments.requireEntityName(entity, "entity");
		Arguments.requireId(id, "id");
		QueryString parameters = query(requireEntityQuery(query));
		Arguments.requireNonNull(type, "type");
		return on("getEntity", name, (target) -> query.equals(Query.all()) ? target.protocol().one(target.collection(), id)
				: target.protocol().one(target.collection(), id, parameters))
			.map((node) -> entity(node).as(type));
	}

	// Writing

	/**
	 * Creates an entity, or partially updates one when {@code data} has an id: only the fields
	 * sent change.
	 * @param entity an entity or collection name
	 * @param data the fields: a {@code Map}, an {@link Entity}, a record, a POJO, or JSON text
	 * @return the id of the created or updated entity
	 */
	public Mono<String> setEntity(String entity, Object data) {
		String name = Arguments.requireEntityName(entity, "entity");
		ObjectNode node = toObject(data, "data");
		String idField = this.resolver.configured().idField();
		String id = Bodies.idOf(node, idField, "data." + idField);
		if (id == null) {
			node.remove(idField);
			return on("setEntity", name, (target) -> target.protocol().create(target.collection(), node));
		}
		return on("setEntity", name, (target) -> target.protocol().update(target.collection(), id, node));
	}

	/**
	 * Creates or updates many entities. Those with an id are partial updates.
	 * <p>
	 * With {@link BatchFlag#IGNORE_ON_ERROR} or {@link BatchFlag#IGNORE_AND_RETURN_ERRORS}, more
	 * items than the batch size are sent as several requests, a few at a time, and their outcomes
	 * are merged back in input order. If one of those requests fails, its items are reported
	 * {@link BatchResult.Status#FAILED} (the server refused the request) or
	 * {@link BatchResult.Status#UNKNOWN} (no answer: they may or may not have been written), and
	 * the other requests' outcomes stand. Without those flags the batch is all or nothing, so it is
	 * always sent as one request, however large, and a failure fails the call.
	 * @param entity an entity or collection name
	 * @param items the entities: maps, {@link Entity}s, records, POJOs or JSON texts
	 * @param flags how to treat failing items; none means {@link BatchFlag#ROLLBACK_ON_ERROR}
	 * @return one outcome per item, in the order of {@code items}
	 */
	public Mono<BatchResult> setEntities(String entity, Collection<?> items, BatchFlag... flags) {
		String name = Arguments.requireEntityName(entity, "entity");
		Set<BatchFlag> set = flags(flags, false);
		requireNotEmpty(items, "items");
		List<ObjectNode> nodes = new ArrayList<>(items.size());
		for (Object item : items) {
			nodes.add(toObject(item, "items[" + nodes.size() + "]"));
		}
		List<@Nullable String> ids = idsOf(nodes, 0);
		return call("setEntities", name, this.settings.batching().send(ids, Flags.ignoring(set), (from, to) -> on(name,
				(target) -> target.protocol().setEntities(target.names(), set, Bodies.array(nodes.subList(from, to)), ids.subList(from, to)))));
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
		Set<BatchFlag> set = Flags.requireIgnoring(flags(flags, false));
		Arguments.requireNonNull(items, "items");
		return call("setEntities", name, this.settings.batching().stream(Flux.from(items), (base, chunk) -> {
					List<ObjectNode> nodes = new ArrayList<>(chunk.size());
					for (Object item : chunk) {
						nodes.add(toObject(item, "items[" + (base + nodes.size()) + "]"));
					}
					List<@Nullable String> ids = idsOf(nodes, base);
					return new Batching.Request(ids, on(name,
							(target) -> target.protocol().setEntities(target.names(), set, Bodies.array(nodes), ids)));
				}));
	}

	/**
	 * Deletes one entity. If an attempt's answer is lost and the retry is answered 404, that
	 * attempt deleted the entity, and the call completes.
	 * @param entity an entity or collection name
	 * @param id the id of the entity to delete
	 * @return completes when the entity is deleted; a
	 * {@link dev.pipeliner.client.error.PipelinerNotFoundException} if it did not exist
	 */
	public Mono<Void> deleteEntity(String entity, String id) {
		String name = Arguments.requireEntityName(entity, "entity");
		Arguments.requireId(id, "id");
		return on("deleteEntity", name, (target) -> target.protocol().delete(target.collection(), id));
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
		Set<BatchFlag> set = flags(flags, true);
		requireNotEmpty(ids, "ids");
		List<String> list = new ArrayList<>(ids.size());
		for (String id : ids) {
			list.add(Arguments.requireText(id, "ids[" + list.size() + "]"));
		}
		return call("deleteEntities", name, this.settings.batching().send(list, Flags.ignoring(set), (from, to) -> on(name,
				(target) -> target.protocol().deleteEntities(target.names(), set, list.subList(from, to)))));
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
		Set<BatchFlag> set = Flags.requireIgnoring(flags(flags, true));
		Arguments.requireNonNull(ids, "ids");
		return call("deleteEntities", name, this.settings.batching().stream(Flux.from(ids), (base, chunk) -> {
					List<String> list = new ArrayList<>(chunk.size());
					for (String id : chunk) {
						list.add(Arguments.requireText(id, "ids[" + (base + list.size()) + "]"));
					}
					return new Batching.Request(list, on(name,
							(target) -> target.protocol().deleteEntities(target.names(), set, list)));
				}));
	}

	// How calls are made

	/** A call on no entity, observed and bounded. */
	private <T> Mono<T> call(String operation, Mono<T> call) {
		return call(operation, null, bounded(operation, null, call));
	}

	/** An observed call, its API errors explained. */
	private <T> Mono<T> call(String operation, @Nullable String entity, Mono<T> call) {
		return this.settings.observations().observed(operation, entity, this.teamPipeline,
				call.onErrorMap(PipelinerApiException.class, (ex) -> explained(operation, entity, ex)));
	}

	/** An observed stream, its API errors explained. */
	private <T> Flux<T> call(String operation, String entity, Flux<T> call) {
		return this.settings.observations().observed(operation, entity, this.teamPipeline,
				call.onErrorMap(PipelinerApiException.class, (ex) -> explained(operation, entity, ex)));
	}

	/**
	 * An API error as the caller is told it: with the operation it was made for, and the lookup
	 * it was, if any (the entity names of a {@code getEntity}, say); with what is probably wrong
	 * when the API's own paths were not found.
	 */
	private PipelinerApiException explained(String operation, @Nullable String entity, PipelinerApiException failure) {
		if (failure.getOperation() != null) {
			return failure;
		}
		Protocol protocol = this.resolver.configured();
		String lookup = protocol.lookupAt(failure.getUri());
		return ApiExceptions.during(failure, operation + ((entity != null) ? " " + entity : "")
				+ ((lookup != null) ? ", " + lookup : ""), protocol.hint(failure));
	}

	/** One observed request on an entity, bounded with its lookups by the call timeout. */
	private <T> Mono<T> on(String operation, String name, Function<Target, Mono<T>> request) {
		return call(operation, name, on(name, request));
	}

	/** One request on an entity, bounded with its lookups by the call timeout. */
	private <T> Mono<T> on(String name, Function<Target, Mono<T>> request) {
		return bounded("request", name, this.resolver.resolve(name).flatMap(request));
	}

	/** Bounds a call, retries and lookups included, by the call timeout, on the timer wheel ({@link Deadline}). */
	private <T> Mono<T> bounded(String operation, @Nullable String name, Mono<T> call) {
		Duration timeout = this.settings.callTimeout();
		return Deadline.within(call, timeout, () -> new PipelinerTransportException(operation
				+ ((name != null) ? " " + name : "") + " did not complete within " + timeout
				+ ", retries included, with the lookups it needed", null));
	}

	// Arguments

	private Set<BatchFlag> flags(BatchFlag[] flags, boolean delete) {
		Set<BatchFlag> set = Flags.check(flags);
		this.resolver.configured().checkFlags(set, delete);
		return set;
	}

	private List<@Nullable String> idsOf(List<ObjectNode> nodes, int base) {
		return Bodies.idsOf(nodes, base, this.resolver.configured().idField());
	}

	/** @return the query, if it says only what one entity can take: expand, loadOnly and includeDeleted */
	private static Query requireEntityQuery(Query query) {
		Arguments.requireNonNull(query, "query");
		List<String> parts = new ArrayList<>();
		if (query.getRawQuery() != null) {
			parts.add("a raw query string");
		}
		if (query.getFilter() != null || query.getModifiedAfter() != null) {
			parts.add("a filter");
		}
		if (query.getSort() != null) {
			parts.add("a sort");
		}
		if (query.getLimit() != null || query.getOffset() != null) {
			parts.add("a limit or offset");
		}
		if (!parts.isEmpty()) {
			throw new IllegalArgumentException("query: getEntity takes only expand, loadOnly and includeDeleted, but the"
					+ " query has " + String.join(" and ", parts) + "; read a collection with getEntities or streamEntities");
		}
		return query;
	}

	private QueryString query(Query query) {
		return this.resolver.configured().query(Arguments.requireNonNull(query, "query"));
	}

	private <T> EntityPage<T> convert(EntityPage<ObjectNode> page, Class<T> type) {
		List<T> items = new ArrayList<>(page.items().size());
		for (ObjectNode node : page.items()) {
			items.add(entity(node).as(type));
		}
		return page.withItems(items);
	}

	private Entity entity(ObjectNode node) {
		return new Entity(node, this.settings.mapper(), this.resolver.configured().dateTimeForm());
	}

	private ObjectNode toObject(Object data, String name) {
		return this.settings.bodies().toObject(data, (data instanceof Entity entity) ? entity.copyOfNode() : null, name);
	}

	private static @Nullable String idOf(ObjectNode node, String idField) {
		JsonNode id = node.get(idField);
		return (id != null && id.isValueNode()) ? id.asString() : null;
	}

	private static void requireNotEmpty(Collection<?> items, String name) {
		if (Arguments.requireNonNull(items, name).isEmpty()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

	private static String requireTeamPipeline(String teamPipeline) {
		return requireAccount(teamPipeline, "teamPipeline", "eu_myPipeline");
	}

	/** A team pipeline or space id, which goes into the URL as one path segment. */
	@Contract("null, _, _ -> fail")
	static String requireAccount(@Nullable String id, String name, String example) {
		Arguments.requireText(id, name);
		if (!TEAM_PIPELINE.matcher(id).matches()) {
			throw new IllegalArgumentException(name + " must be an id such as '" + example + "' (letters, digits,"
					+ " '_' and '-'), but was " + Arguments.quote(id));
		}
		return id;
	}

	/** @return the URL and team pipeline; never the credentials */
	@Override
	public String toString() {
		return "PipelinerClient[" + this.resolver.configured().name() + ", url=" + this.settings.url() + ", account="
				+ this.teamPipeline + "]";
	}

}
