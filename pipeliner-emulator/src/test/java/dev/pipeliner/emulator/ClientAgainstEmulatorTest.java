package dev.pipeliner.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.Entity;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every operation of the client against the emulator: the client's integration suite, and a check
 * that the emulator answers as the client expects a real server to.
 */
class ClientAgainstEmulatorTest {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(
			PipelinerEmulator.builder().teamPipeline("eu_Demo", Seed.DEMO).teamPipeline("us_Empty", Seed.EMPTY));

	PipelinerClient client;

	record Account(@JsonProperty("ID") String id, @JsonProperty("ORGANIZATION") String organization,
			@JsonProperty("OWNER_ID") long ownerId) {
	}

	@BeforeEach
	void connect(PipelinerEmulator emulator) {
		emulator.reset();
		this.client = PipelinerClient.builder()
			.url(emulator.getUrl())
			.teamPipeline("eu_Demo")
			.credentials(emulator.getApiToken(), emulator.getApiPassword())
			.pageSize(7)
			.build();
	}

	@Test
	void metadata(PipelinerEmulator emulator) {
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
		assertThat(this.client.getTeamPipelineUrl().block()).isEqualTo(URI.create(emulator.getUrl()));
		assertThat(this.client.getTeamPipelineVersion().block()).isEqualTo(15);
	}

	@Test
	void readingPagesStreamsAndTypes() {
		EntityPage<Account> page = this.client
			.getEntities("Account", Query.all().sort(Sort.asc("ORGANIZATION")).limit(5), Account.class)
			.block();
		assertThat(page.total()).isEqualTo(12);
		assertThat(page.items()).extracting(Account::organization).first().isEqualTo("Acme Ltd");

		List<Entity> contacts = this.client.streamEntities("Contacts", Query.all()).collectList().block();
		assertThat(contacts).hasSize(30).extracting(Entity::id).doesNotHaveDuplicates();

		List<String> todds = this.client
			.streamEntities("Contact", Query.filter(Filter.eq("FIRST_NAME", "Todd")).sort(Sort.asc("ID")))
			.map((contact) -> contact.getString("FIRST_NAME"))
			.collectList()
			.block();
		assertThat(todds).hasSize(3).containsOnly("Todd");

		Entity first = this.client.getEntity("Accounts", page.items().get(0).id()).block();
		assertThat(first.getString("ORGANIZATION")).isEqualTo("Acme Ltd");
		assertThat(first.getDateTime("MODIFIED")).isBefore(Instant.now());
	}

	@Test
	void writingOneEntity() {
		String id = this.client
			.setEntity("Account", Map.of("ORGANIZATION", "Emulated Ltd", "OWNER_ID", 1534, "SALES_UNIT_ID", 2))
			.block();
		this.client.setEntity("Accounts", Map.of("ID", id, "CITY", "Lisbon")).block();

		Entity account = this.client.getEntity("Account", id).block();
		assertThat(account.getString("ORGANIZATION")).isEqualTo("Emulated Ltd");
		assertThat(account.getString("CITY")).isEqualTo("Lisbon");

		this.client.deleteEntity("Account", id).block();
		assertThatThrownBy(() -> this.client.getEntity("Account", id).block())
			.isInstanceOfSatisfying(PipelinerNotFoundException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(1003));
	}

	@Test
	void batchesAccountForEveryItem() {
		BatchResult created = this.client
			.setEntities("Contacts", List.of(Map.of("SURNAME", "One", "OWNER_ID", 1534, "SALES_UNIT_ID", 2),
					Map.of("SURNAME", "No owner", "SALES_UNIT_ID", 2),
					Map.of("SURNAME", "Three", "OWNER_ID", 1534, "SALES_UNIT_ID", 2)),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(created.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(created.failures().get(0).errorCode()).isEqualTo(1010);

		BatchResult deleted = this.client
			.deleteEntities("Contact", List.of(created.ids().get(0), "PY-7FFFFFFF-GONE", created.ids().get(1)),
					BatchFlag.IGNORE_ON_ERROR, BatchFlag.GET_NO_DELETED_ID)
			.block();
		assertThat(deleted.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void largeBatchesAndStreamsAreSplitAndAccountedFor() {
		PipelinerClient bulk = PipelinerClient.builder()
			.url(pipeliner.get().getUrl())
			.teamPipeline("eu_Demo")
			.credentials(pipeliner.get().getApiToken(), pipeliner.get().getApiPassword())
			.batchSize(40)
			.batchConcurrency(3)
			.build();
		List<Map<String, Object>> contacts = new java.util.ArrayList<>();
		for (int i = 0; i < 250; i++) {
			// every 50th item lacks its owner and fails
			contacts.add((i % 50 == 7) ? Map.of("SURNAME", "Bulk " + i, "SALES_UNIT_ID", 2)
					: Map.of("SURNAME", "Bulk " + i, "OWNER_ID", 1534, "SALES_UNIT_ID", 2));
		}

		BatchResult result = bulk.setEntities("Contacts", contacts, BatchFlag.IGNORE_AND_RETURN_ERRORS).block();

		assertThat(result.size()).isEqualTo(250);
		assertThat(result.failures()).extracting(BatchResult.Outcome::index).containsExactly(7, 57, 107, 157, 207);
		for (BatchResult.Outcome outcome : result.outcomes()) {
			if (outcome.isSuccess()) {
				assertThat(bulk.getEntity("Contact", outcome.id()).block().getString("SURNAME"))
					.isEqualTo("Bulk " + outcome.index());
			}
		}

		List<BatchResult.Outcome> streamed = bulk
			.setEntities("Contacts", reactor.core.publisher.Flux.range(0, 1000)
				.map((i) -> Map.of("SURNAME", "Streamed", "OWNER_ID", 1534, "SALES_UNIT_ID", 2)), BatchFlag.IGNORE_ON_ERROR)
			.collectList()
			.block();
		assertThat(streamed).hasSize(1000).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.streamEntities("Contacts", Query.filter(Filter.eq("SURNAME", "Streamed"))).count().block())
			.isEqualTo(1000);

		List<BatchResult.Outcome> deleted = bulk
			.deleteEntities("Contacts", reactor.core.publisher.Flux.fromIterable(streamed).map(BatchResult.Outcome::id),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.collectList()
			.block();
		assertThat(deleted).hasSize(1000).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30 + 245);
	}

	@Test
	void anAllOrNothingBatchFailsWhole() {
		assertThatThrownBy(() -> this.client
			.setEntities("Contact", List.of(Map.of("SURNAME", "Fine", "OWNER_ID", 1, "SALES_UNIT_ID", 1),
					Map.of("SURNAME", "x".repeat(101), "OWNER_ID", 1, "SALES_UNIT_ID", 1)))
			.block()).isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(422);
				assertThat(ex.getErrorCode()).isEqualTo(1012);
			});
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void theBlockingClientDoesTheSameWork() {
		BlockingPipelinerClient blocking = new BlockingPipelinerClient(this.client);

		String id = blocking.setEntity("Account", Map.of("ORGANIZATION", "Blocking Ltd", "OWNER_ID", 1534, "SALES_UNIT_ID", 2));
		assertThat(blocking.getEntity("Accounts", id).getString("ORGANIZATION")).isEqualTo("Blocking Ltd");
		try (java.util.stream.Stream<Entity> accounts = blocking.streamEntities("Accounts", Query.all())) {
			assertThat(accounts.count()).isEqualTo(13);
		}
		blocking.deleteEntity("Account", id);
		assertThat(blocking.getTeamPipelineVersion()).isEqualTo(15);
		assertThatThrownBy(() -> blocking.getEntity("Account", id)).isInstanceOf(PipelinerNotFoundException.class);
		assertThatThrownBy(() -> blocking.withCredentials("x", "y").getCollections())
			.isInstanceOf(PipelinerAuthenticationException.class);
	}

	@Test
	void credentialsAndTeamPipelines() {
		assertThatThrownBy(() -> this.client.withCredentials("wrong", "wrong").getCollections().block())
			.isInstanceOf(PipelinerAuthenticationException.class);
		PipelinerClient empty = this.client.withTeamPipeline("us_Empty");
		assertThat(empty.streamEntities("Accounts", Query.all()).collectList().block()).isEmpty();
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

}
