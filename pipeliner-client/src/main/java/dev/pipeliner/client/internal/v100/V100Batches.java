package dev.pipeliner.client.internal.v100;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult.Outcome;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The v100 {@code batch-modify} and {@code batch-delete}: the flags as {@code rollback-method}
 * and {@code validation-level}, and the answer, one id or error object per item, in input order.
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

	/** One outcome per item: an id string is a success, an object is that item's error. */
	static BatchResult read(JsonNode data, List<@Nullable String> inputIds, URI uri) {
		if (data == null || !data.isArray() || data.size() != inputIds.size()) {
			throw new PipelinerDecodingException(Arguments.describe(uri) + " answered "
					+ ((data != null && data.isArray()) ? data.size() + " outcomes for " + inputIds.size() + " items"
							: "no list of outcomes"), null);
		}
		List<Outcome> outcomes = new ArrayList<>(inputIds.size());
		for (int i = 0; i < inputIds.size(); i++) {
			JsonNode item = data.get(i);
			if (item.isObject()) {
				String message = V100Errors.text(item.get("message"));
				String name = V100Errors.text(item.get("name"));
				Map<String, List<String>> fields = V100Errors.fieldErrors(item.get("field_errors"));
				String text = ((name != null) ? name + ": " : "") + ((message != null) ? message.strip() : "")
						+ (fields.isEmpty() ? "" : " " + fields);
				outcomes.add(Outcome.failed(i, inputIds.get(i), V100Errors.integer(item.get("code")), text.strip()));
			}
			else if (item.isString() && !item.stringValue().isBlank()) {
				outcomes.add(Outcome.succeeded(i, item.stringValue()));
			}
			else {
				outcomes.add(Outcome.unknown(i, inputIds.get(i)));
			}
		}
		return new BatchResult(outcomes);
	}

}
