package dev.pipeliner.client;

import java.net.URI;
import java.time.Duration;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.batching.Batching;
import dev.pipeliner.client.internal.http.WebClients;
import dev.pipeliner.client.internal.http.WireJson;
import dev.pipeliner.client.internal.observation.Observations;
import dev.pipeliner.client.internal.paging.CursorPaging;
import dev.pipeliner.client.internal.paging.OffsetPaging;
import dev.pipeliner.client.internal.paging.SlicedPaging;
import dev.pipeliner.client.internal.protocol.Bodies;
import dev.pipeliner.client.internal.protocol.CursorReads;
import dev.pipeliner.client.internal.v1.V1Protocol;
import dev.pipeliner.client.internal.v100.V100Protocol;
import dev.pipeliner.client.observation.DefaultPipelinerObservationConvention;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import dev.pipeliner.client.query.Query;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link PipelinerClient}. {@link #url}, {@link #teamPipeline} and
 * {@link #credentials} are required; everything else has a default.
 */
public final class PipelinerClientBuilder {

	private @Nullable URI url;

	private PipelinerProtocol protocol = PipelinerProtocol.V1;

	private @Nullable String space;

	private @Nullable String teamPipeline;

	private @Nullable String apiToken;

	private @Nullable String apiPassword;

	private @Nullable WebClient webClient;

	private WebClient.@Nullable Builder webClientBuilder;

	private ObjectMapper mapper = WireJson.MAPPER;

	private @Nullable Duration connectTimeout;

	private Duration readTimeout = PipelinerClient.DEFAULT_READ_TIMEOUT;

	private Duration callTimeout = PipelinerClient.DEFAULT_CALL_TIMEOUT;

	private DataSize maxResponseSize = PipelinerClient.DEFAULT_MAX_RESPONSE_SIZE;

	private RetryPolicy retry = RetryPolicy.DEFAULT;

	private boolean allowInsecureHttp;

	private boolean discoverDataCenter;

	private HttpLogOptions httpLogging = HttpLogOptions.NONE;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable PipelinerObservationConvention observationConvention;

	private int pageSize = PipelinerClient.DEFAULT_PAGE_SIZE;

	private int prefetchPages = PipelinerClient.DEFAULT_PREFETCH_PAGES;

	private int maxPagesInFlight = PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT;

	private boolean slicedReads = PipelinerClient.DEFAULT_SLICED_READS;

	private int batchSize = PipelinerClient.DEFAULT_BATCH_SIZE;

	private int batchConcurrency = PipelinerClient.DEFAULT_BATCH_CONCURRENCY;

	PipelinerClientBuilder() {
	}

	/** @param url the service URL, such as {@code https://eu.pipelinersales.com} */
	public PipelinerClientBuilder url(String url) {
		InvalidSettingException.check("url", () -> Arguments.requireText(url, "url"));
		try {
			return url(URI.create(url.trim()));
		}
		catch (IllegalArgumentException ex) {
			// without the cause, whose message quotes the URL whole, user info included
			throw new InvalidSettingException("url", "url " + Arguments.quote((Object) Arguments.withoutUserInfo(url))
					+ " is not a valid URL");
		}
	}

	/** @param url the service URL, such as {@code https://eu.pipelinersales.com} */
	public PipelinerClientBuilder url(URI url) {
		this.url = Arguments.requireNonNull(url, "url");
		return this;
	}

	/**
	 * @param observationRegistry where each operation is observed as
	 * {@code pipeliner.client.operation} (see {@link DefaultPipelinerObservationConvention}); none
	 * by default. The HTTP requests are observed as children of it when the
	 * {@link WebClient} is instrumented too, as Spring Boot's is.
	 */
	public PipelinerClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = InvalidSettingException.check("observationRegistry", () -> Arguments.requireNonNull(observationRegistry, "observationRegistry"));
		return this;
	}

	/** @param observationConvention names and tags the operation observations in place of the default */
	public PipelinerClientBuilder observationConvention(@Nullable PipelinerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * @param httpLogging what to log of the HTTP traffic; nothing by default. Logging bodies
	 * makes {@link #build()} log a warning, since they hold CRM data.
	 */
	public PipelinerClientBuilder httpLogging(HttpLogOptions httpLogging) {
		this.httpLogging = InvalidSettingException.check("httpLogging", () -> Arguments.requireNonNull(httpLogging, "httpLogging"));
		return this;
	}

	/**
	 * @param discoverDataCenter whether to ask the configured URL for the data center that
	 * serves the team pipeline ({@code teamPipelineUrl}) on first use, and send every call
	 * there; off by default. The answer is cached for the life of the client, and checked like
	 * a configured URL.
	 */
	public PipelinerClientBuilder discoverDataCenter(boolean discoverDataCenter) {
		this.discoverDataCenter = discoverDataCenter;
		return this;
	}

	/**
	 * @param allowInsecureHttp whether a plain {@code http://} URL to a host other than this
	 * machine is accepted; off by default, since the credentials would cross the network
	 * unencrypted. {@code http://} to loopback (an emulator, a test server) is always accepted.
	 */
	public PipelinerClientBuilder allowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
		return this;
	}

	/**
	 * @param protocol the API version to speak; {@link PipelinerProtocol#V1} by default.
	 * {@link PipelinerProtocol#V100} takes a {@link #space} in place of a team pipeline, and the
	 * API application's username and password as {@link #credentials}.
	 */
	public PipelinerClientBuilder protocol(PipelinerProtocol protocol) {
		this.protocol = InvalidSettingException.check("protocol", () -> Arguments.requireNonNull(protocol, "protocol"));
		return this;
	}

	/** @param space the v100 space id, such as {@code fr_Myself}, that comes with the API application */
	public PipelinerClientBuilder space(@Nullable String space) {
		this.space = space;
		return this;
	}

	/** @param teamPipeline the v1 team pipeline id, such as {@code eu_myPipeline} */
	public PipelinerClientBuilder teamPipeline(@Nullable String teamPipeline) {
		this.teamPipeline = teamPipeline;
		return this;
	}

	/**
	 * @param apiToken the API token from the customer portal's API Access page
	 * @param apiPassword the API password from the same page
	 */
	public PipelinerClientBuilder credentials(@Nullable String apiToken, @Nullable String apiPassword) {
		this.apiToken = apiToken;
		this.apiPassword = apiPassword;
		return this;
	}

	/**
	 * Sends requests with this {@link WebClient} as it is. Its filters, codecs and connector
	 * apply; {@link #connectTimeout} cannot be combined with it. Every request carries the
	 * client's own {@code Authorization}, {@code User-Agent} and {@code Accept}, once each,
	 * whatever its default headers, default request or filters set.
	 */
	public PipelinerClientBuilder webClient(WebClient webClient) {
		this.webClient = InvalidSettingException.check("webClient", () -> Arguments.requireNonNull(webClient, "webClient"));
		return this;
	}

	/**
	 * Builds the {@link WebClient} from a clone of this builder, so that its filters, codecs and
	 * connector apply (Spring Boot's auto-configured builder, for instance). The given builder is
	 * not changed. As with {@link #webClient}, the client's own {@code Authorization},
	 * {@code User-Agent} and {@code Accept} win over the builder's.
	 */
	public PipelinerClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = InvalidSettingException.check("webClientBuilder", () -> Arguments.requireNonNull(webClientBuilder, "webClientBuilder"));
		return this;
	}

	/**
	 * @param mapper the mapper for the caller's own types: {@link Entity#as(Class)}, the
	 * {@code Class<T>} overloads, and request bodies written from records and POJOs, with the
	 * protocol's forms of dates and booleans added. Its modules and settings apply; the
	 * date-times of answers, in any of the protocols' forms, are read onto {@code Instant},
	 * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDateTime} and {@code LocalDate}
	 * as their ISO-8601 equivalents would be (a {@code LocalDateTime} or {@code LocalDate} gets
	 * the UTC date and time), and decimals onto {@code BigDecimal} digit for digit. The wire
	 * format itself is read with the client's own mapper, so no setting of this one changes how
	 * answers are decoded.
	 */
	public PipelinerClientBuilder jsonMapper(ObjectMapper mapper) {
		this.mapper = InvalidSettingException.check("jsonMapper", () -> Arguments.requireNonNull(mapper, "mapper"));
		return this;
	}

	/**
	 * Bounds the time to establish a connection. Setting it gives the client a Reactor Netty
	 * connector of its own, in place of the connector of a {@link #webClientBuilder}; without
	 * one, a client-owned connector with {@link PipelinerClient#DEFAULT_CONNECT_TIMEOUT} is used.
	 */
	public PipelinerClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * Bounds each wait for the answer to one attempt; {@link PipelinerClient#DEFAULT_READ_TIMEOUT} by default.
	 * On Reactor Netty it is the request's response timeout, which bounds each wait for data;
	 * with another connector it bounds the whole attempt. An attempt that waits longer fails
	 * with a retryable {@link dev.pipeliner.client.error.PipelinerTransportException}. The
	 * call timeout bounds the whole call.
	 */
	public PipelinerClientBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = requirePositive(readTimeout, "readTimeout");
		return this;
	}

	/**
	 * Bounds a whole call, retries and their waits included, so that every call ends;
	 * {@link PipelinerClient#DEFAULT_CALL_TIMEOUT} by default. A stream applies it to each page.
	 */
	public PipelinerClientBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = requirePositive(callTimeout, "callTimeout");
		return this;
	}

	/**
	 * Bounds the size of one answer; {@link PipelinerClient#DEFAULT_MAX_RESPONSE_SIZE} by default. Reading an
	 * answer stops once it grows past this, with a
	 * {@link dev.pipeliner.client.error.PipelinerDecodingException}, so that no answer can
	 * exhaust memory. A page of a stream is one answer.
	 */
	public PipelinerClientBuilder maxResponseSize(DataSize maxResponseSize) {
		InvalidSettingException.check("maxResponseSize", () -> Arguments.requireNonNull(maxResponseSize, "maxResponseSize"));
		if (maxResponseSize.toBytes() < 1024) {
			throw new InvalidSettingException("maxResponseSize", "maxResponseSize must be at least 1KB, but was "
					+ maxResponseSize);
		}
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	/**
	 * @param retry when failed requests are retried and how long to wait;
	 * {@link RetryPolicy#DEFAULT} by default, {@link RetryPolicy#NONE} to turn retries off
	 */
	public PipelinerClientBuilder retry(RetryPolicy retry) {
		this.retry = InvalidSettingException.check("retry", () -> Arguments.requireNonNull(retry, "retry"));
		return this;
	}

	/**
	 * @param pageSize how many entities {@link PipelinerClient#streamEntities(String, Query)}
	 * asks for per request; {@link PipelinerClient#DEFAULT_PAGE_SIZE} by default
	 */
	public PipelinerClientBuilder pageSize(int pageSize) {
		this.pageSize = requireAtLeastOne(pageSize, "pageSize");
		return this;
	}

	/**
	 * @param prefetchPages how many page requests
	 * {@link PipelinerClient#streamEntities(String, Query)} starts with in flight ahead of its
	 * subscriber on v1, so that reading overlaps the server's latency; it adapts from there up
	 * to {@link #maxPagesInFlight}. {@link PipelinerClient#DEFAULT_PREFETCH_PAGES} by default
	 */
	public PipelinerClientBuilder prefetchPages(int prefetchPages) {
		this.prefetchPages = requireAtLeastOne(prefetchPages, "prefetchPages");
		return this;
	}

	/**
	 * @param maxPagesInFlight the most page requests
	 * {@link PipelinerClient#streamEntities(String, Query)} keeps in flight on the v1 API, and
	 * the most pages it holds for a slow subscriber; {@link PipelinerClient#DEFAULT_MAX_PAGES_IN_FLIGHT} by
	 * default. A stream starts with {@link #prefetchPages} in flight, adds one each time a page
	 * arrives while its subscriber waits for one, drops one each time a page arrives while
	 * another still waits for the subscriber, and halves the number on a {@code 429} or
	 * {@code 503} answer, never again reaching the number the server refused. A value below
	 * {@code prefetchPages} counts as {@code prefetchPages}. On v100 a read in slices
	 * ({@link #slicedReads}) keeps up to this many requests in flight, halved on every {@code 429}
	 * or {@code 503} answer, with up to twice as many slices under way; a read by one cursor
	 * sends one request at a time, since each needs the cursor of the answer before it.
	 */
	public PipelinerClientBuilder maxPagesInFlight(int maxPagesInFlight) {
		this.maxPagesInFlight = requireAtLeastOne(maxPagesInFlight, "maxPagesInFlight");
		return this;
	}

	/**
	 * @param slicedReads whether {@link PipelinerClient#streamEntities(String, Query)} on the v100
	 * API reads the collection in slices of {@code created}, with up to {@link #maxPagesInFlight}
	 * requests in flight, where slicing cannot change the result (see {@code streamEntities});
	 * {@code true} by default. {@code false} reads every stream by one cursor, one request at a time. v1 streams
	 * read by offset either way.
	 */
	public PipelinerClientBuilder slicedReads(boolean slicedReads) {
		this.slicedReads = slicedReads;
		return this;
	}

	/**
	 * @param batchSize how many items one {@code setEntities} or {@code deleteEntities} request
	 * carries when a batch that ignores failures is split; {@link PipelinerClient#DEFAULT_BATCH_SIZE} by default
	 */
	public PipelinerClientBuilder batchSize(int batchSize) {
		this.batchSize = requireAtLeastOne(batchSize, "batchSize");
		return this;
	}

	/**
	 * @param batchConcurrency how many requests of a split batch are in flight at once;
	 * {@link PipelinerClient#DEFAULT_BATCH_CONCURRENCY} by default
	 */
	public PipelinerClientBuilder batchConcurrency(int batchConcurrency) {
		this.batchConcurrency = requireAtLeastOne(batchConcurrency, "batchConcurrency");
		return this;
	}

	/**
	 * @return the client
	 * @throws InvalidSettingException naming the first setting that is missing or invalid
	 */
	public PipelinerClient build() {
		URI serviceUrl = InvalidSettingException.check("url",
				() -> Arguments.requireServiceUrl(this.url, this.allowInsecureHttp, "url"));
		boolean v100 = this.protocol == PipelinerProtocol.V100;
		String pipeline = v100
				? InvalidSettingException.check("space", () -> PipelinerClient.requireAccount(this.space, "space", "fr_Myself"))
				: InvalidSettingException.check("teamPipeline",
						() -> PipelinerClient.requireAccount(this.teamPipeline, "teamPipeline", "eu_myPipeline"));
		if (v100 && this.discoverDataCenter) {
			throw new InvalidSettingException("discoverDataCenter", "discoverDataCenter: the v100 API has no data-center"
					+ " discovery; the service URL comes with the API application");
		}
		String apiToken = InvalidSettingException.check("credentials", () -> Arguments.requireText(this.apiToken, "apiToken"));
		String apiPassword = InvalidSettingException.check("credentials",
				() -> Arguments.requireText(this.apiPassword, "apiPassword"));
		InvalidSettingException.check("credentials", () -> {
			Arguments.requireCredentials(apiToken, apiPassword);
			return apiToken;
		});
		WebClient client = InvalidSettingException.check("connectTimeout", () -> WebClients.build(this.webClient,
				this.webClientBuilder, this.connectTimeout, PipelinerClient.DEFAULT_CONNECT_TIMEOUT, this.httpLogging));
		Duration readTimeout = this.readTimeout;
		RetryPolicy retry = this.retry;
		long maxResponseSize = this.maxResponseSize.toBytes();
		// the metadata collections of v100 are read with the checks of a stream
		CursorPaging metadata = new CursorPaging(PipelinerClient.DEFAULT_PAGE_SIZE);
		CursorReads reads = (what, source) -> metadata.pages(what, source::fetch, null, Long.MAX_VALUE);
		PipelinerClient.Protocols protocols = v100
				? (url, account, user, password) -> new V100Protocol(client, url, account, user, password, readTimeout,
						retry, maxResponseSize, reads)
				: (url, account, token, password) -> new V1Protocol(client, url, account, token, password, readTimeout,
						retry, maxResponseSize);
		// the caller's mapper with the protocol's value forms, for every client derived from this builder
		ObjectMapper mapper = this.mapper.rebuild()
			.addModule(protocols.create(serviceUrl, pipeline, apiToken, apiPassword).values())
			.build();
		PipelinerClient.Settings settings = new PipelinerClient.Settings(protocols, serviceUrl, mapper, new Bodies(mapper),
				this.callTimeout,
				new OffsetPaging(this.pageSize, this.prefetchPages, this.maxPagesInFlight), new CursorPaging(this.pageSize),
				this.slicedReads ? new SlicedPaging(this.pageSize, 2 * this.maxPagesInFlight, this.maxPagesInFlight) : null,
				new Batching(this.batchSize, this.batchConcurrency),
				new Observations(this.observationRegistry, this.observationConvention), this.allowInsecureHttp,
				this.discoverDataCenter);
		return new PipelinerClient(settings, pipeline, apiToken, apiPassword);
	}

	private static int requireAtLeastOne(int value, String name) {
		if (value < 1) {
			throw new InvalidSettingException(name, name + " must be at least 1, but was " + value);
		}
		return value;
	}

	private static Duration requirePositive(Duration duration, String name) {
		InvalidSettingException.check(name, () -> Arguments.requireNonNull(duration, name));
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidSettingException(name, name + " must be positive, but was " + duration);
		}
		return duration;
	}

}
