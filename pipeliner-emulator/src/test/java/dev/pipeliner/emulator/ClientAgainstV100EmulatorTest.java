package dev.pipeliner.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.error.PipelinerUnsupportedOperationException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.client.v100.Account;
import dev.pipeliner.client.v100.Appointment;
import dev.pipeliner.client.v100.Client;
import dev.pipeliner.client.v100.Contact;
import dev.pipeliner.client.v100.Lead;
import dev.pipeliner.client.v100.Note;
import dev.pipeliner.client.v100.Opportunity;
import dev.pipeliner.client.v100.Product;
import dev.pipeliner.client.v100.SalesUnit;
import dev.pipeliner.client.v100.Task;
import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's integration suite on the Cloud API v100 (snake_case fields, UUID ids), and what
 * differs there: metadata from collections, the operations v100 lacks, its operators and its
 * validation errors.
 */
class ClientAgainstV100EmulatorTest extends ClientAgainstEmulatorSuite {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Protocol.V100, Seed.DEMO);

	@Override
	PipelinerEmulator emulator() {
		return pipeliner.get();
	}

	@Override
	Names names() {
		return Names.V100;
	}

	@Override
	String missingId() {
		return "00000000-0000-0000-0000-00000000dead";
	}

	@Test
	void metadata() {
		assertThat(this.client.getCollections().block()).contains("Contacts", "Accounts", "Opportunities");
		assertThat(this.client.getEntityPublic().block()).containsEntry("Opportunities", "Opportunity");
		List<FieldInfo> fields = this.client.getFields("Accounts").block();
		assertThat(fields).filteredOn(FieldInfo::required).extracting(FieldInfo::apiName).contains("name", "owner_id");
		for (Mono<?> call : List.of(this.client.getErrorCodes(), this.client.getServerApiUtcDateTime(),
				this.client.getTeamPipelineUrl(), this.client.getTeamPipelineVersion())) {
			assertThatThrownBy(call::block).isInstanceOf(PipelinerUnsupportedOperationException.class);
		}
	}

	@Test
	void theOperatorsOnlyV100HasFilter() {
		List<String> todds = this.client
			.streamEntities("Contact", Query.filter(Filter.of("first_name", FilterOperator.IEQ, "todd")).sort(Sort.asc("id")))
			.map((contact) -> contact.getString("first_name"))
			.collectList()
			.block();
		assertThat(todds).hasSize(3).containsOnly("Todd");
	}

	@Test
	void aReadSortedByModifiedAndResumedAfterChangesLosesNothing() {
		Query byModified = Query.all().sort(Sort.asc("modified"));
		List<EntityPage<Entity>> firstPages = this.client.streamEntities("Contacts", byModified)
			.byPage()
			.take(2)
			.collectList()
			.block();
		List<String> read = new ArrayList<>();
		firstPages.forEach((page) -> page.items().forEach((contact) -> read.add(contact.id())));
		// Two contacts already read change, and so does one not read yet.
		List<String> changed = List.of(read.get(1), read.get(9), firstUnread(read));
		changed.forEach((id) -> this.client.setEntity("Contact", Map.of("id", id, "title", "Changed")).block());

		List<Entity> rest = this.client.streamEntities("Contacts", byModified)
			.byPage(firstPages.get(1).continuationToken())
			.concatMapIterable(EntityPage::items)
			.collectList()
			.block();
		rest.forEach((contact) -> read.add(contact.id()));

		assertThat(new HashSet<>(read)).hasSize(30);
		assertThat(rest.subList(rest.size() - 3, rest.size())).extracting(Entity::id).containsExactlyElementsOf(changed);
		assertThat(read).hasSize(30 + 2);
	}

	private String firstUnread(List<String> read) {
		return this.client.streamEntities("Contacts", Query.all().sort(Sort.asc("modified")))
			.map(Entity::id)
			.filter((id) -> !read.contains(id))
			.blockFirst();
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
	void oneEntityIsReadWithItsOwnerExpanded() {
		String id = this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0).id();

		Entity account = this.client.getEntity("Accounts", id, Query.all().expand("owner")).block();

		assertThat(account.id()).isEqualTo(id);
		assertThat(account.get("owner")).isInstanceOfSatisfying(Map.class,
				(owner) -> assertThat(owner.get("id")).isEqualTo(account.getString("owner_id")));
		assertThat(this.client.getEntity("Accounts", id).block().get("owner")).isInstanceOf(String.class);
	}

	@Test
	void everyStandardCollectionReadsIntoItsRecord() {
		List<Contact> contacts = this.client.streamEntities(Contact.COLLECTION, Query.all(), Contact.class)
			.collectList()
			.block();
		assertThat(contacts).hasSize(30).allSatisfy((contact) -> {
			assertThat(contact.id()).isNotBlank();
			assertThat(contact.modified()).isAfterOrEqualTo(contact.created());
		});
		// the demo data has no appointment: one written as its record requires
		this.client.setEntity(Appointment.COLLECTION, Map.of(Appointment.SUBJECT, "Kick-off", Appointment.OWNER_ID,
				this.owner, Appointment.END_DATE, java.time.Instant.parse("2025-03-04T10:00:00Z"))).block();
		Map<String, Class<?>> types = Map.of(Account.COLLECTION, Account.class, Lead.COLLECTION, Lead.class,
				Opportunity.COLLECTION, Opportunity.class, Task.COLLECTION, Task.class, Appointment.COLLECTION,
				Appointment.class, Note.COLLECTION, Note.class, Product.COLLECTION, Product.class, Client.COLLECTION,
				Client.class, SalesUnit.COLLECTION, SalesUnit.class);
		types.forEach((collection, type) -> assertThat(this.client.streamEntities(collection, Query.all(), type)
			.collectList()
			.block()).as(collection).isNotEmpty().hasOnlyElementsOfType(type));
		String accountId = this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0).id();
		assertThat(this.client.getEntity(Account.COLLECTION, accountId, Account.class).block().name()).isEqualTo("Acme Ltd");
	}

}
