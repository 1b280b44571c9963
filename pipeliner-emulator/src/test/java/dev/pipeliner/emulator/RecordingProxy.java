package dev.pipeliner.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * An HTTP proxy on loopback in front of a server that keeps every exchange it passes on, request
 * and answer, whole, so that a test can check what a client sent and what the server answered.
 */
final class RecordingProxy implements AutoCloseable {

	/** One request and its answer, as they went over the wire. */
	record Exchange(String method, String uri, Map<String, String> headers, String body, int status,
			String contentType, String answer) {

		String path() {
			int query = this.uri.indexOf('?');
			return (query < 0) ? this.uri : this.uri.substring(0, query);
		}

		String query() {
			int query = this.uri.indexOf('?');
			return (query < 0) ? "" : this.uri.substring(query + 1);
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri + (this.body.isEmpty() ? "" : " " + shorten(this.body)) + " -> "
					+ this.status + " " + shorten(this.answer);
		}

		private static String shorten(String text) {
			return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
		}

	}

	private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "content-length",
			"transfer-encoding", "keep-alive");

	private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

	private final DisposableServer server;

	/** @param targetPort the loopback port of the server to stand in front of */
	RecordingProxy(int targetPort) {
		HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + targetPort);
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> {
				Map<String, String> headers = new LinkedHashMap<>();
				request.requestHeaders().forEach((header) -> headers.put(header.getKey(), header.getValue()));
				return client
					.headers((out) -> headers.forEach((name, value) -> {
						if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equalsIgnoreCase("host")) {
							out.set(name, value);
						}
					}))
					.request(request.method())
					.uri(request.uri())
					.send(ByteBufFlux.fromString(Mono.just(body)))
					.responseSingle((answer, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("").map((text) -> {
						String type = answer.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
						this.exchanges.add(new Exchange(request.method().name(), request.uri(), headers, body,
								answer.status().code(), type, text));
						response.status(answer.status());
						answer.responseHeaders().forEach((header) -> {
							if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
								response.header(header.getKey(), header.getValue());
							}
						});
						return text;
					}));
			})
			.flatMap((text) -> response.sendString(Mono.just(text)).then())).bindNow();
	}

	/** @return the URL to send requests to instead of the server's */
	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** @return every exchange so far, in the order the answers came, and forgets them */
	List<Exchange> take() {
		synchronized (this.exchanges) {
			List<Exchange> taken = List.copyOf(this.exchanges);
			this.exchanges.clear();
			return taken;
		}
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
