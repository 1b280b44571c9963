package dev.pipeliner.client.internal.batching;

import java.util.EnumSet;
import java.util.Set;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.internal.arguments.Arguments;

/**
 * The batch flags a caller passes, checked before anything is sent: no nulls and no
 * contradiction (what a protocol can express, the protocol checks), and what they mean for the
 * batch engine: whether failing items are skipped, so that a batch may be split or streamed. Not
 * part of the public API.
 */
public final class Flags {

	private static final Set<BatchFlag> IGNORING = EnumSet.of(BatchFlag.IGNORE_ON_ERROR, BatchFlag.IGNORE_AND_RETURN_ERRORS);

	private Flags() {
	}

	/**
	 * @return the flags as a set
	 * @throws IllegalArgumentException naming {@code flags} when they cannot be sent
	 */
	public static Set<BatchFlag> check(BatchFlag[] flags) {
		Arguments.requireNonNull(flags, "flags");
		Set<BatchFlag> set = EnumSet.noneOf(BatchFlag.class);
		for (BatchFlag flag : flags) {
			set.add(Arguments.requireNonNull(flag, "flags"));
		}
		if (set.contains(BatchFlag.ROLLBACK_ON_ERROR) && set.size() > 1) {
			throw new IllegalArgumentException("flags: ROLLBACK_ON_ERROR contradicts " + set + "; leave it out");
		}
		return set;
	}

	/** @return whether failing items are skipped, so that the batch may be split */
	public static boolean ignoring(Set<BatchFlag> flags) {
		return flags.stream().anyMatch(IGNORING::contains);
	}

	/** @return the flags, if a stream of items may take them: they must skip failing items */
	public static Set<BatchFlag> requireIgnoring(Set<BatchFlag> flags) {
		if (!ignoring(flags)) {
			throw new IllegalArgumentException("flags: a stream of items cannot be all or nothing; pass IGNORE_ON_ERROR"
					+ " or IGNORE_AND_RETURN_ERRORS");
		}
		return flags;
	}

}
