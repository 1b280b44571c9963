package dev.pipeliner.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A v1 server over one collection that changes between the pages it answers: before each page
 * request it creates, updates or deletes a few random entities, at a clock of whole seconds that
 * advances by 0 or 1 second per change, so that many entities share a {@code MODIFIED} time. A
 * create or update may become visible to reads up to {@code lag} seconds after its time. It
 * answers {@code filter=MODIFIED::…::ge}, {@code sort=MODIFIED|ID}, {@code offset} and
 * {@code limit} as a v1 server does, and refuses every other query and wrong credentials.
 */
final class ChangingV1Server implements AutoCloseable {

	static final String TOKEN = "sync-token-5b1";

	static final String PASSWORD = "sync-Pa55word-k2";

	private static final String BASE = "/rest_services/v1/eu_Sync";

	private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Instant EPOCH = Instant.parse("2024-05-06T14:00:00Z");

	private static final Pattern FILTER = Pattern.compile("MODIFIED::(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)::ge");

	static {
		// answers leave at once, not after the delayed acknowledgement of their headers
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	/** One entity's state: its id, modified second and revision. */
	record Version(String id, long second, int revision) {
	}

	/** A state and the second from which reads see it. */
	private record Pending(Version version, long visibleAt) {
	}

	private final HttpServer server;

	private final Random random;

	private final Map<String, List<Pending>> entities = new HashMap<>();

	private final int lag;

	private long now;

	private int nextRevision;

	private boolean changing;

	private int requests;

	/**
	 * @param random the source of the collection and its changes
	 * @param size how many entities there are at first
	 * @param lag how many seconds at most a change takes to become visible to reads
	 */
	ChangingV1Server(Random random, int size, int lag) throws IOException {
		this.random = random;
		this.lag = lag;
		for (int i = 0; i < size; i++) {
			create();
			this.now += this.random.nextInt(3) / 2;
		}
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	PipelinerClient client() {
		return PipelinerClient.builder()
			.url("http://127.0.0.1:" + this.server.getAddress().getPort())
			.teamPipeline("eu_Sync")
			.credentials(TOKEN, PASSWORD)
			.retry(RetryPolicy.NONE)
			.build();
	}

	/** @return the server's clock, which the sync takes for its own */
	Clock clock() {
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				synchronized (ChangingV1Server.this) {
					return EPOCH.plusSeconds(ChangingV1Server.this.now);
				}
			}
		};
	}

	/** @param changing whether the collection changes before each page request */
	synchronized void changing(boolean changing) {
		this.changing = changing;
	}

	/** @return the state of every entity that reads see now */
	synchronized Set<Version> snapshot() {
		return new HashSet<>(visible());
	}

	/** @param seconds how far the clock moves on, with no change */
	synchronized void advance(long seconds) {
		this.now += seconds;
	}

	/** @return for each entity, its latest state that reads see */
	private List<Version> visible() {
		List<Version> visible = new ArrayList<>();
		for (List<Pending> states : this.entities.values()) {
			for (int i = states.size() - 1; i >= 0; i--) {
				if (states.get(i).visibleAt() <= this.now) {
					visible.add(states.get(i).version());
					break;
				}
			}
		}
		return visible;
	}

	private void put(String id) {
		this.entities.computeIfAbsent(id, (key) -> new ArrayList<>())
			.add(new Pending(new Version(id, this.now, this.nextRevision++), this.now + this.random.nextInt(this.lag + 1)));
	}

	synchronized int requests() {
		return this.requests;
	}

	static Instant instantOf(long second) {
		return EPOCH.plusSeconds(second);
	}

	private void create() {
		String id = "PY-" + Integer.toHexString(this.random.nextInt(1 << 24));
		if (!this.entities.containsKey(id)) {
			put(id);
		}
	}

	private void change() {
		int changes = this.random.nextInt(4);
		for (int i = 0; i < changes; i++) {
			this.now += this.random.nextInt(3) / 2;
			List<String> ids = new ArrayList<>(this.entities.keySet());
			int kind = this.random.nextInt(5);
			if (kind == 0 || ids.isEmpty()) {
				create();
			}
			else if (kind == 1) {
				this.entities.remove(ids.get(this.random.nextInt(ids.size())));
			}
			else {
				put(ids.get(this.random.nextInt(ids.size())));
			}
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((TOKEN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			ScriptedServer.send(exchange, 401, "{\"errorcode\":401,\"message\":\"unauthorized\"}", null);
			return;
		}
		String path = exchange.getRequestURI().getPath();
		if (path.equals(BASE + "/entityPublic")) {
			ScriptedServer.send(exchange, 200, "{\"Contacts\":\"Contact\"}", null);
			return;
		}
		Map<String, String> query = ScriptedServer.query(exchange.getRequestURI().getRawQuery());
		if (!"GET".equals(exchange.getRequestMethod()) || !path.equals(BASE + "/Contacts")
				|| !"MODIFIED|ID".equals(query.remove("sort"))) {
			ScriptedServer.send(exchange, 400, "{\"errorcode\":400,\"message\":\"unexpected request " + exchange.getRequestURI() + "\"}",
					null);
			return;
		}
		String filter = query.remove("filter");
		long offset = Long.parseLong(query.getOrDefault("offset", "0"));
		int limit = Integer.parseInt(query.getOrDefault("limit", "25"));
		query.remove("offset");
		query.remove("limit");
		Matcher matcher = (filter != null) ? FILTER.matcher(filter) : null;
		if (!query.isEmpty() || (matcher != null && !matcher.matches())) {
			ScriptedServer.send(exchange, 400, "{\"errorcode\":400,\"message\":\"unexpected query " + filter + " " + query + "\"}", null);
			return;
		}
		String body;
		String range;
		synchronized (this) {
			this.requests++;
			if (this.changing) {
				change();
			}
			long from = (matcher != null)
					? LocalDateTime.parse(matcher.group(1), FORM).toInstant(ZoneOffset.UTC).getEpochSecond()
							- EPOCH.getEpochSecond()
					: Long.MIN_VALUE;
			List<Version> matching = visible()
				.stream()
				.filter((version) -> version.second() >= from)
				.sorted(Comparator.comparingLong(Version::second).thenComparing(Version::id))
				.toList();
			List<Version> page = matching.subList((int) Math.min(offset, matching.size()),
					(int) Math.min(offset + limit, matching.size()));
			body = page.stream()
				.map((version) -> "{\"ID\":\"" + version.id() + "\",\"MODIFIED\":\""
						+ FORM.format(LocalDateTime.ofInstant(instantOf(version.second()), ZoneOffset.UTC))
						+ "\",\"REVISION\":" + version.revision() + "}")
				.collect(Collectors.joining(",", "[", "]"));
			range = page.isEmpty() ? "items " + offset + "-" + (offset - 1) + "/" + matching.size()
					: "items " + offset + "-" + (offset + page.size() - 1) + "/" + matching.size();
		}
		ScriptedServer.send(exchange, 200, body, range);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
