package dev.pipeliner.emulator.internal.v100;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The times and ids of an emulator's v100 writes. Each write gets a time later than every
 * earlier one, by at least a microsecond (the precision of v100 date-times), so that a read in
 * the order of {@code modified} finds a changed entity after every entity it has read; and each
 * new entity an id that starts with that time, so that ids, the default order, grow with every
 * create, as the service's do. Thread-safe.
 */
final class V100Clock {

	private final Clock clock;

	private long lastMicros = Long.MIN_VALUE;

	V100Clock(Clock clock) {
		this.clock = clock;
	}

	/** @return the time of a write: now, or a microsecond after the last write when that is not earlier */
	synchronized Instant next() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.clock.instant());
		this.lastMicros = Math.max(micros, this.lastMicros + 1);
		return Instant.EPOCH.plus(this.lastMicros, ChronoUnit.MICROS);
	}

	/** @return a new id for an entity written at {@code time}, which {@link #next()} gave */
	static String newId(Instant time) {
		return id(time, ThreadLocalRandom.current().nextLong());
	}

	/**
	 * @param time the time the id starts with, to the microsecond
	 * @param low the bits that follow it
	 * @return a UUID whose first half is the time in microseconds, so that ids sort as their times
	 */
	static String id(Instant time, long low) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
		return String.format(Locale.ROOT, "%08x-%04x-%04x-%04x-%012x", micros >>> 32, (micros >>> 16) & 0xffff,
				micros & 0xffff, low >>> 48, low & 0xffff_ffff_ffffL);
	}

}
