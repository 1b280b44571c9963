package dev.pipeliner.client.internal.paging;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.pipeliner.client.internal.http.Throttling;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * How many requests of one sliced read are in flight at once: at most the window, which starts
 * at its ceiling and halves, down to one, on every {@code 429} or {@code 503} answer
 * ({@link Throttling}) for the rest of the read. A request beyond the window waits, in the order
 * asked, until one in flight ends; a waiting request that is cancelled gives up its turn, and
 * one in flight frees its place as soon as the server has answered (a page that waits for its
 * subscriber holds none), or it failed or was cancelled. Places are handed on in a
 * loop rather than from within the request that ends, so that a server that answers at once
 * cannot make the calls nest. Not part of the public API.
 */
final class RequestWindow implements Throttling.Listener {

	/** A request's turn: waiting for a place, granted one, sent, or given up. */
	private static final class Turn {

		static final int WAITING = 0;

		static final int GRANTED = 1;

		static final int SENT = 2;

		static final int GIVEN_UP = 3;

		final MonoSink<Void> sink;

		int state = WAITING;

		Turn(MonoSink<Void> sink) {
			this.sink = sink;
		}

	}

	private int window;

	private int inFlight;

	private final Queue<Turn> waiting = new ArrayDeque<>();

	/** Turns granted, to be told so by the loop. */
	private final Queue<Turn> granted = new ConcurrentLinkedQueue<>();

	private final AtomicInteger telling = new AtomicInteger();

	/** @param ceiling the most requests in flight at once, at least one */
	RequestWindow(int ceiling) {
		this.window = Math.max(1, ceiling);
	}

	/**
	 * @param request the request, sent when its turn comes
	 * @return the request, sent once a place in the window is free, in a context that hears of
	 * throttled answers; its place is freed as soon as the server's answer has come, or the
	 * request failed or was cancelled, whether or not the subscriber has asked for the answer yet
	 */
	<T> Mono<T> send(Supplier<Mono<T>> request) {
		return Mono.defer(() -> {
			Turn[] turn = new Turn[1];
			return Mono.<Void>create((sink) -> {
				Turn mine = new Turn(sink);
				turn[0] = mine;
				sink.onCancel(() -> giveUp(mine));
				if (take(mine)) {
					sink.success();
				}
			}).then(Mono.defer(() -> sent(turn[0])
					? Mono.defer(request).contextWrite(Throttling.listen(this)).doFinally((signal) -> release())
					: Mono.<T>empty()));
		});
	}

	@Override
	public synchronized void throttled() {
		this.window = Math.max(1, this.window / 2);
	}

	/** @return whether the turn has a place now; if not, it waits for one */
	private synchronized boolean take(Turn turn) {
		if (this.inFlight < this.window) {
			this.inFlight++;
			turn.state = Turn.GRANTED;
			return true;
		}
		this.waiting.add(turn);
		return false;
	}

	/** @return whether the granted turn's request goes out; not when it was given up */
	private synchronized boolean sent(Turn turn) {
		if (turn.state != Turn.GRANTED) {
			return false;
		}
		turn.state = Turn.SENT;
		return true;
	}

	/** A turn cancelled before its request went out gives up its place in the queue or the window. */
	private void giveUp(Turn turn) {
		boolean held;
		synchronized (this) {
			held = turn.state == Turn.GRANTED;
			if (turn.state == Turn.WAITING) {
				this.waiting.remove(turn);
			}
			if (turn.state != Turn.SENT) {
				turn.state = Turn.GIVEN_UP;
			}
		}
		if (held) {
			release();
		}
	}

	/** Frees a place, and hands it to the longest waiting turn while the window allows. */
	private void release() {
		synchronized (this) {
			this.inFlight--;
			while (this.inFlight < this.window && !this.waiting.isEmpty()) {
				Turn next = this.waiting.remove();
				next.state = Turn.GRANTED;
				this.inFlight++;
				this.granted.add(next);
			}
		}
		tell();
	}

	/** Tells the granted turns, one after the other, however many are granted meanwhile. */
	private void tell() {
		if (this.telling.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			Turn turn;
			while ((turn = this.granted.poll()) != null) {
				turn.sink.success();
			}
			missed = this.telling.addAndGet(-missed);
		}
		while (missed != 0);
	}

}
