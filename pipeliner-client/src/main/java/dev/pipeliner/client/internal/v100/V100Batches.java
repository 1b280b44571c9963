package dev.pipeliner.client.internal.v100;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult.Outcome;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.ServerError;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The v100 {@code batch-modify} and {@code batch-delete}: the flags as {@code rollback-method}
 * and {@code validation-level}, and the answer, one id, entity or error object per item.
 * Not part of the public API.
 */
final class V100Batches {

	private V100Batches() {
	}

	/**
	 * @return the query parameters the flags stand for
	 * @throws IllegalArgumentException for a flag that has no v100 meaning
	 */
	static Map<String, String> parameters(Set<BatchFlag> flags, boolean delete) {
		int validation = 0;
		boolean onlyFailed = false;
		for (BatchFlag flag : flags) {
			switch (flag) {
				case ROLLBACK_ON_ERROR -> { }
				case IGNORE_ON_ERROR, IGNORE_AND_RETURN_ERRORS -> onlyFailed = true;
				case VALIDATE_ONLY_UPDATED_FIELDS -> validation |= requireWrite(flag, delete, 2);
				case IGNORE_READONLY -> validation |= requireWrite(flag, delete, 8);
				default -> throw new IllegalArgumentException("flags: " + flag + " has no meaning in the v100 API, whose"
						+ " batches take rollback-method and validation-level only");
			}
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		if (onlyFailed) {
			parameters.put("rollback-method", "1");
		}
		if (validation != 0) {
			parameters.put("validation-level", Integer.toString(validation));
		}
		return parameters;
	}

	private static int requireWrite(BatchFlag flag, boolean delete, int bit) {
		if (delete) {
			throw new IllegalArgumentException("flags: " + flag + " does not apply to deleteEntities");
		}
		return bit;
	}

	/**
	 * One outcome per item. An item of the answer is an error when it has the error's shape
	 * ({@link V100Errors#isError}); otherwise an id, or an entity with an {@code id}, is a
	 * success. An update answered with another entity's id is {@code UNKNOWN}. A delete is matched
	 * by id: answered in another order, each outcome stays on its own item, and an item whose id
	 * the answer does not name (it names a foreign one, say) is {@code UNKNOWN}.
	 * @param redact takes the credentials out of what the server said
	 */
	static BatchResult read(@Nullable JsonNode data, List<@Nullable String> inputIds, boolean delete, URI uri,
			UnaryOperator<ServerError> redact) {
		if (data == null || !data.isArray() || (!delete && data.size() != inputIds.size())) {
			throw new PipelinerDecodingException(Arguments.describe(uri) + " answered "
					+ ((data != null && data.isArray()) ? data.size() + " outcomes for " + inputIds.size() + " items"
							: "no list of outcomes"), null);
		}
		if (delete && !inOrder(data, inputIds)) {
			return byId(data, inputIds, redact);
		}
		List<Outcome> outcomes = new ArrayList<>(inputIds.size());
		for (int i = 0; i < inputIds.size(); i++) {
			outcomes.add(outcome(i, data.get(i), inputIds.get(i), redact));
		}
		return new BatchResult(outcomes);
	}

	private static Outcome outcome(int index, JsonNode item, @Nullable String inputId, UnaryOperator<ServerError> redact) {
		if (V100Errors.isError(item)) {
			return Outcome.failed(index, inputId, redact.apply(V100Errors.read(item)));
		}
		String id = idOf(item);
		if (id == null) {
			return Outcome.unknown(index, inputId);
		}
		if (inputId != null && !inputId.equals(id)) {
			return Outcome.unknown(index, inputId, "the server answered the id " + Arguments.quote(id) + " for this item");
		}
		return Outcome.succeeded(index, id);
	}

	/** Whether a delete's answer names each item's id in its place, errors aside. */
	private static boolean inOrder(JsonNode data, List<@Nullable String> inputIds) {
		if (data.size() != inputIds.size()) {
			return false;
		}
		for (int i = 0; i < inputIds.size(); i++) {
			JsonNode item = data.get(i);
			if (!V100Errors.isError(item) && !Objects.equals(idOf(item), inputIds.get(i))) {
				return false;
			}
		}
		return true;
	}

	/** A delete answered out of order: each item by its id, an error by the {@code entity_id} it names. */
	private static BatchResult byId(JsonNode data, List<@Nullable String> inputIds, UnaryOperator<ServerError> redact) {
		Set<String> deleted = new HashSet<>();
		Map<String, JsonNode> errors = new HashMap<>();
		for (JsonNode item : data) {
			if (V100Errors.isError(item)) {
				String entity = V100Errors.text(item.get("entity_id"));
				if (entity != null) {
					errors.putIfAbsent(entity, item);
				}
			}
			else if (idOf(item) != null) {
				deleted.add(idOf(item));
			}
		}
		List<Outcome> outcomes = new ArrayList<>(inputIds.size());
		for (int i = 0; i < inputIds.size(); i++) {
			String id = inputIds.get(i);
			JsonNode error = (id != null) ? errors.get(id) : null;
			outcomes.add((id != null && deleted.contains(id)) ? Outcome.succeeded(i, id)
					: (error != null) ? Outcome.failed(i, id, redact.apply(V100Errors.read(error))) : Outcome.unknown(i, id));
		}
		return new BatchResult(outcomes);
	}

	/** The id an item names: a text, or the {@code id} of an entity. */
	private static @Nullable String idOf(JsonNode item) {
		String id = item.isObject() ? V100Errors.text(item.get("id")) : item.isString() ? item.stringValue() : null;
		return (id != null && !id.isBlank()) ? id : null;
	}

}
