package dev.pipeliner.emulator.internal.v100;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A write that breaks the contract in one or more of its fields: answered {@code 422}
 * {@code ERROR_ENTITY_VALIDATION} with every problem in {@code field_errors}, as the service
 * reports all of an entity's field errors at once.
 */
final class V100Invalid extends RuntimeException {

	/**
	 * What is wrong with one field.
	 * @param field the property, such as {@code owner_id}
	 * @param missing whether it is required and null or empty ({@code ERROR_PARAMETER_MISSING}),
	 * rather than invalid ({@code ERROR_PARAMETER_INVALID})
	 * @param message what is wrong, naming the field
	 */
	record Problem(String field, boolean missing, String message) {

	}

	private final transient List<Problem> problems;

	private final @Nullable String entityId;

	/**
	 * @param problems what is wrong, at least one problem
	 * @param entityId the id of the entity written, which a create had given it, or {@code null}
	 */
	V100Invalid(List<Problem> problems, @Nullable String entityId) {
		super(problems.get(0).message() + ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more)" : ""), null,
				false, false);
		this.problems = List.copyOf(problems);
		this.entityId = entityId;
	}

	/** @return the id of the entity written, as the answer names it, or {@code null} */
	@Nullable String entityId() {
		return this.entityId;
	}

	/** @return every problem, in the order of the fields written */
	List<Problem> problems() {
		return this.problems;
	}

}
