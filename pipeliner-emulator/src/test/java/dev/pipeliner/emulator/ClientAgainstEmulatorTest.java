package dev.pipeliner.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The client's integration suite on the v1 API, and what only v1 has: its metadata endpoints,
 * error codes, the GET_NO_DELETED_ID flag and several team pipelines.
 */
class ClientAgainstEmulatorTest extends ClientAgainstEmulatorSuite {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(
			PipelinerEmulator.builder().teamPipeline("eu_Demo", Seed.DEMO).teamPipeline("us_Empty", Seed.EMPTY));

	record Account(@JsonProperty("ID") String id, @JsonProperty("ORGANIZATION") String organization,
			@JsonProperty("OWNER_ID") long ownerId) {
	}

	@Override
	PipelinerEmulator emulator() {
		return pipeliner.get();
	}

	@Override
	Names names() {
		return Names.V1;
	}

	@Override
	String missingId() {
		return "PY-7FFFFFFF-GONE";
	}

	@Test
	void metadata() {
		assertThat(this.client.getCollections().block()).hasSize(33).contains("Contacts");
		assertThat(this.client.getEntityPublic().block()).containsEntry("ReasonOfCloses", "ReasonOfClose");
		assertThat(this.client.getErrorCodes().block()).containsEntry(1003, "Entity not found");
		List<FieldInfo> fields = this.client.getFields("Accounts").block();
		assertThat(fields).filteredOn(FieldInfo::required)
			.extracting(FieldInfo::apiName)
			.containsExactly("ORGANIZATION", "OWNER_ID", "SALES_UNIT_ID");
		assertThat(this.client.getFields("Contact", Query.filter(Filter.eq("CUSTOM", true))).block())
			.extracting(FieldInfo::apiName)
			.containsExactly("cf_preferred_channel");
		assertThat(this.client.getServerApiUtcDateTime().block()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
		assertThat(this.client.getTeamPipelineUrl().block()).isEqualTo(URI.create(emulator().getUrl()));
		assertThat(this.client.getTeamPipelineVersion().block()).isEqualTo(15);
	}

	@Test
	void entitiesMapOntoRecords() {
		EntityPage<Account> page = this.client
			.getEntities("Account", Query.all().sort(Sort.asc("ORGANIZATION")).limit(5), Account.class)
			.block();
		assertThat(page.items()).extracting(Account::organization).first().isEqualTo("Acme Ltd");
		assertThat(page.items()).extracting(Account::ownerId).allMatch((id) -> id > 0);
	}

	@Test
	void errorsCarryTheV1Codes() {
		assertThatThrownBy(() -> this.client.getEntity("Account", missingId()).block())
			.isInstanceOfSatisfying(PipelinerNotFoundException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(1003));
		BatchResult created = this.client
			.setEntities("Contacts", List.of(Map.of("SURNAME", "No owner", "SALES_UNIT_ID", 2)),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(created.failures().get(0).errorCode()).isEqualTo(1010);
		assertThatThrownBy(() -> this.client
			.setEntities("Contact", List.of(Map.of("SURNAME", "x".repeat(101), "OWNER_ID", 1, "SALES_UNIT_ID", 1)))
			.block()).isInstanceOfSatisfying(PipelinerValidationException.class,
					(ex) -> assertThat(ex.getErrorCode()).isEqualTo(1012));
	}

	@Test
	void theServerNamesTheIdsItDidNotDelete() {
		BatchResult created = this.client.setEntities("Contacts", List.of(contact("One"), contact("Two")),
				BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
		BatchResult deleted = this.client
			.deleteEntities("Contact", List.of(created.ids().get(0), missingId(), created.ids().get(1)),
					BatchFlag.IGNORE_ON_ERROR, BatchFlag.GET_NO_DELETED_ID)
			.block();
		assertThat(deleted.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
	}

	@Test
	void credentialsAndTeamPipelines() {
		assertThatThrownBy(() -> this.client.withCredentials("wrong", "wrong").getCollections().block())
			.isInstanceOf(PipelinerAuthenticationException.class);
		PipelinerClient empty = this.client.withTeamPipeline("us_Empty");
		assertThat(empty.streamEntities("Accounts", Query.all()).collectList().block()).isEmpty();
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}


	@Test
	void oneEntityCannotBeExpandedOnV1() {
		assertThatThrownBy(() -> this.client.getEntity("Accounts", "PY-1", Query.all().expand("owner")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("expand exists only in the v100 API");
	}

}
