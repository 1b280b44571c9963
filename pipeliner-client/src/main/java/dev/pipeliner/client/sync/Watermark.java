package dev.pipeliner.client.sync;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The checkpoint of one read as it goes: the instant before which every change has been handed
 * over. A page read when the server's clock said {@code t} shows every change whose
 * {@code modified} is at most {@code t - overlap}, if changes become visible within the overlap;
 * one that is not yet visible can only be later than that. The read started at {@code start} by
 * the application's clock, so every page was read at {@code start} or later, and a change missed
 * by the read is no earlier than {@code start - overlap}, or than the last {@code modified} read
 * minus the overlap. The checkpoint never goes back.
 */
final class Watermark {

	private final @Nullable Instant from;

	private final Instant start;

	private final Duration overlap;

	private @Nullable Instant latest;

	/**
	 * @param from the checkpoint the read started from
	 * @param start when the read started, by the application's clock
	 * @param overlap how long a change may take to become visible, the difference between the
	 * server's clock and the application's included
	 */
	Watermark(@Nullable Instant from, Instant start, Duration overlap) {
		this.from = from;
		this.start = start;
		this.overlap = overlap;
	}

	/**
	 * @param modified the {@code modified} time of an entity just read
	 */
	void read(Instant modified) {
		Instant latest = this.latest;
		if (latest == null || modified.isAfter(latest)) {
			this.latest = modified;
		}
	}

	/** @return the checkpoint after what was read so far, the read not being over */
	SyncCheckpoint afterPage() {
		Instant latest = this.latest;
		if (latest == null) {
			return new SyncCheckpoint(this.from);
		}
		return atLeastFrom(min(latest, this.start).minus(this.overlap));
	}

	/**
	 * @return the checkpoint after a read that went to the end: every change made before its start
	 * (less the overlap) was visible to it
	 */
	SyncCheckpoint atEnd() {
		return atLeastFrom(this.start.minus(this.overlap));
	}

	private SyncCheckpoint atLeastFrom(Instant candidate) {
		Instant from = this.from;
		return new SyncCheckpoint((from != null && from.isAfter(candidate)) ? from : candidate);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
