package dev.pipeliner.client.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * What the server said of a failure, as far as its answer said it: an error answer, an answer
 * {@code 200} with {@code success: false}, or the error of one item of a batch. Every part is
 * optional; the configured credentials never appear in it.
 *
 * @param code the API's error code ({@code code} on v100, {@code errorcode} on v1), or
 * {@code null}
 * @param name the error's name, such as {@code ERROR_ENTITY_VALIDATION} (v100), or {@code null}
 * @param message the server's message, or {@code null}
 * @param fieldErrors the messages of each field the server found invalid, by field name (v100's
 * {@code field_errors}); empty when it named none
 * @param entityErrors the messages about the entity as a whole, such as "already exists" (v100's
 * {@code entity_errors}); empty when there were none
 * @param entityIndex the position, in the items sent, of the item a batch failed on (v100's
 * {@code entity_index}), or {@code null}
 */
public record ServerError(@Nullable Integer code, @Nullable String name, @Nullable String message,
		Map<String, List<String>> fieldErrors, List<String> entityErrors, @Nullable Integer entityIndex) {

	/** An error of which the server said nothing. */
	public static final ServerError NONE = new ServerError(null, null, null, Map.of(), List.of(), null);

	public ServerError {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		Arguments.requireNonNull(fieldErrors, "fieldErrors").forEach((field, messages) -> fields.put(field, List.copyOf(messages)));
		fieldErrors = java.util.Collections.unmodifiableMap(fields);
		entityErrors = List.copyOf(entityErrors);
	}

	/**
	 * @param code the error code, or {@code null}
	 * @param message the message, or {@code null}
	 * @return an error of a code and a message alone
	 */
	public static ServerError of(@Nullable Integer code, @Nullable String message) {
		return new ServerError(code, null, message, Map.of(), List.of(), null);
	}

	/**
	 * @return what the server said, for a message: the name and message, then the field and
	 * entity errors; empty when it said nothing
	 */
	public String describe() {
		List<String> parts = new ArrayList<>();
		String text = ((this.name != null) ? this.name : "")
				+ ((this.name != null && this.message != null) ? ": " : "")
				+ ((this.message != null) ? this.message.strip() : "");
		if (!text.isEmpty()) {
			parts.add(text);
		}
		this.fieldErrors.forEach((field, messages) -> parts.add(field + ": " + String.join(" ", messages)));
		this.entityErrors.forEach(parts::add);
		return String.join("; ", parts);
	}

}
