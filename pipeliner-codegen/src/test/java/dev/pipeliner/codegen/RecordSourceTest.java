package dev.pipeliner.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sources the generator writes: their Javadoc carries the contract's facts, the Java names
 * follow from the wire names, and a contract that would give code that does not compile stops the
 * generation with a message naming the property.
 */
class RecordSourceTest {

	static final Path CONTRACT = Path.of("..", "contract", "pipeliner-v100.openapi.json");

	static final Map<String, String> SOURCES;

	static {
		try {
			SOURCES = V100Types.sources(Contract.read(CONTRACT));
			SOURCES.replaceAll((file, source) -> flat(source));
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@Test
	void theJavadocSaysWhatACreateRequiresWhatIsReadOnlyAndWhatComesFromADataSet() {
		assertThat(SOURCES.get("Contact.java")).contains("<li>Required on create: {@link #OWNER_ID owner_id}.</li>")
			.contains("/** {@code owner_id}: the id of a {@code Client}; the relation itself is {@link #OWNER owner};"
					+ " required on create; never null. */")
			.contains("/** {@code owner}: a {@code Client} it relates to: a URI, or the entity when a query expands it;"
					+ " its id is {@link #OWNER_ID owner_id}; in {@link #otherFields()}. */")
			.contains("@JsonProperty(Contact.LAST_NAME) @Nullable String lastName,");
		assertThat(SOURCES.get("Account.java"))
			.contains("<li>Values from a data set: {@link #CUSTOMER_TYPE_ID customer_type_id}, {@link #INDUSTRY_ID industry_id}.</li>")
			.contains("{@code industry_id}: the id of an option of a data set (a {@code Data} entry): its value comes from a"
					+ " data set");
		assertThat(SOURCES.get("Client.java")).contains("{@code first_name}: text; read-only; null when unset.");
		assertThat(SOURCES.get("Lead.java")).contains("{@code label_flag}: a bit mask of 1 ({@code Priority}), 2 ({@code Hot}),"
				+ " 4 ({@code Stalled}); null when unset.");
		assertThat(SOURCES.get("Opportunity.java"))
			.contains("public record Value(@JsonProperty(\"base_value\") BigDecimal baseValue,")
			.contains("baseValue = V100Records.present(baseValue, \"Opportunity.value\", \"base_value\");")
			.contains("\t\t/** {@code 3}, {@code Won} in the contract. */\n\t\tWON(3)");
	}

	@Test
	void everyRecordComesOutTheSameAgainAndNoCommentLineIsLong() throws IOException {
		Map<String, String> sources = V100Types.sources(Contract.read(CONTRACT));
		assertThat(sources).hasSize(21);
		sources.forEach((file, source) -> {
			assertThat(flat(source)).as(file + " again").isEqualTo(SOURCES.get(file));
			assertThat(source.lines().filter((line) -> line.strip().startsWith("*") && line.length() > 112)).as(file)
				.isEmpty();
		});
	}

	@Test
	void theRecordsUseNothingButJavaJacksonsAnnotationsAndJSpecify() {
		SOURCES.forEach((file, source) -> assertThat(source.lines().filter((line) -> line.startsWith("import ")))
			.as(file)
			.allMatch((line) -> line.matches("import (java\\.|com\\.fasterxml\\.jackson\\.annotation\\.|org\\.jspecify\\.annotations\\.).*"))
			.isNotEmpty());
		assertThat(SOURCES.values()).noneMatch((source) -> source.contains("dev.pipeliner.client.internal")
				|| source.contains("tools.jackson"));
	}

	@Test
	void javaNamesFollowFromTheWireNames() {
		assertThat(Names.constant("o365_entity_id")).isEqualTo("O365_ENTITY_ID");
		assertThat(Names.member("is_delete_protected")).isEqualTo("isDeleteProtected");
		assertThat(Names.type("user_recalculation_state")).isEqualTo("UserRecalculationState");
		assertThat(Names.enumConstant("EditorOrUnitManger")).isEqualTo("EDITOR_OR_UNIT_MANGER");
		assertThat(Names.enumConstant("ClassA")).isEqualTo("CLASS_A");
		assertThat(Names.enumConstant("CurrentAndParentAndSubunit")).isEqualTo("CURRENT_AND_PARENT_AND_SUBUNIT");
	}

	@Test
	void aFormTheGeneratorDoesNotKnowIsAnyJsonValue() {
		String source = RecordSource.of(only(entity("""
				{"type": "object", "x-pipeliner-collection": "Things", "required": ["id", "shape"],
				 "properties": {"id": {"type": "string", "format": "uuid"}, "shape": {"type": "polygon"},
				  "sizes": {"type": "array", "items": {"type": "integer"}, "nullable": true}}}""")));

		assertThat(source).contains("@JsonProperty(Thing.SHAPE) Object shape,")
			.contains("@JsonProperty(Thing.SIZES) @Nullable List<Integer> sizes,")
			.contains("shape = V100Records.present(shape, \"Thing\", \"shape\");");
	}

	@Test
	void namesThatJavaCannotHoldApartStopTheGeneration() {
		assertThatThrownBy(() -> V100Types.sources(Contract.parse(entity("""
				{"type": "object", "x-pipeliner-collection": "Things", "properties": {
				 "first_name": {"type": "string"}, "first-name": {"type": "string"}}}"""))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("contract: Thing: the record Thing would declare FIRST_NAME twice");
		assertThatThrownBy(() -> V100Types.sources(Contract.parse(entity("""
				{"type": "object", "x-pipeliner-collection": "Things", "properties": {"class": {"type": "string"}}}"""))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("contract: Thing: 'class' gives no Java name: class");
		assertThatThrownBy(() -> V100Types.sources(Contract.parse(entity("""
				{"type": "object", "x-pipeliner-collection": "Things", "properties": {"map": {"type": "string",
				 "enum": ["a", "b"]}}}"""))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("contract: Thing: the record Thing would declare Map twice");
	}

	/** @return the source with each comment on one line, as it is before the lines are broken */
	static String flat(String source) {
		return source.replaceAll("\\n\\s*\\*/", " */").replaceAll("/\\*\\*\\n\\s*\\* (?=[^@])", "/** ")
			.replaceAll("\\n\\s*\\* (?=[^@])", " ");
	}

	private static String entity(String schema) {
		return "{\"components\": {\"schemas\": {\"Thing\": " + schema + "}}}";
	}

	private static EntityType only(String contract) {
		return Contract.parse(contract).entities().get(0);
	}

}
