package dev.pipeliner.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows between the client's packages, as docs/architecture.md draws them: they run one way,
 * from the facade through the protocols and engines down to HTTP and the argument checks.
 */
class ArchitectureTest {

	private static final String INTERNAL = "dev.pipeliner.client.internal.";

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.pipeliner.client");
	}

	@Test
	void theImplementationPackagesFormNoCycle() {
		slices().matching("dev.pipeliner.client.internal.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theArgumentChecksUseNoOtherPartOfTheClient() {
		noClasses().that().resideInAPackage(INTERNAL + "arguments..")
			.should().dependOnClassesThat().resideInAnyPackage("dev.pipeliner.client", "dev.pipeliner.client.error..",
					"dev.pipeliner.client.query..", "dev.pipeliner.client.observation..", INTERNAL + "http..",
					INTERNAL + "paging..", INTERNAL + "batching..", INTERNAL + "observation..", INTERNAL + "protocol..",
					INTERNAL + "v1..", INTERNAL + "v100..")
			.check(classes);
	}

	@Test
	void httpKnowsNoProtocolAndNoEngine() {
		noClasses().that().resideInAPackage(INTERNAL + "http..")
			.should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "protocol..", INTERNAL + "v1..",
					INTERNAL + "v100..", INTERNAL + "paging..", INTERNAL + "batching..", INTERNAL + "observation..")
			.check(classes);
	}

	@Test
	void theEnginesKnowNothingOfTheWire() {
		noClasses().that().resideInAnyPackage(INTERNAL + "paging..", INTERNAL + "batching..", INTERNAL + "observation..")
			.should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "protocol..", INTERNAL + "v1..",
					INTERNAL + "v100..")
			.check(classes);
	}

	@Test
	void theProtocolsKnowNeitherEachOtherNorTheEngines() {
		noClasses().that().resideInAPackage(INTERNAL + "v1..")
			.should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "v100..", INTERNAL + "paging..",
					INTERNAL + "batching..", INTERNAL + "observation..")
			.check(classes);
		noClasses().that().resideInAPackage(INTERNAL + "v100..")
			.should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "v1..", INTERNAL + "paging..",
					INTERNAL + "batching..", INTERNAL + "observation..")
			.check(classes);
		noClasses().that().resideInAPackage(INTERNAL + "protocol..")
			.should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "v1..", INTERNAL + "v100..")
			.check(classes);
	}

	@Test
	void theSyncStandsOnThePublicApiAlone() {
		noClasses().that().resideInAPackage("dev.pipeliner.client.sync..")
			.should().dependOnClassesThat().resideInAPackage("dev.pipeliner.client.internal..")
			.check(classes);
	}

	@Test
	void onlyTheFacadeUsesTheImplementation() {
		noClasses().that().resideInAPackage("dev.pipeliner.client.internal..")
			.should().dependOnClassesThat().haveFullyQualifiedName(PipelinerClient.class.getName())
			.orShould().dependOnClassesThat().haveFullyQualifiedName(PipelinerClientBuilder.class.getName())
			.orShould().dependOnClassesThat().haveFullyQualifiedName(BlockingPipelinerClient.class.getName())
			.check(classes);
	}

}
