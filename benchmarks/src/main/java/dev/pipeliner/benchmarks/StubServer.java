package dev.pipeliner.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Pipeliner stand-in that does as little as it can: it answers {@code entityPublic}, one
 * contact by id, pages of a collection of generated contacts, creates and {@code setEntities},
 * each after a fixed latency. Entities are generated as they are written, so a collection of any
 * size costs no memory. It runs on event loops of its own, apart from the client's.
 */
final class StubServer implements AutoCloseable {

	static final String TEAM_PIPELINE = "eu_Bench";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String BASE = "/rest_services/v1/" + TEAM_PIPELINE;

	private final Duration latency;

	private final long total;

	private final LoopResources loops;

	private final DisposableServer server;

	private final AtomicLong ids = new AtomicLong();

	StubServer(Duration latency, long total) {
		this.latency = latency;
		this.total = total;
		this.loops = LoopResources.create("stub", 1, 2, true);
		this.server = HttpServer.create().runOn(this.loops).host("127.0.0.1").port(0).handle(this::serve).bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String path = uri.path();
		if (request.method().name().equals("POST")) {
			return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((received) -> {
				if (path.equals(BASE + "/Contacts")) {
					response.status(201).header("Location", url() + BASE + "/Contacts/PY-" + this.ids.incrementAndGet());
					return delayed(response.send());
				}
				StringBuilder answer = new StringBuilder("[");
				int items = MAPPER.readTree(received).size();
				for (int i = 0; i < items; i++) {
					answer.append((i > 0) ? "," : "").append("\"PY-").append(this.ids.incrementAndGet()).append('"');
				}
				response.header("Content-Type", "application/json");
				return delayed(response.sendString(Mono.just(answer.append(']').toString())).then());
			});
		}
		String body;
		if (path.equals(BASE + "/entityPublic")) {
			body = "{\"Contacts\":\"Contact\"}";
		}
		else if (path.startsWith(BASE + "/Contacts/")) {
			body = contact(42);
		}
		else if (path.equals(BASE + "/Contacts")) {
			long offset = Long.parseLong(uri.parameters().getOrDefault("offset", java.util.List.of("0")).get(0));
			long limit = Long.parseLong(uri.parameters().getOrDefault("limit", java.util.List.of("25")).get(0));
			long end = Math.min(this.total, offset + limit);
			StringBuilder page = new StringBuilder((int) Math.max(2, (end - offset) * 200)).append('[');
			for (long i = offset; i < end; i++) {
				page.append((i > offset) ? "," : "").append(contact(i));
			}
			body = page.append(']').toString();
			response.header("Content-Range", "items " + offset + "-" + ((end > offset) ? end - 1 : -1) + "/" + this.total);
		}
		else {
			return response.status(404).send();
		}
		response.header("Content-Type", "application/json");
		return delayed(response.sendString(Mono.just(body)).then());
	}

	private Mono<Void> delayed(Mono<Void> send) {
		return this.latency.isZero() ? send : Mono.delay(this.latency).then(send);
	}

	private static String contact(long i) {
		return "{\"ID\":\"PY-7FFFFFFF-" + i + "\",\"FIRST_NAME\":\"First" + i + "\",\"SURNAME\":\"Surname" + i
				+ "\",\"EMAIL1\":\"person." + i + "@example.com\",\"OWNER_ID\":1534,\"SALES_UNIT_ID\":2,"
				+ "\"IS_DELETED\":0,\"MODIFIED\":\"2024-05-06 14:00:02\"}";
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

}
