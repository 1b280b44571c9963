package dev.pipeliner.client.internal.v1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult.Outcome;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.error.ServerError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answer of {@code setEntities} and {@code deleteEntities} into one outcome per input
 * item, in input order.
 * <ul>
 * <li>An array as long as the input lines up item by item: an id, or an error object
 * {@code {"errorcode":n,"message":"…"}} in the place of a failed item
 * ({@link BatchFlag#IGNORE_AND_RETURN_ERRORS}).</li>
 * <li>With {@link BatchFlag#GET_NO_DELETED_ID} the array lists the ids that were not deleted.</li>
 * <li>Any other answer (the order and length of batch answers is not documented): items whose id
 * the answer names succeeded. Of the others, in an all-or-nothing batch (no ignore flag) a 2xx
 * answer means they succeeded; in a batch that skips failures, their fate is
 * {@link BatchResult.Status#UNKNOWN}.</li>
 * </ul>
 * Not part of the public API.
 */
final class V1Batches {

	private static final int IGNORING = BatchFlag.IGNORE_ON_ERROR.bit() | BatchFlag.IGNORE_AND_RETURN_ERRORS.bit();

	private V1Batches() {
	}

	/**
	 * @param answer the answer body, or {@code null} when it was empty
	 * @param inputIds the id of each input item, {@code null} for an item without one (a create)
	 * @param mask the flags sent
	 * @param delete whether this answers {@code deleteEntities}
	 * @param redact takes the credentials out of what the server said
	 */
	static BatchResult read(@Nullable JsonNode answer, List<@Nullable String> inputIds, int mask, boolean delete,
			UnaryOperator<ServerError> redact) {
		int size = inputIds.size();
		List<Outcome> outcomes = new ArrayList<>(size);
		if (delete && (mask & BatchFlag.GET_NO_DELETED_ID.bit()) != 0) {
			Set<String> notDeleted = scalarTexts(answer);
			for (int i = 0; i < size; i++) {
				String id = inputIds.get(i);
				outcomes.add(notDeleted.contains(id) ? Outcome.failed(i, id, null, "not deleted")
						: Outcome.succeeded(i, id));
			}
			return new BatchResult(outcomes);
		}
		if (answer != null && answer.isArray() && answer.size() == size) {
			for (int i = 0; i < size; i++) {
				outcomes.add(outcome(i, answer.get(i), inputIds.get(i), redact));
			}
			return new BatchResult(outcomes);
		}
		Set<String> answered = scalarTexts(answer);
		boolean allOrNothing = (mask & IGNORING) == 0;
		for (int i = 0; i < size; i++) {
			String id = inputIds.get(i);
			outcomes.add((allOrNothing || (id != null && answered.contains(id))) ? Outcome.succeeded(i, id)
					: Outcome.unknown(i, id));
		}
		return new BatchResult(outcomes);
	}

	private static Outcome outcome(int index, JsonNode element, @Nullable String inputId,
			UnaryOperator<ServerError> redact) {
		String id;
		if (element.isObject()) {
			JsonNode code = element.get("errorcode");
			JsonNode message = element.get("message");
			if (code != null || message != null) {
				return Outcome.failed(index, inputId, redact.apply(ServerError.of(V1Errors.errorCode(element),
						(message != null && !message.isNull()) ? message.asString() : null)));
			}
			JsonNode answered = element.get("ID");
			id = (answered != null && answered.isValueNode() && !answered.isNull()) ? answered.asString() : null;
		}
		else {
			id = (element.isNull() || element.isContainer()) ? null : element.asString();
		}
		if (id == null || id.isBlank()) {
			return Outcome.unknown(index, inputId);
		}
		if (inputId != null && !inputId.equals(id)) {
			return Outcome.unknown(index, inputId, "the server answered the id '" + id + "' for this item");
		}
		return Outcome.succeeded(index, id);
	}

	private static Set<String> scalarTexts(@Nullable JsonNode answer) {
		Set<String> texts = new HashSet<>();
		if (answer != null && answer.isArray()) {
			for (JsonNode element : answer) {
				if (element.isValueNode() && !element.isNull()) {
					texts.add(element.asString());
				}
			}
		}
		return texts;
	}

}
