package dev.pipeliner.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Javadoc of a generated constant or component says about its property: what the value
 * is, the relation it stands for, and whether it is required on create, read-only, or never null.
 * One place for these sentences, so that the constant and the component say the same.
 */
final class Facts {

	private Facts() {
	}

	/**
	 * @param property the property
	 * @param typeName the Java name of the nested type the property has, if any
	 * @param links whether the text may link to the record's constants (not so in nested records)
	 * @return a Javadoc fragment without a leading capital or a final period
	 */
	static String of(Property property, String typeName, boolean links) {
		StringBuilder text = new StringBuilder(value(property, typeName));
		Property.Relation relation = property.relation();
		if (relation != null && relation.twin() != null && links) {
			String twin = relation.twin();
			text.append(property.isComponent() ? "; the relation itself is " : "; its id is ")
				.append(link(twin));
		}
		List<String> marks = new ArrayList<>();
		if (property.requiredOnCreate()) {
			marks.add("required on create");
		}
		if (property.readOnly()) {
			marks.add("read-only");
		}
		if (!property.isComponent()) {
			marks.add(links ? "in {@link #otherFields()}" : "in the other fields");
		}
		else {
			marks.add(property.nullable() ? "null when unset" : "never null");
		}
		return text.append("; ").append(String.join("; ", marks)).toString();
	}

	/** @return {@code {@link #OWNER_ID owner_id}} */
	static String link(String property) {
		return "{@link #" + Names.constant(property) + " " + property + "}";
	}

	private static String value(Property property, String typeName) {
		Property.Relation relation = property.relation();
		Shape shape = property.shape();
		if (shape instanceof Shape.Link link) {
			String target = (relation != null) ? relation.entity() : "entity";
			String what = (relation != null && relation.fromDataSet()) ? "the data set options (" + code(target) + ")"
					: (link.many() ? "the " + code(target) + " entries" : article(target) + " " + code(target));
			return link.many() ? what + " it relates to: a list of URIs, or of the entities when a query expands it"
					: what + " it relates to: a URI, or the entity when a query expands it";
		}
		if (shape instanceof Shape.Value value && value.kind() == Shape.Kind.ID && relation != null) {
			return relation.fromDataSet()
					? "the id of an option of a data set (a " + code(relation.entity()) + " entry): its value comes from a data set"
					: "the id of " + article(relation.entity()) + " " + code(relation.entity());
		}
		return what(shape, typeName);
	}

	private static String what(Shape shape, String typeName) {
		if (shape instanceof Shape.Value value) {
			return switch (value.kind()) {
				case TEXT -> "text";
				case ID -> "an id";
				case URI -> "a URI";
				case DATE_TIME -> "a date-time";
				case DATE -> "a date";
				case BOOLEAN -> "{@code true} or {@code false}";
				case INTEGER, LONG -> "a whole number";
				case DECIMAL -> "a decimal";
				case JSON -> "any JSON value: a map, a list, a text, a number or a boolean";
				case JSON_OBJECT -> "a JSON object, as a map";
			};
		}
		if (shape instanceof Shape.IntEnum enumeration) {
			return enumeration.names().isEmpty() ? "one of " + enumeration.values().stream().map(String::valueOf)
				.collect(Collectors.joining(", ")) : "one of {@link " + typeName + "}";
		}
		if (shape instanceof Shape.TextEnum) {
			return "one of {@link " + typeName + "}";
		}
		if (shape instanceof Shape.Flags flags) {
			return "a bit mask of " + flags.flags().entrySet().stream()
				.map((Map.Entry<String, Integer> flag) -> flag.getValue() + " (" + code(flag.getKey()) + ")")
				.collect(Collectors.joining(", "));
		}
		if (shape instanceof Shape.Nested) {
			return "a {@link " + typeName + "}";
		}
		if (shape instanceof Shape.ListOf list) {
			return "a list, each " + what(list.element(), typeName);
		}
		return "a relation";
	}

	static String code(String text) {
		return "{@code " + text + "}";
	}

	/** @return "a" or "an", as the word needs */
	static String article(String word) {
		return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
	}

}
