package dev.pipeliner.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A v100 server whose answers are computed by a script, for tests of what the client does when a
 * server misbehaves. It answers the {@code Entities} collection itself (Accounts, Contacts,
 * Products), and hands every other request to the script. Every scripted request is recorded.
 */
final class ScriptedV100Server implements AutoCloseable {

	static final String SPACE = "fr_Myself";

	static final String USER = "app-user-9c1";

	static final String PASSWORD = "app-Pa55word-7Q";

	static final String BASE = "/api/v100/rest/spaces/" + SPACE + "/entities";

	static final String ENTITIES = """
			{"success":true,"total":3,"page_info":{"start_cursor":"WyIwMSJd","end_cursor":"WyIwMyJd",\
			"has_previous_page":false,"has_next_page":false},"data":[\
			{"id":"e1","name_singular":"Account","name_plural":"Accounts"},\
			{"id":"e2","name_singular":"Contact","name_plural":"Contacts"},\
			{"id":"e3","name_singular":"Product","name_plural":"Products"}]}""";

	/** A request as the server saw it: the path below {@link #BASE}, the decoded query and the body. */
	record Request(String method, String path, Map<String, String> query, String body) {
	}

	/** An answer: a status, a JSON body and more headers. */
	record Reply(int status, String body, Map<String, String> headers) {

		Reply(int status, String body) {
			this(status, body, Map.of());
		}

		static Reply ok(String body) {
			return new Reply(200, body);
		}

	}

	/** Decides the answer to the {@code number}th scripted request (0-based). */
	interface Script {

		Reply answer(int number, Request request);

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Script script;

	private final Reply entities;

	final List<Request> requests = new CopyOnWriteArrayList<>();

	/** The path of every request, the {@code Entities} lookups included. */
	final List<String> paths = new CopyOnWriteArrayList<>();

	static {
		// answers leave at once, not after the delayed acknowledgement of their headers
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	ScriptedV100Server(Script script) throws IOException {
		this(ENTITIES, script);
	}

	/** @param entities the answer to every request of the {@code Entities} collection */
	ScriptedV100Server(String entities, Script script) throws IOException {
		this(Reply.ok(entities), script);
	}

	/** @param entities the answer to every request of the {@code Entities} collection */
	ScriptedV100Server(Reply entities, Script script) throws IOException {
		this.entities = entities;
		this.script = script;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	PipelinerClientBuilder clientBuilder() {
		return PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(url())
			.space(SPACE)
			.credentials(USER, PASSWORD)
			.retry(RetryPolicy.NONE);
	}

	/** @return the requests to one path below {@link #BASE}, such as {@code /Contacts} */
	List<Request> requestsTo(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		this.paths.add(path);
		if (path.equals(BASE + "/Entities")) {
			send(exchange, this.entities);
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Request request = new Request(exchange.getRequestMethod(),
				path.startsWith(BASE) ? path.substring(BASE.length()) : path, ScriptedServer.query(exchange.getRequestURI().getRawQuery()),
				body);
		int number;
		synchronized (this) {
			number = this.requests.size();
			this.requests.add(request);
		}
		send(exchange, this.script.answer(number, request));
	}

	private static void send(HttpExchange exchange, Reply reply) throws IOException {
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		reply.headers().forEach(exchange.getResponseHeaders()::add);
		exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
