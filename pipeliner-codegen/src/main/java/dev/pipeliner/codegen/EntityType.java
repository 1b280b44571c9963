package dev.pipeliner.codegen;

import java.util.List;

/**
 * One entity of the contract: an entity schema with {@code x-pipeliner-collection}.
 * @param name the entity's name, such as {@code Contact}; the generated record's name
 * @param collection its collection, such as {@code Contacts}
 * @param properties its properties, in the contract's order
 * @param requiredOnCreate what its create input requires, in the contract's order; empty when the
 * collection takes no creates
 */
record EntityType(String name, String collection, List<Property> properties, List<String> requiredOnCreate) {

	/** The properties every entity has and the service keeps: no application writes them. */
	static final List<String> SYSTEM = List.of("id", "is_deleted", "is_delete_protected", "created", "modified",
			"revision");

	/** @return the names of the properties whose values come from a data set */
	List<String> fromDataSet() {
		return this.properties.stream().filter((property) -> property.fromDataSet() && property.isComponent())
			.map(Property::name).toList();
	}

	/** @return the names of the read-only properties other than the {@link #SYSTEM system} ones */
	List<String> readOnlyBesidesSystem() {
		return this.properties.stream().filter((property) -> property.readOnly() && !SYSTEM.contains(property.name()))
			.map(Property::name).toList();
	}

}
