package dev.pipeliner.sample;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerUnsupportedOperationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.emulator.PipelinerEmulator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Calls every operation of the injected {@link PipelinerClient} and prints what comes back.
 * <p>
 * Reading is always safe. Writing (creating, updating and deleting an account and two contacts,
 * all named "Sample Tour") happens on the embedded emulator, and on a real account only with
 * {@code sample.tour.writes=true}, so that pointing the sample at a real account changes nothing
 * unless asked to.
 */
@Component
class PipelinerTour implements ApplicationRunner {

	private final PipelinerClient pipeliner;

	private final boolean writes;

	private final PrintStream out = System.out;

	PipelinerTour(PipelinerClient pipeliner, ObjectProvider<PipelinerEmulator> emulator,
			@Value("${sample.tour.writes:#{null}}") @Nullable Boolean writes) {
		this.pipeliner = pipeliner;
		PipelinerEmulator embedded = emulator.getIfAvailable();
		this.writes = (writes != null) ? writes : (embedded != null);
		if (embedded != null) {
			this.out.println("Running on the embedded Pipeliner emulator (" + embedded.getProtocol() + ") at "
					+ embedded.getUrl() + " with demo data");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		PipelinerClient pipeliner = this.pipeliner;
		this.out.println("Touring " + pipeliner);
		Fields fields = (pipeliner.getProtocol() == PipelinerProtocol.V100) ? Fields.V100 : Fields.V1;
		readMetadata(pipeliner);
		readEntities(pipeliner, fields);
		if (this.writes) {
			writeAndDelete(pipeliner, fields);
		}
		else {
			this.out.println("Skipping writes; run with --sample.tour.writes=true to create, update and delete"
					+ " sample records");
		}
		this.out.println("Tour complete");
	}

	/** The field names the tour uses, as each API version spells them. */
	private record Fields(String id, String organization, String modified, String owner, String salesUnit,
			String phone, String firstName, String surname) {

		static final Fields V1 = new Fields("ID", "ORGANIZATION", "MODIFIED", "OWNER_ID", "SALES_UNIT_ID", "PHONE1",
				"FIRST_NAME", "SURNAME");

		static final Fields V100 = new Fields("id", "name", "modified", "owner_id", "unit_id", "phone1", "first_name",
				"last_name");

	}

	private void readMetadata(PipelinerClient pipeliner) {
		List<String> collections = answer(pipeliner.getCollections());
		this.out.println("getCollections: " + collections.size() + " collections, such as "
				+ collections.subList(0, Math.min(5, collections.size())));
		Map<String, String> names = answer(pipeliner.getEntityPublic());
		this.out.println("getEntityPublic: Opportunities -> " + names.get("Opportunities"));
		List<FieldInfo> fields = answer(pipeliner.getFields("Contact"));
		this.out.println("getFields(Contact): " + fields.size() + " fields; required: "
				+ fields.stream().filter(FieldInfo::required).map(FieldInfo::apiName).toList());
		show("getErrorCodes", pipeliner.getErrorCodes().map((codes) -> codes.size() + " codes"));
		show("getServerApiUtcDateTime", pipeliner.getServerApiUtcDateTime());
		show("getTeamPipelineUrl", pipeliner.getTeamPipelineUrl());
		show("getTeamPipelineVersion", pipeliner.getTeamPipelineVersion());
	}

	/** Prints an answer, or that the API version in use has no such operation. */
	private void show(String operation, Mono<?> call) {
		try {
			this.out.println(operation + ": " + call.block());
		}
		catch (PipelinerUnsupportedOperationException ex) {
			this.out.println(operation + ": not in this API version (" + ex.getMessage() + ")");
		}
	}

	/**
	 * Waits for the answer of a call that always has one: every operation the tour reads a value
	 * from answers with a value or fails, so completing empty would be a bug of the client.
	 */
	private static <T> T answer(Mono<T> call) {
		return Objects.requireNonNull(call.block(), "the call completed without an answer");
	}

	private void readEntities(PipelinerClient pipeliner, Fields f) {
		EntityPage<Entity> page = answer(pipeliner.getEntities("Accounts",
				Query.all().sort(Sort.desc(f.modified())).limit(5).loadOnly(f.id(), f.organization())));
		this.out.println("getEntities(Accounts): " + page.items().size() + " of " + page.total() + " accounts");
		page.items().forEach((account) -> this.out.println("  " + account.id() + "  " + account.getString(f.organization())));
		String firstId = page.items().isEmpty() ? null : page.items().get(0).id();
		if (firstId != null) {
			Entity first = answer(pipeliner.getEntity("Account", firstId));
			this.out.println("getEntity(Account): " + first.getString(f.organization()) + ", modified "
					+ first.getDateTime(f.modified()));
		}
		Long contacts = pipeliner.streamEntities("Contacts", Query.all().loadOnly(f.id())).count().block();
		this.out.println("streamEntities(Contacts): " + contacts + " contacts, read page by page");
	}

	private void writeAndDelete(PipelinerClient pipeliner, Fields f) {
		Object owner = answer(pipeliner.getEntities("Clients", Query.all().limit(1))).items().get(0).toMap().get(f.id());
		Object salesUnit = answer(pipeliner.getEntities("SalesUnits", Query.all().limit(1))).items().get(0).toMap()
			.get(f.id());
		String accountId = answer(pipeliner.setEntity("Account",
				Map.of(f.organization(), "Sample Tour Ltd", f.owner(), owner, f.salesUnit(), salesUnit)));
		this.out.println("setEntity(Account) created " + accountId);
		pipeliner.setEntity("Account", Map.of(f.id(), accountId, f.phone(), "+44 20 7946 0000")).block();
		this.out.println("setEntity(Account) updated " + f.phone() + " of " + accountId);

		List<Map<String, Object>> people = List.of(
				Map.of(f.firstName(), "Ada", f.surname(), "Sample Tour", f.owner(), owner, f.salesUnit(), salesUnit),
				Map.of(f.firstName(), "Alan", f.surname(), "Sample Tour", f.owner(), owner, f.salesUnit(), salesUnit));
		BatchResult created = answer(pipeliner.setEntities("Contacts", people, BatchFlag.IGNORE_AND_RETURN_ERRORS));
		this.out.println("setEntities(Contacts): " + created.ids().size() + " of " + created.size() + " created "
				+ created.ids());

		List<String> found = pipeliner.streamEntities("Contacts", Query.filter(Filter.eq(f.surname(), "Sample Tour")))
			.map(Entity::id)
			.collectList()
			.block();
		this.out.println("streamEntities(Contacts, " + f.surname() + " = Sample Tour): " + found);

		BatchResult deleted = answer(pipeliner.deleteEntities("Contacts", created.ids()));
		this.out.println("deleteEntities(Contacts): " + deleted.ids().size() + " deleted");
		pipeliner.deleteEntity("Account", accountId).block();
		this.out.println("deleteEntity(Account) deleted " + accountId);
	}

}
