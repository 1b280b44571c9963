package dev.pipeliner.client.internal.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;

/**
 * Bounds each attempt of a call by the read timeout, once, at the cheapest layer that can: on a
 * Reactor Netty connector, as the request's response timeout, which the connection's event loop
 * keeps (and which takes the place of a response timeout the connector was built with, such as
 * Spring Boot's read timeout); on any other connector, as a {@link Deadline} around the attempt. Which
 * connector a {@code WebClient} has is learned from its first request, which has the deadline
 * too, until the request shows Reactor Netty: then the deadline stands down. Not part of the
 * public API.
 */
final class AttemptTimeout {

	private final Duration timeout;

	/** Whether requests go through Reactor Netty: {@code null} until the first request says. */
	private volatile @Nullable Boolean netty;

	/** @param timeout the read timeout */
	AttemptTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/** @return the read timeout */
	Duration timeout() {
		return this.timeout;
	}

	/** Sets the response timeout of a request when it goes through Reactor Netty. */
	void apply(ClientHttpRequest request) {
		Object nativeRequest = request.getNativeRequest();
		if (nativeRequest instanceof HttpClientRequest netty) {
			netty.responseTimeout(this.timeout);
			this.netty = Boolean.TRUE;
		}
		else {
			this.netty = Boolean.FALSE;
		}
	}

	/**
	 * @return the attempt, with a timer of its own unless Reactor Netty bounds it; the timer of a
	 * first request that turns out to go through Reactor Netty stands down, so that the two
	 * timeouts never race and leave an error that no one receives
	 */
	<T> Mono<T> bound(Mono<T> attempt) {
		return Boolean.TRUE.equals(this.netty) ? attempt
				: Deadline.withinWhileDue(attempt, this.timeout, () -> !Boolean.TRUE.equals(this.netty));
	}

}
