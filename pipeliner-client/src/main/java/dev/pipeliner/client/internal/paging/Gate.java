package dev.pipeliner.client.internal.paging;

import java.util.ArrayDeque;

import dev.pipeliner.client.internal.http.Throttling;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * How many requests of one read are in flight at once: at most {@code limit}, the others wait
 * their turn in the order they came. A {@code 429} or {@code 503} answer to any of them
 * ({@link Throttling}) halves the limit, down to one, for the rest of the read. One instance
 * serves one subscription; thread-safe. Not part of the public API.
 */
final class Gate implements Throttling.Listener {

	/** One request's turn: granted, or still waiting. */
	private static final class Turn {

		final Sinks.Empty<Void> granted = Sinks.empty();

		boolean holding;

		boolean done;

	}

	private final ArrayDeque<Turn> waiting = new ArrayDeque<>();

	private int limit;

	private int busy;

	/** Whether a caller grants turns now, and whether there may be more to grant when it is done. */
	private boolean admitting;

	private boolean again;

	/** @param limit how many requests may be in flight at once, at first */
	Gate(int limit) {
		this.limit = Math.max(1, limit);
	}

	/** @return the request, sent when its turn comes, its answer heard for throttling */
	<T> Mono<T> run(Mono<T> request) {
		return Mono.defer(() -> {
			Turn turn = new Turn();
			enter(turn);
			return turn.granted.asMono().then(request.contextWrite(Throttling.listen(this))).doFinally((signal) -> leave(turn));
		});
	}

	/** @return how many requests may be in flight at once, now */
	synchronized int limit() {
		return this.limit;
	}

	@Override
	public void throttled() {
		synchronized (this) {
			this.limit = Math.max(1, this.limit / 2);
		}
	}

	private void enter(Turn turn) {
		synchronized (this) {
			this.waiting.add(turn);
		}
		admit();
	}

	private void leave(Turn turn) {
		synchronized (this) {
			if (turn.done) {
				return;
			}
			turn.done = true;
			if (turn.holding) {
				this.busy--;
			}
			else {
				this.waiting.remove(turn);
			}
		}
		admit();
	}

	/**
	 * Grants turns while there is room. One caller at a time grants them; a request that ends
	 * while a turn is granted (an answer at once) leaves it to that caller, so that a chain of
	 * such requests does not grow the stack.
	 */
	private void admit() {
		synchronized (this) {
			if (this.admitting) {
				this.again = true;
				return;
			}
			this.admitting = true;
		}
		while (true) {
			Turn next;
			synchronized (this) {
				if (this.busy >= this.limit || this.waiting.isEmpty()) {
					if (!this.again) {
						this.admitting = false;
						return;
					}
					this.again = false;
					continue;
				}
				next = this.waiting.remove();
				next.holding = true;
				this.busy++;
			}
			next.granted.tryEmitEmpty();
		}
	}

}
