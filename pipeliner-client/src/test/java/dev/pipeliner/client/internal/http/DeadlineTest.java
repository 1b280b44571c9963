package dev.pipeliner.client.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadline ends a call that takes too long, and leaves alone one that ends in time. */
class DeadlineTest {

	@Test
	void aCallPastItsDeadlineEndsWithTheGivenErrorAndIsCancelled() {
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier.create(Deadline.within(Mono.never().doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(20),
				() -> new IllegalStateException("too late")))
			.expectErrorMessage("too late")
			.verify(Duration.ofSeconds(10));
		assertThat(cancelled).isTrue();
	}

	/** What follows a call that timed out runs on Reactor's scheduler, never on the wheel's one thread. */
	@Test
	void theTimeoutIsDeliveredOffTheWheelsThread() {
		AtomicReference<String> thread = new AtomicReference<>();
		StepVerifier.create(Deadline.within(Mono.never(), Duration.ofMillis(20), () -> new IllegalStateException("too late"))
				.doOnError((ex) -> thread.set(Thread.currentThread().getName())))
			.expectErrorMessage("too late")
			.verify(Duration.ofSeconds(10));
		assertThat(thread.get()).startsWith("parallel-");
	}

	@Test
	void withoutAnErrorItEndsWithATimeoutException() {
		StepVerifier.create(Deadline.within(Mono.never(), Duration.ofMillis(20)))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aCallThatEndsInTimeKeepsItsValue() {
		StepVerifier.create(Deadline.within(Mono.just("answer"), Duration.ofMinutes(1), IllegalStateException::new))
			.expectNext("answer")
			.verifyComplete();
		StepVerifier.create(Deadline.within(Mono.empty(), Duration.ofMinutes(1)))
			.verifyComplete();
	}

}
