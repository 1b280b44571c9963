package dev.pipeliner.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@code setEntities} or {@code deleteEntities} call: one {@link Outcome} per
 * item sent, in the order they were sent, so that no item goes unaccounted for.
 *
 * @param outcomes one outcome per input item, in input order
 */
public record BatchResult(List<Outcome> outcomes) {

	public BatchResult {
		outcomes = List.copyOf(outcomes);
	}

	/** What became of one item. */
	public enum Status {

		/** The server processed the item; {@link Outcome#id()} is the entity's id when it is known. */
		SUCCEEDED,
		/** The server reported that the item failed; the error code and message say why when it said. */
		FAILED,
		/**
		 * The server's answer did not say what became of the item (an {@link BatchFlag#IGNORE_ON_ERROR}
		 * batch whose answer does not line up with the input). Read the entity back to find out.
		 */
		UNKNOWN

	}

	/**
	 * What became of the item at {@code index}.
	 *
	 * @param index the item's position in the input, 0-based
	 * @param status what became of it
	 * @param id the id of the created, updated or deleted entity, if known
	 * @param errorCode the server's error code, for a failure it explained
	 * @param message the server's message, or a description of the failure
	 */
	public record Outcome(int index, Status status, @Nullable String id, @Nullable Integer errorCode,
			@Nullable String message) {

		public static Outcome succeeded(int index, @Nullable String id) {
			return new Outcome(index, Status.SUCCEEDED, id, null, null);
		}

		public static Outcome failed(int index, @Nullable String id, @Nullable Integer errorCode,
				@Nullable String message) {
			return new Outcome(index, Status.FAILED, id, errorCode, message);
		}

		public static Outcome unknown(int index, @Nullable String id) {
			return new Outcome(index, Status.UNKNOWN, id, null, "the server's answer did not account for this item");
		}

		/** @return whether the item succeeded */
		public boolean isSuccess() {
			return this.status == Status.SUCCEEDED;
		}

	}

	/** @return how many items were sent */
	public int size() {
		return this.outcomes.size();
	}

	/** @return whether every item succeeded */
	public boolean allSucceeded() {
		return this.outcomes.stream().allMatch(Outcome::isSuccess);
	}

	/** @return the outcomes of the items that did not succeed, in input order */
	public List<Outcome> failures() {
		return this.outcomes.stream().filter((outcome) -> !outcome.isSuccess()).toList();
	}

	/** @return the ids of the items that succeeded, in input order */
	public List<String> ids() {
		return this.outcomes.stream().filter(Outcome::isSuccess).map(Outcome::id).toList();
	}

}
