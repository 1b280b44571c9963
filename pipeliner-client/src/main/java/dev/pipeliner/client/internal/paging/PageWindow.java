package dev.pipeliner.client.internal.paging;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import dev.pipeliner.client.internal.http.Throttling;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;


/**
 * How many page requests one offset read keeps ahead of its subscriber, adapted to what the read
 * sees, without a clock:
 * <ul>
 * <li>A page that arrives while the subscriber has asked for a page and none is ready means the
 * subscriber waits for the network: pages take longer than the subscriber takes to use them. The
 * window grows by one, up to its ceiling; after the server has throttled the read, by one per
 * window's worth of such pages.</li>
 * <li>A page that arrives while another already waits and the subscriber has not asked for it
 * means the subscriber is the slower side. The window shrinks by one, down to one.</li>
 * <li>A {@code 429} or {@code 503} answer ({@link Throttling}) halves the window, and the ceiling
 * drops below the window the server refused, for the rest of the read.</li>
 * </ul>
 * A page is requested only while fewer pages than the window are requested and not yet taken by
 * the subscriber, whether in flight or arrived, so a slow subscriber never holds more pages than
 * the ceiling. Counts are of
 * batches: a page together with the requests that fill it up when the server answered it short.
 * One instance serves one subscription. Not part of the public API.
 */
final class PageWindow implements Throttling.Listener {

	private int size;

	private int ceiling;

	/** Whether the server throttled this read, and the waits seen since the window last grew. */
	private boolean throttled;

	private int credit;

	/** Batches issued, arrived, asked for by the subscriber, and taken by it. */
	private long issued;

	private long arrived;

	private long requested;

	private long taken;

	/** How many offsets the source may still emit, as its subscriber asked. */
	private long demand;

	private final AtomicInteger wip = new AtomicInteger();

	private volatile @Nullable Gate gate;

	/**
	 * @param initial the window to start with
	 * @param max the ceiling, at least {@code initial}
	 */
	PageWindow(int initial, int max) {
		this.ceiling = Math.max(1, max);
		this.size = Math.max(1, Math.min(initial, this.ceiling));
	}

	/** @return how many batches may be issued and not taken at a time, now */
	synchronized int size() {
		return this.size;
	}

	/**
	 * The offsets to read, from {@code first} on by {@code stride} while below the bound, each
	 * emitted only once the window has room for it. Subscribe to it once.
	 */
	Flux<Long> offsets(long first, int stride, LongSupplier bound) {
		return Flux.create((sink) -> {
			Gate gate = new Gate(sink, first, stride, bound);
			this.gate = gate;
			sink.onRequest((n) -> {
				synchronized (this) {
					this.demand = add(this.demand, n);
				}
				gate.drain();
			});
		});
	}

	/** The subscriber asked for {@code n} more batches. */
	void requested(long n) {
		synchronized (this) {
			this.requested = add(this.requested, n);
		}
	}

	/** A batch arrived: grow or shrink, as the subscriber waits or lags. */
	void arrived() {
		synchronized (this) {
			boolean waiting = this.requested > this.taken;
			boolean ready = this.arrived > this.taken;
			this.arrived++;
			if (waiting && !ready) {
				this.credit++;
				if (this.credit >= (this.throttled ? this.size : 1)) {
					this.credit = 0;
					this.size = Math.min(this.ceiling, this.size + 1);
				}
			}
			else if (!waiting && ready) {
				this.credit = 0;
				this.size = Math.max(1, this.size - 1);
			}
		}
		drain();
	}

	/** The subscriber took a batch: room for another. */
	void taken() {
		synchronized (this) {
			this.taken++;
		}
		drain();
	}

	@Override
	public void throttled() {
		synchronized (this) {
			this.throttled = true;
			this.credit = 0;
			this.ceiling = Math.max(1, Math.min(this.ceiling, this.size - 1));
			this.size = Math.max(1, Math.min(this.ceiling, this.size / 2));
		}
	}

	private void drain() {
		Gate gate = this.gate;
		if (gate != null) {
			gate.drain();
		}
	}

	/** Whether another batch may be issued now; if so, it counts as issued. */
	private synchronized boolean tryIssue() {
		if (this.demand > 0 && this.issued - this.taken < this.size) {
			this.demand--;
			this.issued++;
			return true;
		}
		return false;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	/** Emits offsets as the window allows, from any thread, one emitter at a time. */
	private final class Gate {

		private final FluxSink<Long> sink;

		private final int stride;

		private final LongSupplier bound;

		private long next;

		private boolean done;

		Gate(FluxSink<Long> sink, long first, int stride, LongSupplier bound) {
			this.sink = sink;
			this.next = first;
			this.stride = stride;
			this.bound = bound;
		}

		void drain() {
			if (PageWindow.this.wip.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				while (!this.done) {
					if (this.next >= this.bound.getAsLong()) {
						this.done = true;
						this.sink.complete();
					}
					else if (tryIssue()) {
						long offset = this.next;
						this.next += this.stride;
						this.sink.next(offset);
					}
					else {
						break;
					}
				}
				missed = PageWindow.this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}

	}

}
