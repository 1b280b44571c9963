package dev.pipeliner.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A v1 server whose collection pages are computed by a script, for tests of what the client does
 * when a server misbehaves. Entity {@code i} has the id {@code PY-i}. Every page request is
 * recorded.
 */
final class ScriptedServer implements AutoCloseable {

	/** What one page request is answered with. */
	record Answer(long firstItem, long itemCount, String contentRange) {

		/** A truthful answer: items {@code from}.. (at most {@code count}) of {@code total}. */
		static Answer truthful(long from, long count, long total) {
			long n = Math.max(0, Math.min(count, total - from));
			return new Answer(from, n, "items " + from + "-" + (from + n - 1) + "/" + total);
		}

	}

	/** Decides the answer to the {@code number}th page request (0-based). */
	interface Script {

		Answer answer(int number, long offset, int limit);

	}

	static {
		// answers leave at once, not after the delayed acknowledgement of their headers
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final Script script;

	final List<Map<String, String>> pageRequests = new CopyOnWriteArrayList<>();

	ScriptedServer(Script script) throws IOException {
		this.script = script;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	PipelinerClientBuilder clientBuilder() {
		return PipelinerClient.builder()
			.url(url())
			.teamPipeline("eu_Pipeline1")
			.credentials(WireMockTestSupport.TOKEN, WireMockTestSupport.PASSWORD)
			.retry(RetryPolicy.NONE);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/entityPublic")) {
			send(exchange, 200, WireMockTestSupport.ENTITY_PUBLIC, null);
			return;
		}
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		int number;
		synchronized (this) {
			number = this.pageRequests.size();
			this.pageRequests.add(query);
		}
		long offset = Long.parseLong(query.getOrDefault("offset", "0"));
		int limit = Integer.parseInt(query.getOrDefault("limit", "25"));
		Answer answer = this.script.answer(number, offset, limit);
		String body = LongStream.range(answer.firstItem(), answer.firstItem() + answer.itemCount())
			.mapToObj((i) -> "{\"ID\":\"PY-" + i + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
		send(exchange, 200, body, answer.contentRange());
	}

	static void send(HttpExchange exchange, int status, String body, String contentRange) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		if (contentRange != null) {
			exchange.getResponseHeaders().add("Content-Range", contentRange);
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** @return the parameters of a raw query string, decoded */
	static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				query.put(URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
						(equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
