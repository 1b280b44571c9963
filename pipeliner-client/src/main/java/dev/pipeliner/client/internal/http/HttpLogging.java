package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.pipeliner.client.HttpLogOptions.Level;
import dev.pipeliner.client.HttpLogOptions;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Logs the client's HTTP exchanges as {@link HttpLogOptions} says, redacting every header value
 * that is not allowed, and {@code Authorization} always. Not part of the public API.
 */
public final class HttpLogging implements ExchangeFilterFunction {

	/** The logger all HTTP logging goes to. */
	public static final Log LOG = LogFactory.getLog("dev.pipeliner.client.http");

	private static final int MAX_BODY = 16 * 1024;

	private final HttpLogOptions options;

	public HttpLogging(HttpLogOptions options) {
		this.options = options;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.options.level() == Level.NONE || !LOG.isInfoEnabled()) {
			return next.exchange(request);
		}
		String line = request.method() + " " + loggedUrl(request.url());
		long start = System.nanoTime();
		StringBuilder out = new StringBuilder("--> ").append(line);
		headers(out, request.headers());
		ClientRequest logged = request;
		if (this.options.level() == Level.BODY) {
			logged = ClientRequest.from(request).body((message, context) -> request.body()
				.insert(new BodyRecorder(message, (body) -> LOG.info("--> " + line + " body: " + body)), context)).build();
		}
		LOG.info(out);
		return next.exchange(logged).map((response) -> {
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			StringBuilder in = new StringBuilder("<-- ").append(response.statusCode().value())
				.append(' ')
				.append(line)
				.append(" (")
				.append(millis)
				.append(" ms)");
			headers(in, response.headers().asHttpHeaders());
			LOG.info(in);
			if (this.options.level() != Level.BODY) {
				return response;
			}
			// The body may be subscribed to again (to release it); it is logged once
			AtomicBoolean bodyLogged = new AtomicBoolean();
			return response.mutate()
				.body((body) -> recorded(body, (text) -> {
					if (bodyLogged.compareAndSet(false, true)) {
						LOG.info("<-- " + line + " body: " + text);
					}
				}))
				.build();
		});
	}

	/**
	 * The URL with every query parameter's name, and its value only if allowed; the others show as
	 * {@code REDACTED}.
	 */
	String loggedUrl(URI url) {
		return Arguments.redacted(url, this.options::isAllowedQueryParam);
	}

	private void headers(StringBuilder out, HttpHeaders headers) {
		if (this.options.level() == Level.BASIC) {
			return;
		}
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			out.append("\n    ").append(header.getKey()).append(": ")
				.append(this.options.isAllowed(header.getKey()) ? String.join(", ", header.getValue()) : "REDACTED");
		}
	}

	private static Flux<DataBuffer> recorded(Flux<DataBuffer> body, java.util.function.Consumer<String> done) {
		StringBuilder text = new StringBuilder();
		long[] total = new long[1];
		return body.doOnNext((buffer) -> {
			total[0] += buffer.readableByteCount();
			if (text.length() < MAX_BODY) {
				text.append(buffer.toString(buffer.readPosition(),
						Math.min(buffer.readableByteCount(), MAX_BODY - text.length()), StandardCharsets.UTF_8));
			}
		}).doOnComplete(() -> done.accept(text + ((total[0] > text.length()) ? "… (" + total[0] + " bytes in all)" : "")));
	}

	/** Passes the request body through, and hands what went out to a consumer. */
	private static final class BodyRecorder extends ClientHttpRequestDecorator {

		private final java.util.function.Consumer<String> done;

		BodyRecorder(ClientHttpRequest delegate, java.util.function.Consumer<String> done) {
			super(delegate);
			this.done = done;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(recorded(Flux.from(body), this.done));
		}

	}

}
