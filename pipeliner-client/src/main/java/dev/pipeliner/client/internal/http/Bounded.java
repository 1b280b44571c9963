package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.Secrets;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads answer bodies, never more than the maximum response size of them: past it, reading
 * stops with a {@link PipelinerDecodingException}. JSON is read with {@link WireJson#MAPPER}.
 * Not part of the public API.
 */
public final class Bounded {

	private static final ResolvableType OBJECT_NODE = ResolvableType.forClass(ObjectNode.class);

	private final long maxBytes;

	private final JacksonJsonDecoder decoder;

	private final Secrets secrets;

	Bounded(long maxBytes, Secrets secrets) {
		this.maxBytes = maxBytes;
		this.secrets = secrets;
		this.decoder = new JacksonJsonDecoder(WireJson.MAPPER);
		this.decoder.setMaxInMemorySize((int) Math.min(Integer.MAX_VALUE, maxBytes));
	}

	/** @return the body parsed as JSON, whatever its content type; empty when there is none */
	public Mono<JsonNode> json(ClientResponse response, HttpMethod method, URI uri) {
		return joined(response, method, uri).map((buffer) -> {
			try {
				if (buffer.readableByteCount() == 0) {
					return WireJson.MAPPER.missingNode();
				}
				return WireJson.MAPPER.readTree(buffer.asInputStream());
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).filter((json) -> !json.isMissingNode());
	}

	/** @return the body as text; empty when there is none */
	public Mono<String> text(ClientResponse response, HttpMethod method, URI uri) {
		return joined(response, method, uri).map((buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		});
	}

	/** @return the elements of a top-level JSON array, decoded one by one as they arrive */
	public Flux<ObjectNode> elements(ClientResponse response, HttpMethod method, URI uri) {
		return this.decoder.decode(body(response, method, uri), OBJECT_NODE, MediaType.APPLICATION_JSON, null)
			.cast(ObjectNode.class);
	}

	/**
	 * Reads an answer that carries nothing the client needs: it must be empty or JSON. A page of
	 * HTML (a proxy's login page, say) is not an answer of the API.
	 */
	public Mono<Void> emptyOrJson(ClientResponse response, HttpMethod method, URI uri) {
		return text(response, method, uri).flatMap((text) -> {
			if (text.isBlank()) {
				return Mono.empty();
			}
			try {
				WireJson.MAPPER.readTree(text);
				return Mono.empty();
			}
			catch (JacksonException ex) {
				String type = response.headers().contentType().map(MediaType::toString).orElse("no content type");
				return Mono.error(new PipelinerDecodingException(method + " " + Arguments.describe(uri)
						+ " answered " + response.statusCode().value() + " with a body that is not JSON (" + type + "): "
						+ Arguments.quote(this.secrets.redact(text.strip())) + "; a proxy or login page may stand in front of"
						+ " the API", ex));
			}
		});
	}

	PipelinerDecodingException tooLarge(HttpMethod method, URI uri, @Nullable Throwable cause) {
		return new PipelinerDecodingException(method + " " + Arguments.describe(uri)
				+ " answered more than the maximum response size of " + describe(this.maxBytes)
				+ " (maxResponseSize, pipeliner.max-response-size)", cause);
	}

	/**
	 * The body in one buffer; past the maximum, a {@link DataBufferLimitException}, which the
	 * transport turns into the same error as {@link #tooLarge}.
	 */
	private Mono<DataBuffer> joined(ClientResponse response, HttpMethod method, URI uri) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()),
				(int) Math.min(Integer.MAX_VALUE, this.maxBytes));
	}

	/** The body, failing as soon as it grows past the maximum. */
	private Flux<DataBuffer> body(ClientResponse response, HttpMethod method, URI uri) {
		AtomicLong read = new AtomicLong();
		return response.body(BodyExtractors.toDataBuffers()).handle((buffer, sink) -> {
			if (read.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
				DataBufferUtils.release(buffer);
				sink.error(tooLarge(method, uri, null));
			}
			else {
				sink.next(buffer);
			}
		});
	}

	private static String describe(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + "MB";
		}
		return (bytes % 1024 == 0) ? size.toKilobytes() + "KB" : bytes + "B";
	}

}
