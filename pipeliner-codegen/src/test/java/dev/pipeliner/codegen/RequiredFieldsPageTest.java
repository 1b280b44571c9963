package dev.pipeliner.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/v100-entities.md shows the table of required fields that the contract gives. With
 * {@code -Dpipeliner.docs.update=true} the test writes the table into the page instead.
 */
class RequiredFieldsPageTest {

	static final Path PAGE = Path.of("..", "docs", "v100-entities.md");

	@Test
	void thePageShowsTheTableOfTheContract() throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf(RequiredFieldsTable.START + "\n");
		int end = page.indexOf(RequiredFieldsTable.END);
		assertThat(start).as("the table's first marker in " + PAGE).isNotNegative();
		assertThat(end).as("the table's last marker in " + PAGE).isGreaterThan(start);
		int from = start + RequiredFieldsTable.START.length() + 1;
		String table = RequiredFieldsTable.of(V100Types.generated(Contract.read(RecordSourceTest.CONTRACT)));

		if (Boolean.getBoolean("pipeliner.docs.update")) {
			Files.writeString(PAGE, page.substring(0, from) + table + page.substring(end));
			return;
		}
		assertThat(page.substring(from, end))
			.as(PAGE + " is stale: run mvn -B -ntp -pl pipeliner-codegen test -Dpipeliner.docs.update=true")
			.isEqualTo(table);
	}

	@Test
	void theTableListsWhatACreateRequiresAndWhatComesFromADataSet() throws IOException {
		String table = RequiredFieldsTable.of(V100Types.generated(Contract.read(RecordSourceTest.CONTRACT)));

		assertThat(table).contains("| `Contact` | `Contacts` | `owner_id` | — | — |")
			.contains("| `Account` | `Accounts` | `name`, `owner_id` | `customer_type_id`, `industry_id` | — |")
			.contains("| `Opportunity` | `Opportunities` | `closing_date`, `name`, `owner_id`, `step_id`, `value` |"
					+ " `lead_source_id`, `reason_of_close_id` | `table_name`, `status` |")
			.doesNotContain("`Entity`", "`Activity`");
		assertThat(table.lines()).hasSize(2 + 21);
	}

}
