package dev.pipeliner.codegen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of docs/v100-entities.md that lists, for each generated record, what a create
 * requires, which properties take their values from a data set, and which are read-only besides
 * the system properties. The page holds it between two markers, and a test fails when it is not
 * the table the contract gives.
 */
final class RequiredFieldsTable {

	/** The line before the table on the page. */
	static final String START = "<!-- generated from the contract: the required fields of each entity -->";

	/** The line after the table on the page. */
	static final String END = "<!-- end of the generated table -->";

	private RequiredFieldsTable() {
	}

	/** @return the table, in Markdown, one line per entity, with a final line break */
	static String of(List<EntityType> entities) {
		StringBuilder table = new StringBuilder()
			.append("| Type | Collection | Required on create | Values from a data set | Read-only besides ")
			.append(EntityType.SYSTEM.stream().map((name) -> "`" + name + "`").collect(Collectors.joining(", ")))
			.append(" |\n|---|---|---|---|---|\n");
		for (EntityType entity : entities) {
			table.append("| `").append(entity.name()).append("` | `").append(entity.collection()).append("` | ")
				.append(cell(entity.requiredOnCreate())).append(" | ").append(cell(entity.fromDataSet())).append(" | ")
				.append(cell(entity.readOnlyBesidesSystem())).append(" |\n");
		}
		return table.toString();
	}

	private static String cell(List<String> names) {
		return names.isEmpty() ? "—" : names.stream().map((name) -> "`" + name + "`").collect(Collectors.joining(", "));
	}

}
