package dev.pipeliner.client;

import java.util.Set;

/**
 * The bits of the {@code flag} parameter of {@code setEntities} and {@code deleteEntities}.
 * Combine them by passing several; none means {@link #ROLLBACK_ON_ERROR}.
 */
public enum BatchFlag {

	/** Any error: nothing is processed, the batch rolls back, and the call fails with the error. */
	ROLLBACK_ON_ERROR(0),
	/** A failing item is skipped; the rest go on. */
	IGNORE_ON_ERROR(1),
	/** An update of an entity that does not exist inserts it instead (setEntities only). */
	INSERT_ON_UPDATE(2),
	/** The answer lists the ids that could not be deleted (deleteEntities only; use with {@link #IGNORE_ON_ERROR}). */
	GET_NO_DELETED_ID(4),
	/** Failing items are skipped and their errors come back in the answer, in their place. */
	IGNORE_AND_RETURN_ERRORS(8),
	/** Only the fields sent are validated (setEntities only). */
	VALIDATE_ONLY_UPDATED_FIELDS(256),
	/** Read-only custom fields may be written (setEntities only). */
	IGNORE_READONLY(512);

	private final int bit;

	BatchFlag(int bit) {
		this.bit = bit;
	}

	/** @return the flag's value in the bit mask */
	public int bit() {
		return this.bit;
	}

	/**
	 * @param flags the flags
	 * @return their bit mask, the value of the {@code flag} parameter
	 */
	public static int mask(Set<BatchFlag> flags) {
		int mask = 0;
		for (BatchFlag flag : flags) {
			mask |= flag.bit;
		}
		return mask;
	}

}
