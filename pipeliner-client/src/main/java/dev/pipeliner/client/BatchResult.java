package dev.pipeliner.client;

import java.util.List;
import java.util.Map;

import dev.pipeliner.client.error.ServerError;
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
		/** The server reported that the item failed; {@link Outcome#error()} says why when it said. */
		FAILED,
		/**
		 * The server's answer did not say what became of the item: it does not line up with the
		 * input, names another entity than the one sent, or never came. Read the entity back to
		 * find out.
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
	 * @param error everything the server said of a failure, field and entity errors included, or
	 * {@code null} when it said nothing of this item
	 */
	public record Outcome(int index, Status status, @Nullable String id, @Nullable Integer errorCode,
			@Nullable String message, @Nullable ServerError error) {

		/** An outcome without the server's error. */
		public Outcome(int index, Status status, @Nullable String id, @Nullable Integer errorCode,
				@Nullable String message) {
			this(index, status, id, errorCode, message, null);
		}

		public static Outcome succeeded(int index, @Nullable String id) {
			return new Outcome(index, Status.SUCCEEDED, id, null, null);
		}

		public static Outcome failed(int index, @Nullable String id, @Nullable Integer errorCode,
				@Nullable String message) {
			return failed(index, id, ServerError.of(errorCode, message));
		}

		/**
		 * @param error what the server said of the item
		 * @return a failure; its message is the server's, or, when it gave none, the field and entity
		 * errors
		 */
		public static Outcome failed(int index, @Nullable String id, ServerError error) {
			String message = (error.message() != null) ? error.message()
					: (error.describe().isEmpty() ? null : error.describe());
			return new Outcome(index, Status.FAILED, id, error.code(), message, error);
		}

		public static Outcome unknown(int index, @Nullable String id) {
			return unknown(index, id, "the server's answer did not account for this item");
		}

		/** @param why what the answer said instead, for the message */
		public static Outcome unknown(int index, @Nullable String id, String why) {
			return new Outcome(index, Status.UNKNOWN, id, null, why);
		}

		/** @return whether the item succeeded */
		public boolean isSuccess() {
			return this.status == Status.SUCCEEDED;
		}

		/** @return this outcome at another index, for an item counted from elsewhere in the input */
		public Outcome at(int index) {
			return new Outcome(index, this.status, this.id, this.errorCode, this.message, this.error);
		}

		/**
		 * @return the messages of each field the server found invalid in this item, by field name;
		 * empty when it named none
		 */
		public Map<String, List<String>> fieldErrors() {
			return (this.error != null) ? this.error.fieldErrors() : Map.of();
		}

		/**
		 * @return the messages about this item as a whole, such as "already exists"; empty when
		 * there were none
		 */
		public List<String> entityErrors() {
			return (this.error != null) ? this.error.entityErrors() : List.of();
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
