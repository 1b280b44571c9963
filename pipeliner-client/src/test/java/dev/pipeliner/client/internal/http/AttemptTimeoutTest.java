package dev.pipeliner.client.internal.http;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The read timeout is applied once per attempt: by Reactor Netty when it sends, or by a timer. */
class AttemptTimeoutTest {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(200);

	private final List<Object> responseTimeouts = new CopyOnWriteArrayList<>();

	@Test
	void aReactorNettyRequestCarriesTheReadTimeoutAndTheAttemptGetsNoTimerOfItsOwn() {
		AttemptTimeout timeout = new AttemptTimeout(READ_TIMEOUT);
		timeout.apply(request(nettyRequest()));

		Mono<String> attempt = Mono.never();
		assertThat(this.responseTimeouts).containsExactly(READ_TIMEOUT);
		assertThat(timeout.bound(attempt)).isSameAs(attempt);
	}

	@Test
	void onAnotherConnectorATimerBoundsTheAttempt() {
		AttemptTimeout timeout = new AttemptTimeout(READ_TIMEOUT);
		timeout.apply(request(new Object()));

		StepVerifier.create(timeout.bound(Mono.never()))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void untilTheFirstRequestShowsTheConnectorATimerBoundsTheAttempt() {
		AttemptTimeout timeout = new AttemptTimeout(READ_TIMEOUT);

		StepVerifier.create(timeout.bound(Mono.never()))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	/** A Reactor Netty request that records the response timeouts set on it. */
	private HttpClientRequest nettyRequest() {
		return (HttpClientRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { HttpClientRequest.class }, (proxy, method, args) -> {
					if (method.getName().equals("responseTimeout")) {
						this.responseTimeouts.add(args[0]);
						return proxy;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	private static AbstractClientHttpRequest request(Object nativeRequest) {
		return new AbstractClientHttpRequest(new HttpHeaders()) {

			@Override
			public HttpMethod getMethod() {
				return HttpMethod.GET;
			}

			@Override
			public URI getURI() {
				return URI.create("http://127.0.0.1/");
			}

			@Override
			public DefaultDataBufferFactory bufferFactory() {
				return DefaultDataBufferFactory.sharedInstance;
			}

			@SuppressWarnings("unchecked")
			@Override
			public <T> T getNativeRequest() {
				return (T) nativeRequest;
			}

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> setComplete() {
				return Mono.empty();
			}

			@Override
			protected void applyHeaders() {
			}

			@Override
			protected void applyCookies() {
			}

		};
	}

}
