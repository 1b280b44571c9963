package dev.pipeliner.sample;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.emulator.PipelinerEmulator;

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
			@Value("${sample.tour.writes:#{null}}") Boolean writes) {
		this.pipeliner = pipeliner;
		PipelinerEmulator embedded = emulator.getIfAvailable();
		this.writes = (writes != null) ? writes : (embedded != null);
		if (embedded != null) {
			this.out.println("Running on the embedded Pipeliner emulator at "
					+ embedded.getUrl() + " with demo data");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		PipelinerClient pipeliner = this.pipeliner;
		this.out.println("Touring " + pipeliner);
		readMetadata(pipeliner);
		readEntities(pipeliner);
		if (this.writes) {
			writeAndDelete(pipeliner);
		}
		else {
			this.out.println("Skipping writes; run with --sample.tour.writes=true to create, update and delete"
					+ " sample records");
		}
		this.out.println("Tour complete");
	}

	private void readMetadata(PipelinerClient pipeliner) {
		List<String> collections = pipeliner.getCollections().block();
		this.out.println("getCollections: " + collections.size() + " collections, such as "
				+ collections.subList(0, Math.min(5, collections.size())));
		Map<String, String> names = pipeliner.getEntityPublic().block();
		this.out.println("getEntityPublic: Opportunities -> " + names.get("Opportunities"));
		Map<Integer, String> errorCodes = pipeliner.getErrorCodes().block();
		this.out.println("getErrorCodes: " + errorCodes.size() + " codes");
		List<FieldInfo> fields = pipeliner.getFields("Contact").block();
		this.out.println("getFields(Contact): " + fields.size() + " fields; required: "
				+ fields.stream().filter(FieldInfo::required).map(FieldInfo::apiName).toList());
		this.out.println("getServerApiUtcDateTime: " + pipeliner.getServerApiUtcDateTime().block());
		this.out.println("getTeamPipelineUrl: " + pipeliner.getTeamPipelineUrl().block());
		this.out.println("getTeamPipelineVersion: " + pipeliner.getTeamPipelineVersion().block());
	}

	private void readEntities(PipelinerClient pipeliner) {
		EntityPage<Entity> page = pipeliner
			.getEntities("Accounts", Query.all().sort(Sort.desc("MODIFIED")).limit(5).loadOnly("ID", "ORGANIZATION"))
			.block();
		this.out.println("getEntities(Accounts): " + page.items().size() + " of " + page.total() + " accounts");
		page.items().forEach((account) -> this.out.println("  " + account.id() + "  " + account.getString("ORGANIZATION")));
		if (!page.items().isEmpty()) {
			Entity first = pipeliner.getEntity("Account", page.items().get(0).id()).block();
			this.out.println("getEntity(Account): " + first.getString("ORGANIZATION") + ", modified "
					+ first.getDateTime("MODIFIED"));
		}
		Long contacts = pipeliner.streamEntities("Contacts", Query.all().loadOnly("ID")).count().block();
		this.out.println("streamEntities(Contacts): " + contacts + " contacts, read page by page");
	}

	private void writeAndDelete(PipelinerClient pipeliner) {
		Entity owner = pipeliner.getEntities("Clients", Query.all().limit(1)).block().items().get(0);
		Entity salesUnit = pipeliner.getEntities("SalesUnits", Query.all().limit(1)).block().items().get(0);
		String accountId = pipeliner
			.setEntity("Account", Map.of("ORGANIZATION", "Sample Tour Ltd", "OWNER_ID", owner.getLong("ID"),
					"SALES_UNIT_ID", salesUnit.getLong("ID")))
			.block();
		this.out.println("setEntity(Account) created " + accountId);
		pipeliner.setEntity("Account", Map.of("ID", accountId, "PHONE1", "+44 20 7946 0000")).block();
		this.out.println("setEntity(Account) updated PHONE1 of " + accountId);

		List<Map<String, Object>> people = List.of(
				Map.of("FIRST_NAME", "Ada", "SURNAME", "Sample Tour", "OWNER_ID", owner.getLong("ID"), "SALES_UNIT_ID",
						salesUnit.getLong("ID")),
				Map.of("FIRST_NAME", "Alan", "SURNAME", "Sample Tour", "OWNER_ID", owner.getLong("ID"), "SALES_UNIT_ID",
						salesUnit.getLong("ID")));
		BatchResult created = pipeliner.setEntities("Contacts", people, BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
		this.out.println("setEntities(Contacts): " + created.ids().size() + " of " + created.size() + " created "
				+ created.ids());

		List<String> found = pipeliner.streamEntities("Contacts", Query.filter(Filter.eq("SURNAME", "Sample Tour")))
			.map(Entity::id)
			.collectList()
			.block();
		this.out.println("streamEntities(Contacts, SURNAME::Sample Tour): " + found);

		BatchResult deleted = pipeliner.deleteEntities("Contacts", created.ids()).block();
		this.out.println("deleteEntities(Contacts): " + deleted.ids().size() + " deleted");
		pipeliner.deleteEntity("Account", accountId).block();
		this.out.println("deleteEntity(Account) deleted " + accountId);
	}

}
