package dev.pipeliner.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.HttpLogOptions;
import dev.pipeliner.client.PipelinerClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the auto-configured {@link PipelinerClient}, under {@code pipeliner.*}.
 * <p>
 * The client is configured when {@code pipeliner.url} is set; {@code team-pipeline} (v1) or
 * {@code space} (v100), {@code api-token} and {@code api-password} are then required.
 */
@ConfigurationProperties("pipeliner")
public class PipelinerProperties extends PipelinerAccount {

	/**
	 * Whether a plain http:// URL to a host other than this machine is accepted. Off, since the
	 * API token and password would cross the network unencrypted; http:// to loopback is always
	 * accepted.
	 */
	private boolean allowInsecureHttp;

	/**
	 * Whether to ask pipeliner.url for the data center that serves the team pipeline
	 * (teamPipelineUrl) on first use, and send every call there. The answer is cached for the
	 * life of the client.
	 */
	private boolean discoverDataCenter;

	/**
	 * Longest time to establish a connection.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Longest wait for the answer to one attempt of a request: for each piece of it on Reactor
	 * Netty, for the whole with another connector.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Longest a whole call may take: every request with its retries and their waits, and the
	 * entity-name lookup or data-center discovery before it. A stream applies it to each page.
	 */
	private Duration callTimeout = Duration.ofMinutes(2);

	/**
	 * Largest answer the client reads. A larger one fails with a PipelinerDecodingException, so
	 * that no answer can exhaust memory; a page of a stream is one answer.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(16);

	/**
	 * Number of entities streamEntities asks for per request.
	 */
	private int pageSize = 100;

	/**
	 * Number of page requests streamEntities starts with in flight ahead of its subscriber on the
	 * v1 API; it adapts from there up to max-pages-in-flight.
	 */
	private int prefetchPages = 2;

	/**
	 * Most page requests streamEntities keeps in flight on the v1 API, and most pages it holds for
	 * a slow subscriber. Reads start with prefetch-pages, add one while the subscriber waits for
	 * pages, drop one while it lags, and halve on 429 or 503. On v100, a read in slices keeps up
	 * to this many requests in flight, halved on every 429 or 503.
	 */
	private int maxPagesInFlight = 8;

	/**
	 * Whether streamEntities on the v100 API reads a collection in slices of created, with up
	 * to max-pages-in-flight requests in flight, where slicing cannot change the result: no sort
	 * other than created ascending alone, no condition on created, no raw query, no load-only
	 * without created. Pages read with byPage are always read by one cursor. False reads every
	 * stream by one cursor.
	 */
	private boolean slicedReads = true;

	/**
	 * Whether to check every client at startup with one cheap authenticated call
	 * (serverAPIUtcDateTime on v1, one entry of Entities on v100), and fail the startup with a
	 * report that names each client that failed, its properties and what the server said. The
	 * emulator's test and development-time support turn it on.
	 */
	private boolean verifyOnStartup;

	private final Batch batch = new Batch();

	private final Retry retry = new Retry();

	private final Ssl ssl = new Ssl();

	private final Proxy proxy = new Proxy();

	private final Logging logging = new Logging();

	/**
	 * Further accounts, by name: pipeliner.clients.<name>.url, protocol, team-pipeline or space,
	 * api-token and api-password. Every other setting is shared with the default client. Each
	 * becomes a client in the PipelinerClients registry, unless a
	 * PipelinerClientsConnectionDetails bean replaces them.
	 */
	private final Map<String, PipelinerAccount> clients = new LinkedHashMap<>();

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public boolean isDiscoverDataCenter() {
		return this.discoverDataCenter;
	}

	public void setDiscoverDataCenter(boolean discoverDataCenter) {
		this.discoverDataCenter = discoverDataCenter;
	}

	public boolean isVerifyOnStartup() {
		return this.verifyOnStartup;
	}

	public void setVerifyOnStartup(boolean verifyOnStartup) {
		this.verifyOnStartup = verifyOnStartup;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public int getPrefetchPages() {
		return this.prefetchPages;
	}

	public void setPrefetchPages(int prefetchPages) {
		this.prefetchPages = prefetchPages;
	}

	public int getMaxPagesInFlight() {
		return this.maxPagesInFlight;
	}

	public void setMaxPagesInFlight(int maxPagesInFlight) {
		this.maxPagesInFlight = maxPagesInFlight;
	}

	public boolean isSlicedReads() {
		return this.slicedReads;
	}

	public void setSlicedReads(boolean slicedReads) {
		this.slicedReads = slicedReads;
	}

	public Batch getBatch() {
		return this.batch;
	}

	/**
	 * How setEntities and deleteEntities split batches that ignore failures.
	 */
	public static class Batch {

		/**
		 * Number of items one setEntities or deleteEntities request carries when a batch that
		 * ignores failures is split. All-or-nothing batches are always sent whole.
		 */
		private int size = 100;

		/**
		 * Number of requests of a split batch in flight at once.
		 */
		private int concurrency = 2;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

	}

	public Retry getRetry() {
		return this.retry;
	}

	public Map<String, PipelinerAccount> getClients() {
		return this.clients;
	}

	public Logging getLogging() {
		return this.logging;
	}

	/**
	 * What the client logs of its HTTP traffic, under the logger dev.pipeliner.client.http.
	 */
	public static class Logging {

		/**
		 * How much of each exchange to log: none, basic (method, URL with only the allowed query
		 * parameters' values, status, duration), headers, or body. Bodies hold CRM data; logging them logs a warning at startup.
		 */
		private HttpLogOptions.Level level = HttpLogOptions.Level.NONE;

		/**
		 * Headers whose values may be logged, beside the default allow-list (Content-Type,
		 * Content-Range, Location, Retry-After and the like). Authorization is always redacted.
		 */
		private List<String> allowedHeaders = new ArrayList<>();

		/**
		 * Query parameters whose values are logged; every other parameter shows its name with
		 * the value REDACTED, since filters may hold personal data such as e-mail addresses.
		 * Replaces the default list: limit, offset, sort, after, flag, first, before, last,
		 * order-by, load-only and expand.
		 */
		private List<String> allowedQueryParams = new ArrayList<>(new java.util.TreeSet<>(
				HttpLogOptions.DEFAULT_ALLOWED_QUERY_PARAMS));

		public HttpLogOptions.Level getLevel() {
			return this.level;
		}

		public void setLevel(HttpLogOptions.Level level) {
			this.level = level;
		}

		public List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public List<String> getAllowedQueryParams() {
			return this.allowedQueryParams;
		}

		public void setAllowedQueryParams(List<String> allowedQueryParams) {
			this.allowedQueryParams = allowedQueryParams;
		}

	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * TLS settings of the client's connections.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that supplies the trust material, and any
		 * client certificate, for connections to Pipeliner. Unset: the JVM's defaults.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * An HTTP proxy the client connects through. Needs the Reactor Netty connector.
	 */
	public static class Proxy {

		/**
		 * Host of the HTTP proxy. Setting it sends every request through the proxy.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy; required with the host.
		 */
		private @Nullable Integer port;

		/**
		 * User name for the proxy, if it asks for one.
		 */
		private @Nullable String username;

		/**
		 * Password for the proxy.
		 */
		private @Nullable String password;

		/**
		 * Hosts reached directly, not through the proxy, as a regular expression, such as
		 * localhost|.*\\.internal.
		 */
		private @Nullable String nonProxyHosts;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(@Nullable String nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

	}

	/**
	 * When failed requests are retried. Reads, updates and deletes are retried on timeouts,
	 * dropped connections and HTTP 408, 429, 502, 503 and 504; creates and batch writes only when
	 * the connection could not be made or the server answered 429.
	 */
	public static class Retry {

		/**
		 * Most attempts per request, the first included; 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; it doubles with each retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest wait between attempts, before jitter.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Share of each wait varied at random, from 0 to 1.
		 */
		private double jitter = 0.5;

		/**
		 * Longest Retry-After the client waits for; a server asking for longer fails the call at
		 * once.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/** @return the settings with the credentials masked */
	@Override
	public String toString() {
		return "PipelinerProperties[" + super.toString() + ", connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", callTimeout=" + this.callTimeout + ", retry.maxAttempts="
				+ this.retry.maxAttempts + ", ssl.bundle=" + this.ssl.bundle + ", proxy.host=" + this.proxy.host
				+ ", proxy.password=" + mask(this.proxy.password) + ", pageSize=" + this.pageSize + ", prefetchPages="
				+ this.prefetchPages + ", batch.size=" + this.batch.size + ", batch.concurrency="
				+ this.batch.concurrency + ", clients=" + this.clients + "]";
	}

}
