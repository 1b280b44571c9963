package dev.pipeliner.codegen;

import org.jspecify.annotations.Nullable;

/**
 * One property of an entity (or of an object inside one) as the contract states it.
 * @param name the property's name on the wire, such as {@code owner_id}
 * @param shape what its value is
 * @param nullable whether a whole answer may hold {@code null} for it, or leave it out
 * @param readOnly whether the service refuses or ignores it in writes ({@code readOnly})
 * @param requiredOnCreate whether the entity's create input requires it
 * @param relation the entity it relates to, or {@code null}
 */
record Property(String name, Shape shape, boolean nullable, boolean readOnly, boolean requiredOnCreate,
		@Nullable Relation relation) {

	/**
	 * A relation to another entity ({@code x-pipeliner-relation}).
	 * @param entity the related entity, such as {@code Client}
	 * @param twin the property that holds the same relation in the other form: the id property of
	 * a URI, the URI property of an id; {@code null} when there is none
	 */
	record Relation(String entity, @Nullable String twin) {

		/** The entity whose entries are the options of data sets. */
		static final String DATA = "Data";

		/** @return whether the related entity is an option of a data set */
		boolean fromDataSet() {
			return DATA.equals(this.entity);
		}

	}

	/** @return whether the property becomes a record component (relations as URIs do not) */
	boolean isComponent() {
		return !(this.shape instanceof Shape.Link);
	}

	/** @return whether the property takes its value from a data set */
	boolean fromDataSet() {
		return this.relation != null && this.relation.fromDataSet();
	}

}
