package dev.pipeliner.emulator.internal.v100;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One property of a v100 entity or input, as the contract states it: its JSON schema (which
 * validation reads), how its values compare, and the relation it stands for.
 * @param name the property name, such as {@code owner_id}
 * @param schema its schema in the contract, {@code $ref}s resolved at the top
 * @param kind how its values compare in filters and sorts
 * @param readOnly whether the contract marks it read-only
 * @param relation the relation it holds, or {@code null}
 */
record V100Property(String name, JsonNode schema, Kind kind, boolean readOnly, @Nullable Relation relation) {

	/** How values of a property compare. */
	enum Kind {

		/** Text, ids, URIs, dates and e-mail addresses: as text. */
		TEXT,

		/** Date-times: as instants. */
		DATE_TIME,

		/** Integers and numbers: as numbers. */
		NUMBER,

		/** {@code true} after {@code false}. */
		BOOLEAN,

		/** Arrays, objects and JSON values: as their JSON text; not sortable. */
		STRUCTURE

	}

	/**
	 * What a relation property points to.
	 * @param entity the related entity, such as {@code Client}
	 * @param collection its collection, such as {@code Clients}, or the entity when the contract names none
	 * @param idProperty for a URI, the {@code *_id} property that holds the related id, or {@code null}
	 * @param many whether the property is an array of relations
	 */
	record Relation(String entity, String collection, @Nullable String idProperty, boolean many) {

	}

	/** @return the kind of a property with this schema */
	static Kind kindOf(JsonNode schema) {
		if (schema.path("x-pipeliner-format").asString("").equals("date-time")) {
			return Kind.DATE_TIME;
		}
		return switch (schema.path("type").asString("")) {
			case "string" -> Kind.TEXT;
			case "integer", "number" -> Kind.NUMBER;
			case "boolean" -> Kind.BOOLEAN;
			default -> Kind.STRUCTURE;
		};
	}

	/** @return whether the property is a URI the service derives from the {@code *_id} next to it */
	boolean isUriOfId() {
		return this.relation != null && this.relation.idProperty() != null;
	}

	/** @return whether the property is an array of relations, answered as URIs */
	boolean isRelationList() {
		return this.relation != null && this.relation.many();
	}

	/** @return whether the property holds a single relation's URI, derived or not */
	boolean isUri() {
		return this.relation != null && !this.relation.many() && this.schema.path("format").asString("").equals("uri");
	}

	/**
	 * @return whether answers derive the value rather than store it: a relation's URI from its
	 * {@code *_id}, {@code primary_*} from the relation items, {@code formatted_name} from the names
	 */
	boolean isDerived() {
		return isUriOfId() || this.name.equals("formatted_name") || (isUri() && this.name.startsWith("primary_"));
	}

}
