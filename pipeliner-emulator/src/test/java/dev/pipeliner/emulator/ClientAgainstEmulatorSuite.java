package dev.pipeliner.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of the client against the emulator, for each protocol: the client's integration
 * suite, and a check that the emulator answers as the client expects a real server to. A subclass
 * names the protocol, how it spells the fields the suite uses, and what only that protocol has.
 */
abstract class ClientAgainstEmulatorSuite {

	/** How a protocol spells the fields the suite reads and writes. */
	record Names(String id, String organization, String modified, String owner, String salesUnit, String city,
			String firstName, String surname) {

		static final Names V1 = new Names("ID", "ORGANIZATION", "MODIFIED", "OWNER_ID", "SALES_UNIT_ID", "CITY",
				"FIRST_NAME", "SURNAME");

		static final Names V100 = new Names("id", "name", "modified", "owner_id", "unit_id", "city", "first_name",
				"last_name");

	}

	PipelinerClient client;

	Names names;

	Object owner;

	Object salesUnit;

	/** @return the emulator of the subclass's extension */
	abstract PipelinerEmulator emulator();

	abstract Names names();

	/** @return an id no entity has, in the protocol's form */
	abstract String missingId();

	@BeforeEach
	void connect() {
		emulator().reset();
		this.client = EmulatorClients.builder(emulator()).pageSize(7).build();
		this.names = names();
		Entity account = this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0);
		this.owner = account.toMap().get(this.names.owner());
		this.salesUnit = account.toMap().get(this.names.salesUnit());
	}

	Map<String, Object> contact(String surname) {
		return Map.of(this.names.surname(), surname, this.names.owner(), this.owner, this.names.salesUnit(), this.salesUnit);
	}

	@Test
	void readingPagesAndStreams() {
		EntityPage<Entity> page = this.client
			.getEntities("Account", Query.all().sort(Sort.asc(this.names.organization())).limit(5))
			.block();
		assertThat(page.total()).isEqualTo(12);
		assertThat(page.hasMore()).isTrue();
		assertThat(page.items()).extracting((account) -> account.getString(this.names.organization()))
			.first()
			.isEqualTo("Acme Ltd");

		List<Entity> contacts = this.client.streamEntities("Contacts", Query.all()).collectList().block();
		assertThat(contacts).hasSize(30).extracting(Entity::id).doesNotHaveDuplicates();

		List<String> todds = this.client
			.streamEntities("Contact", Query.filter(Filter.eq(this.names.firstName(), "Todd")).sort(Sort.asc(this.names.id())))
			.map((contact) -> contact.getString(this.names.firstName()))
			.collectList()
			.block();
		assertThat(todds).hasSize(3).containsOnly("Todd");

		Entity first = this.client.getEntity("Accounts", page.items().get(0).id()).block();
		assertThat(first.getString(this.names.organization())).isEqualTo("Acme Ltd");
		assertThat(first.getDateTime(this.names.modified())).isBefore(Instant.now());
	}

	@Test
	void aStreamResumesFromAPagesContinuationToken() {
		List<EntityPage<Entity>> pages = this.client.streamEntities("Contacts", Query.all().sort(Sort.asc(this.names.id())))
			.byPage()
			.collectList()
			.block();
		assertThat(pages).hasSize(5);
		List<String> rest = this.client.streamEntities("Contacts", Query.all().sort(Sort.asc(this.names.id())))
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
			.setEntity("Account", Map.of(this.names.organization(), "Emulated Ltd", this.names.owner(), this.owner,
					this.names.salesUnit(), this.salesUnit))
			.block();
		this.client.setEntity("Accounts", Map.of(this.names.id(), id, this.names.city(), "Lisbon")).block();

		Entity account = this.client.getEntity("Account", id).block();
		assertThat(account.getString(this.names.organization())).isEqualTo("Emulated Ltd");
		assertThat(account.getString(this.names.city())).isEqualTo("Lisbon");

		this.client.deleteEntity("Account", id).block();
		assertThatThrownBy(() -> this.client.getEntity("Account", id).block()).isInstanceOf(PipelinerNotFoundException.class);
	}

	@Test
	void batchesAccountForEveryItem() {
		BatchResult created = this.client
			.setEntities("Contacts", List.of(contact("One"),
					Map.of(this.names.surname(), "No owner", this.names.salesUnit(), this.salesUnit), contact("Three")),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(created.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(created.failures().get(0).errorCode()).isNotNull();

		BatchResult deleted = this.client
			.deleteEntities("Contact", List.of(created.ids().get(0), missingId(), created.ids().get(1)),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		assertThat(deleted.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void largeBatchesAndStreamsAreSplitAndAccountedFor() {
		PipelinerClient bulk = EmulatorClients.builder(emulator()).batchSize(40).batchConcurrency(3).build();
		List<Map<String, Object>> contacts = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			// every 50th item lacks its owner and fails
			contacts.add((i % 50 == 7) ? Map.of(this.names.surname(), "Bulk " + i, this.names.salesUnit(), this.salesUnit)
					: contact("Bulk " + i));
		}

		BatchResult result = bulk.setEntities("Contacts", contacts, BatchFlag.IGNORE_AND_RETURN_ERRORS).block();

		assertThat(result.size()).isEqualTo(250);
		assertThat(result.failures()).extracting(BatchResult.Outcome::index).containsExactly(7, 57, 107, 157, 207);
		for (BatchResult.Outcome outcome : result.outcomes()) {
			if (outcome.isSuccess()) {
				assertThat(bulk.getEntity("Contact", outcome.id()).block().getString(this.names.surname()))
					.isEqualTo("Bulk " + outcome.index());
			}
		}

		List<BatchResult.Outcome> streamed = bulk
			.setEntities("Contacts", Flux.range(0, 500).map((i) -> contact("Streamed")), BatchFlag.IGNORE_ON_ERROR)
			.collectList()
			.block();
		assertThat(streamed).hasSize(500).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.streamEntities("Contacts", Query.filter(Filter.eq(this.names.surname(), "Streamed"))).count().block())
			.isEqualTo(500);

		List<BatchResult.Outcome> deleted = bulk
			.deleteEntities("Contacts", Flux.fromIterable(streamed).map(BatchResult.Outcome::id),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.collectList()
			.block();
		assertThat(deleted).hasSize(500).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(bulk.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30 + 245);
	}

	@Test
	void anAllOrNothingBatchFailsWhole() {
		assertThatThrownBy(() -> this.client
			.setEntities("Contact", List.of(contact("Fine"),
					Map.of(this.names.surname(), "No owner", this.names.salesUnit(), this.salesUnit)))
			.block()).isInstanceOfSatisfying(PipelinerValidationException.class,
					(ex) -> assertThat(ex.getStatus()).isEqualTo(422));
		assertThat(this.client.getEntities("Contacts", Query.all()).block().total()).isEqualTo(30);
	}

	@Test
	void theBlockingClientDoesTheSameWork() {
		BlockingPipelinerClient blocking = new BlockingPipelinerClient(this.client);

		String id = blocking.setEntity("Account", Map.of(this.names.organization(), "Blocking Ltd", this.names.owner(),
				this.owner, this.names.salesUnit(), this.salesUnit));
		assertThat(blocking.getEntity("Accounts", id).getString(this.names.organization())).isEqualTo("Blocking Ltd");
		try (java.util.stream.Stream<Entity> accounts = blocking.streamEntities("Accounts", Query.all())) {
			assertThat(accounts.count()).isEqualTo(13);
		}
		blocking.deleteEntity("Account", id);
		assertThatThrownBy(() -> blocking.getEntity("Account", id)).isInstanceOf(PipelinerNotFoundException.class);
		assertThatThrownBy(() -> blocking.withCredentials("x", "y").getCollections())
			.isInstanceOf(PipelinerAuthenticationException.class);
	}


	@Test
	void oneEntityIsReadWithTheFieldsAQuerySays() {
		String id = this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0).id();

		Entity slim = this.client.getEntity("Accounts", id, Query.all().loadOnly(this.names.id(), this.names.organization()))
			.block();
		assertThat(slim.id()).isEqualTo(id);
		assertThat(slim.getString(this.names.organization())).isEqualTo("Acme Ltd");
		assertThat(slim.has(this.names.city())).isFalse();
		assertThat(this.client.getEntity("Accounts", id).block().has(this.names.city())).isTrue();
		assertThatThrownBy(() -> this.client.getEntity("Accounts", missingId(), Query.all().loadOnly(this.names.id()))
			.block()).isInstanceOf(PipelinerNotFoundException.class);
		assertThatThrownBy(() -> this.client.getEntity("Accounts", id, Query.filter(Filter.eq(this.names.city(), "x"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("getEntity takes only expand, loadOnly and includeDeleted");
	}

	@Test
	void theBlockingClientStreamsWritesAndResumesReads() {
		BlockingPipelinerClient blocking = new BlockingPipelinerClient(this.client);
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < 17; i++) {
			items.add(contact("Streamed " + i));
		}

		List<BatchResult.Outcome> created;
		try (java.util.stream.Stream<BatchResult.Outcome> outcomes = blocking.setEntities("Contacts", items.stream(),
				BatchFlag.IGNORE_AND_RETURN_ERRORS)) {
			created = outcomes.toList();
		}
		assertThat(created).extracting(BatchResult.Outcome::index).containsExactlyElementsOf(
				java.util.stream.IntStream.range(0, 17).boxed().toList());
		assertThat(created).allMatch(BatchResult.Outcome::isSuccess);

		Query streamed = Query.filter(Filter.startsWith(this.names.surname(), "Streamed")).sort(Sort.asc(this.names.id()));
		List<EntityPage<Entity>> pages;
		try (java.util.stream.Stream<EntityPage<Entity>> all = blocking.streamPages("Contacts", streamed, null)) {
			pages = all.toList();
		}
		assertThat(pages).hasSize(3);
		List<String> rest;
		try (java.util.stream.Stream<EntityPage<Entity>> after = blocking.streamPages("Contacts", streamed,
				pages.get(0).continuationToken())) {
			rest = after.flatMap((page) -> page.items().stream()).map(Entity::id).toList();
		}
		assertThat(rest).isEqualTo(pages.subList(1, 3).stream().flatMap((p) -> p.items().stream()).map(Entity::id).toList());

		Iterable<String> ids = () -> created.stream().map(BatchResult.Outcome::id).iterator();
		try (java.util.stream.Stream<BatchResult.Outcome> deleted = blocking.deleteEntities("Contacts", ids,
				BatchFlag.IGNORE_AND_RETURN_ERRORS)) {
			assertThat(deleted.filter(BatchResult.Outcome::isSuccess).count()).isEqualTo(17);
		}
		assertThat(blocking.getEntities("Contacts", streamed).items()).isEmpty();
	}

}
