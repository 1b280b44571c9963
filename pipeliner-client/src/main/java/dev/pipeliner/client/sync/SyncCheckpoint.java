package dev.pipeliner.client.sync;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Where an incremental sync goes on from: every change with a {@code modified} time before
 * {@link #from()} has been handed to the application. A small value to store between runs, as
 * the string of {@link #toString()} (read back with {@link #parse(String)}) or in its
 * {@link Serializable} form.
 * <p>
 * The string is versioned: {@code 1:2024-05-06T14:00:02.512345Z}, or {@code 1:start} for a sync
 * that has read nothing yet. Later releases read every form earlier ones wrote.
 * @param from the instant from which the next read starts, or {@code null} to read the whole
 * collection
 */
public record SyncCheckpoint(@Nullable Instant from) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The version of the string form that {@link #toString()} writes. */
	private static final String VERSION = "1";

	private static final String START = "start";

	/** @return the checkpoint of a sync that has read nothing yet: the next read reads everything */
	public static SyncCheckpoint start() {
		return new SyncCheckpoint(null);
	}

	/**
	 * @param from the instant from which to read; every change before it is taken as read
	 * @return the checkpoint
	 * @throws IllegalArgumentException if {@code from} is {@code null}
	 */
	public static SyncCheckpoint from(Instant from) {
		if (from == null) {
			throw new IllegalArgumentException("from must not be null; use SyncCheckpoint.start() to read everything");
		}
		return new SyncCheckpoint(from);
	}

	/**
	 * Reads a checkpoint that {@link #toString()} wrote, by this release or an earlier one.
	 * @param value the stored string
	 * @return the checkpoint
	 * @throws IllegalArgumentException if {@code value} is not a checkpoint's string
	 */
	public static SyncCheckpoint parse(String value) {
		if (value == null) {
			throw new IllegalArgumentException("value must not be null");
		}
		int colon = value.indexOf(':');
		if (colon < 0 || !VERSION.equals(value.substring(0, colon))) {
			throw new IllegalArgumentException("value is not a sync checkpoint: it must start with '" + VERSION
					+ ":', as SyncCheckpoint.toString() writes it (" + describe(value) + ")");
		}
		String rest = value.substring(colon + 1);
		if (START.equals(rest)) {
			return start();
		}
		try {
			return new SyncCheckpoint(Instant.parse(rest));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("value is not a sync checkpoint: '" + START
					+ "' or an ISO-8601 instant must follow '" + VERSION + ":' (" + describe(value) + ")", ex);
		}
	}

	private static String describe(String value) {
		return (value.length() <= 40) ? "'" + value + "'" : "'" + value.substring(0, 40) + "…', " + value.length()
				+ " characters";
	}

	/** @return the stored form, such as {@code 1:2024-05-06T14:00:02.512345Z}; {@link #parse} reads it */
	@Override
	public String toString() {
		Instant from = this.from;
		return VERSION + ":" + ((from != null) ? from.toString() : START);
	}

}
