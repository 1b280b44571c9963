package dev.pipeliner.emulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Carries a protocol's {@link Service} over Reactor Netty: reads the body up to a limit, hands the
 * request over, and writes the {@link Reply}, a list a hundred entities at a time as the
 * connection takes them. Answers 503 until {@link #serve} names the service, which needs the
 * server's URL and so comes after binding.
 */
public final class HttpTransport implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final int CHUNK = 100;

	private final ObjectMapper mapper;

	private final long maxBodySize;

	/** The protocol to answer with, or {@code null} until {@link #serve} names it. */
	private volatile @Nullable Service service;

	/** @param maxBodySize the largest request body accepted, in bytes */
	public HttpTransport(ObjectMapper mapper, long maxBodySize) {
		this.mapper = mapper;
		this.maxBodySize = maxBodySize;
	}

	/** @param service the protocol to answer with from now on */
	public void serve(Service service) {
		this.service = service;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		Service api = this.service;
		if (api == null) {
			response.status(HttpResponseStatus.SERVICE_UNAVAILABLE);
			return response.send();
		}
		String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
		if (length != null && parseLong(length) > this.maxBodySize) {
			return write(response, api.tooLarge(this.maxBodySize));
		}
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		return request.receive()
			.asByteArray()
			.reduceWith(ByteArrayOutputStream::new, (body, chunk) -> {
				if (body.size() + chunk.length > this.maxBodySize) {
					throw new BodyTooLargeException();
				}
				body.writeBytes(chunk);
				return body;
			})
			.map(ByteArrayOutputStream::toByteArray)
			.defaultIfEmpty(new byte[0])
			.map((body) -> api.handle(request.method().name(), uri.rawPath(), uri.parameters(),
					request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION), body))
			.onErrorResume(BodyTooLargeException.class, (ex) -> Mono.just(api.tooLarge(this.maxBodySize)))
			.flatMap((reply) -> write(response, reply));
	}

	private Mono<Void> write(HttpServerResponse response, Reply reply) {
		response.status(HttpResponseStatus.valueOf(reply.status()));
		reply.headers().forEach(response::header);
		if (reply.items() != null) {
			response.header(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8");
			return response
				.sendByteArray(Flux.concat(Mono.just(bytes(reply.head())), chunks(reply.items()), Mono.just(bytes(reply.tail()))))
				.then();
		}
		if (reply.body() != null) {
			byte[] body = this.mapper.writeValueAsBytes(reply.body());
			response.header(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8");
			response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
			return response.sendByteArray(Mono.just(body)).then();
		}
		response.header(HttpHeaderNames.CONTENT_LENGTH, "0");
		return response.send();
	}

	/** The entities of a page, serialized a hundred at a time as the connection takes them. */
	private Flux<byte[]> chunks(List<? extends JsonNode> items) {
		return Flux.range(0, (items.size() + CHUNK - 1) / CHUNK).map((chunk) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int from = chunk * CHUNK;
			for (int i = from; i < Math.min(items.size(), from + CHUNK); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.writeBytes(this.mapper.writeValueAsBytes(items.get(i)));
			}
			return out.toByteArray();
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException() {
			super(null, null, false, false);
		}

	}

}
