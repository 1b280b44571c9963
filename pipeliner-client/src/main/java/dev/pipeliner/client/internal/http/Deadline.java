package dev.pipeliner.client.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bounds a call in time with a timer wheel: one daemon thread that ticks every 10 ms, to which
 * starting and cancelling a timer is a lock-free enqueue. {@code Mono.timeout(Duration)} puts
 * each timer on a scheduled executor instead, whose thread is woken when a timer is scheduled or
 * cancelled, twice per call; for a call that takes microseconds that dominates what the client
 * adds to it. A timer fires up to one tick late, which no timeout of a remote call notices; the
 * call that timed out is ended from Reactor's parallel scheduler, so that nothing a caller does
 * then holds up the wheel. Not part of the public API.
 */
public final class Deadline {

	/** The tick: how late at most a timer fires. */
	static final Duration TICK = Duration.ofMillis(10);

	private Deadline() {
	}

	/**
	 * @param call the call to bound
	 * @param timeout how long it may take from subscription
	 * @param onTimeout the error to end it with when it takes longer; it is cancelled then
	 * @return the call, bounded
	 */
	public static <T> Mono<T> within(Mono<T> call, Duration timeout, Supplier<? extends Throwable> onTimeout) {
		return call.timeout(expiry(timeout, () -> true), Mono.error(onTimeout));
	}

	/**
	 * @param call the call to bound
	 * @param timeout how long it may take from subscription
	 * @return the call, bounded; past the timeout, a {@link TimeoutException}
	 */
	public static <T> Mono<T> within(Mono<T> call, Duration timeout) {
		return call.timeout(expiry(timeout, () -> true));
	}

	/**
	 * @param call the call to bound
	 * @param timeout how long it may take from subscription
	 * @param due whether the deadline still applies when it comes: {@code false} when something
	 * else bounds the call by then, whose own error is to end it, so that the two never race
	 * @return the call, bounded; past the timeout, while still due, a {@link TimeoutException}
	 */
	public static <T> Mono<T> withinWhileDue(Mono<T> call, Duration timeout, BooleanSupplier due) {
		return call.timeout(expiry(timeout, due));
	}

	/** A signal {@code timeout} after subscription, if still due then; cancelling it cancels the timer. */
	private static Mono<Long> expiry(Duration timeout, BooleanSupplier due) {
		long nanos = timeout.toNanos();
		return Mono.create((sink) -> {
			Timeout timer = Wheel.TIMER.newTimeout((expired) -> {
				if (due.getAsBoolean()) {
					// what follows the call that timed out runs on Reactor's scheduler, never holding up the wheel's one thread
					Schedulers.parallel().schedule(() -> sink.success(0L));
				}
			}, nanos, TimeUnit.NANOSECONDS);
			sink.onCancel(timer::cancel);
		});
	}

	/** The one timer wheel of every client, started on first use. */
	private static final class Wheel {

		static final HashedWheelTimer TIMER = new HashedWheelTimer(new DefaultThreadFactory("pipeliner-timer", true),
				TICK.toMillis(), TimeUnit.MILLISECONDS, 512);

	}

}
