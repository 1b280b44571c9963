package dev.pipeliner.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerUnsupportedOperationException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The suite of {@link ClientAgainstEmulatorTest} on the Cloud API v100: every operation of the
 * client against a v100 emulator, with v100's names (snake_case fields, UUID ids) and what v100
 * lacks failing typed.
 */
class ClientAgainstV100EmulatorTest {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Protocol.V100, Seed.DEMO);

	PipelinerClient client;

	record Account(@JsonProperty("id") String id, @JsonProperty("name") String name,
			@JsonProperty("owner_id") String ownerId) {
	}

	@BeforeEach
	void connect(PipelinerEmulator emulator) {
		emulator.reset();
		this.client = builder(emulator).pageSize(7).build();
	}

	static PipelinerClient.Builder builder(PipelinerEmulator emulator) {
		return PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(emulator.getUrl())
			.space(emulator.getSpace())
			.credentials(emulator.getUsername(), emulator.getPassword());
	}

	private String ownerId() {
		return this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0).getString("owner_id");
	}

	private String unitId() {
		return this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0).getString("unit_id");
	}

	@Test
	void metadata() {
		assertThat(this.client.getCollections().block()).contains("Contacts", "Accounts", "Opportunities");
		assertThat(this.client.getEntityPublic().block()).containsEntry("Opportunities", "Opportunity");
		List<FieldInfo> fields = this.client.getFields("Accounts").block();
		assertThat(fields).extracting(FieldInfo::apiName).contains("name", "owner_id");
		assertThat(fields).filteredOn(FieldInfo::required).extracting(FieldInfo::apiName).contains("name", "owner_id");
		for (reactor.core.publisher.Mono<?> call : List.of(this.client.getErrorCodes(), this.client.getServerApiUtcDateTime(),
				this.client.getTeamPipelineUrl(), this.client.getTeamPipelineVersion())) {
			assertThatThrownBy(call::block).isInstanceOf(PipelinerUnsupportedOperationException.class);
		}
	}

	@Test
	void readingPagesStreamsAndTypes() {
		EntityPage<Account> page = this.client
			.getEntities("Account", Query.all().sort(Sort.asc("name")).limit(5), Account.class)
			.block();
		assertThat(page.total()).isEqualTo(12);
		assertThat(page.hasMore()).isTrue();
		assertThat(page.items()).extracting(Account::name).first().isEqualTo("Acme Ltd");

		List<Entity> contacts = this.client.streamEntities("Contacts", Query.all()).collectList().block();
		assertThat(contacts).hasSize(30).extracting(Entity::id).doesNotHaveDuplicates();

		List<String> todds = this.client
			.streamEntities("Contact", Query.filter(Filter.of("first_name", FilterOperator.IEQ, "todd")).sort(Sort.asc("id")))
			.map((contact) -> contact.getString("first_name"))
			.collectList()
			.block();
		assertThat(todds).hasSize(3).containsOnly("Todd");

		Entity first = this.client.getEntity("Accounts", page.items().get(0).id()).block();
		assertThat(first.getString("name")).isEqualTo("Acme Ltd");
		assertThat(first.getDateTime("modified")).isBefore(Instant.now());
	}

	@Test
	void aStreamResumesFromAPagesContinuationToken() {
		List<EntityPage<Entity>> pages = this.client.streamEntities("Contacts", Query.all().sort(Sort.asc("id")))
			.byPage()
			.collectList()
			.block();
		assertThat(pages).hasSize(5);
		List<String> rest = this.client.streamEntities("Contacts", Query.all().sort(Sort.asc("id")))
			.byPage(pages.get(1).continuationToken())
			.concatMapIterable(EntityPage::items)
			.map(Entity::id)
			.collectList()
			.block();
		assertThat(rest).isEqualTo(pages.subList(2, 5).stream().flatMap((p) -> p.items().stream()).map(Entity::id).toList());
	}

	@Test
	void writingOneEntity() {
		String id = this.client
			.setEntity("Account", Map.of("name", "Emulated Ltd", "owner_id", ownerId(), "unit_id", unitId()))
			.block();
		this.client.setEntity("Accounts", Map.of("id", id, "city", "Lisbon")).block();

		Entity account = this.client.getEntity("Account", id).block();
		assertThat(account.getString("name")).isEqualTo("Emulated Ltd");
		assertThat(account.getString("city")).isEqualTo("Lisbon");

		this.client.deleteEntity("Account", id).block();
		assertThatThrownBy(() -> this.client.getEntity("Account", id).block()).isInstanceOf(PipelinerNotFoundException.class);
	}

	@Test
	void aValidationErrorNamesItsFields() {
		assertThatThrownBy(() -> this.client.setEntity("Account", Map.of("name", "No owner")).block())
			.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(422);
				assertThat(ex.getFieldErrors()).containsKey("owner_id");
			});
	}

	@Test
	void batchesAccountForEveryItem() {
		String owner = ownerId();
		String unit = unitId();
		BatchResult created = this.client
			.setEntities("Contacts", List.of(Map.of("last_name", "One", "owner_id", owner, "unit_id", unit),
					Map.of("last_name", "No owner", "unit_id", unit),
					Map.of("last_name", "Three", "owner_id", owner, "unit_id", unit)), BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(created.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);

		BatchResult deleted = this.client
			.deleteEntities("Contact", List.of(created.ids().get(0), "00000000-0000-0000-0000-00000000dead", created.ids().get(1)),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(deleted.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void largeBatchesAndStreamsAreSplitAndAccountedFor() {
		PipelinerClient bulk = builder(pipeliner.get()).batchSize(40).batchConcurrency(3).build();
		String owner = ownerId();
		String unit = unitId();
		List<Map<String, Object>> contacts = new java.util.ArrayList<>();
		for (int i = 0; i < 250; i++) {
			contacts.add((i % 50 == 7) ? Map.of("last_name", "Bulk " + i, "unit_id", unit)
					: Map.of("last_name", "Bulk " + i, "owner_id", owner, "unit_id", unit));
		}
		BatchResult result = bulk.setEntities("Contacts", contacts, BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
		assertThat(result.size()).isEqualTo(250);
		assertThat(result.failures()).extracting(BatchResult.Outcome::index).containsExactly(7, 57, 107, 157, 207);

		List<BatchResult.Outcome> streamed = bulk
			.setEntities("Contacts", Flux.range(0, 300).map((i) -> Map.of("last_name", "Streamed", "owner_id", owner,
					"unit_id", unit)), BatchFlag.IGNORE_ON_ERROR)
			.collectList()
			.block();
		assertThat(streamed).hasSize(300).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.streamEntities("Contacts", Query.filter(Filter.eq("last_name", "Streamed"))).count().block())
			.isEqualTo(300);
		List<BatchResult.Outcome> deleted = bulk
			.deleteEntities("Contacts", Flux.fromIterable(streamed).map(BatchResult.Outcome::id), BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.collectList()
			.block();
		assertThat(deleted).hasSize(300).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30 + 245);
	}

	@Test
	void anAllOrNothingBatchFailsWhole() {
		String owner = ownerId();
		String unit = unitId();
		assertThatThrownBy(() -> this.client
			.setEntities("Contact", List.of(Map.of("last_name", "Fine", "owner_id", owner, "unit_id", unit),
					Map.of("last_name", "No owner", "unit_id", unit)))
			.block()).isInstanceOfSatisfying(PipelinerValidationException.class,
					(ex) -> assertThat(ex.getStatus()).isEqualTo(422));
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void theBlockingClientDoesTheSameWork() {
		BlockingPipelinerClient blocking = new BlockingPipelinerClient(this.client);
		String id = blocking.setEntity("Account", Map.of("name", "Blocking Ltd", "owner_id", ownerId(), "unit_id", unitId()));
		assertThat(blocking.getEntity("Accounts", id).getString("name")).isEqualTo("Blocking Ltd");
		try (java.util.stream.Stream<Entity> accounts = blocking.streamEntities("Accounts", Query.all())) {
			assertThat(accounts.count()).isEqualTo(13);
		}
		blocking.deleteEntity("Account", id);
		assertThatThrownBy(() -> blocking.getEntity("Account", id)).isInstanceOf(PipelinerNotFoundException.class);
		assertThatThrownBy(() -> blocking.withCredentials("x", "y").getCollections())
			.isInstanceOf(PipelinerAuthenticationException.class);
	}

}
