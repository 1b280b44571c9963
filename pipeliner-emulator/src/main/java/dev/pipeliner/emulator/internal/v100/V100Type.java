package dev.pipeliner.emulator.internal.v100;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One v100 collection as the contract describes it: the properties of its entities, in the order
 * answers carry them, and what its create and update inputs accept and require. Immutable.
 * @param entity the singular, such as {@code Contact}
 * @param collection the plural under {@code /entities/}, such as {@code Contacts}
 * @param operations what the contract has for it: {@code list}, {@code get}, {@code create},
 * {@code update}, {@code delete}, {@code batch-modify}, {@code batch-delete}
 * @param properties every property of its entities, in the contract's order, and then the
 * emulator's own custom fields
 * @param create the create input, or {@code null} when the collection cannot be created in
 * @param update the update input, or {@code null}
 * @param custom the names of the emulator's own custom fields among {@code properties}
 */
record V100Type(String entity, String collection, Set<String> operations, Map<String, V100Property> properties,
		@Nullable Input create, @Nullable Input update, Set<String> custom) {

	/**
	 * What a write accepts.
	 * @param properties the properties it may carry
	 * @param required the properties it must carry, not null and not empty
	 */
	record Input(Map<String, V100Property> properties, List<String> required) {

	}

	/** @return the property of this name, or {@code null} */
	@Nullable V100Property property(String name) {
		return this.properties.get(name);
	}

	/** @return whether the contract has the operation for this collection */
	boolean has(String operation) {
		return this.operations.contains(operation);
	}

	/** @return what a create requires, the properties every stored entity has a value for */
	List<String> required() {
		return (this.create != null) ? this.create.required() : List.of();
	}

}
