package dev.pipeliner.emulator.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, realistic and always identical data set: users and sales units, accounts with their
 * contacts, leads and opportunities related to both, and the lookups they refer to. In the forms
 * of the {@link Schema#standard() standard schema}, the v1 API's; a protocol that stores other
 * forms converts it.
 */
public final class DemoData {

	private static final String[] ORGANIZATIONS = { "Acme Ltd", "Globex Corporation", "Initech", "Umbrella Health",
			"Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries", "Soylent Foods",
			"Tyrell Systems", "Cyberdyne Retail", "Wonka Confectionery" };

	private static final String[] CITIES = { "London", "Berlin", "Vienna", "Paris", "Madrid", "Prague", "Dublin",
			"Amsterdam", "New York", "Chicago", "Toronto", "Boston" };

	private static final String[] FIRST_NAMES = { "Todd", "Ada", "Alan", "Grace", "Linus", "Margaret", "Ken",
			"Barbara", "Dennis", "Frances" };

	private static final String[] SURNAMES = { "Smith", "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton",
			"Thompson", "Liskov", "Ritchie", "Allen" };

	private static final String[] TIERS = { "GOLD", "SILVER", "BRONZE" };

	private static final Instant START = Instant.parse("2024-03-01T08:00:00Z");

	private DemoData() {
	}

	/** @return the data set in the form {@link Seeds#load} takes */
	public static ObjectNode json(ObjectMapper mapper) {
		Random random = new Random(20240301);
		ObjectNode seed = mapper.createObjectNode();
		Stamp stamp = new Stamp();

		ArrayNode units = seed.putArray("SalesUnits");
		unit(units, 1, "Headquarters", null);
		unit(units, 2, "EMEA", 1);
		unit(units, 3, "Americas", 1);

		ArrayNode clients = seed.putArray("Clients");
		client(clients, 1534, "Olivia", "Owner", 2);
		client(clients, 1535, "Sam", "Seller", 2);
		client(clients, 1536, "Casey", "Closer", 3);
		long[] owners = { 1534, 1535, 1536 };

		List<String> industries = named(seed.putArray("Industries"), random, stamp, "NAME", "Software",
				"Manufacturing", "Retail", "Healthcare");
		List<String> accountTypes = named(seed.putArray("AccountTypes"), random, stamp, "NAME", "Customer", "Prospect",
				"Partner");
		List<String> stages = new ArrayList<>();
		ArrayNode stageArray = seed.putArray("Stages");
		String[] stageNames = { "Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won" };
		int[] percents = { 10, 30, 60, 80, 100 };
		for (int i = 0; i < stageNames.length; i++) {
			ObjectNode stage = entity(stageArray, random, stamp);
			stage.put("NAME", stageNames[i]).put("PERCENT", percents[i]).put("SORT_ORDER", i + 1);
			stages.add(stage.get("ID").asString());
		}
		named(seed.putArray("ReasonOfCloses"), random, stamp, "NAME", "Price", "Competitor", "Timing");
		ArrayNode currencies = seed.putArray("Currencies");
		entity(currencies, random, stamp).put("CODE", "EUR").put("SYMBOL", "€").put("IS_BASE", 1);
		entity(currencies, random, stamp).put("CODE", "USD").put("SYMBOL", "$").put("IS_BASE", 0);
		ArrayNode products = seed.putArray("Products");
		String[] productNames = { "CRM Seat", "Onboarding Package", "Premium Support", "Data Migration",
				"Training Day" };
		for (int i = 0; i < productNames.length; i++) {
			entity(products, random, stamp).put("NAME", productNames[i]).put("SKU", "SKU-" + (100 + i))
				.put("UNIT_SYMBOL", "pcs");
		}

		List<String> accounts = new ArrayList<>();
		ArrayNode accountArray = seed.putArray("Accounts");
		for (int i = 0; i < ORGANIZATIONS.length; i++) {
			ObjectNode account = entity(accountArray, random, stamp);
			String domain = ORGANIZATIONS[i].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
			account.put("ORGANIZATION", ORGANIZATIONS[i])
				.put("OWNER_ID", owners[i % owners.length])
				.put("SALES_UNIT_ID", (i < 8) ? 2 : 3)
				.put("EMAIL1", "info@" + domain)
				.put("PHONE1", "+44 20 7946 0" + (100 + i))
				.put("CITY", CITIES[i])
				.put("COUNTRY", (i < 8) ? "EU" : "US")
				.put("INDUSTRY_ID", industries.get(i % industries.size()))
				.put("ACCOUNT_TYPE_ID", accountTypes.get(i % accountTypes.size()))
				.put("cf_customer_tier", TIERS[i % TIERS.length]);
			accounts.add(account.get("ID").asString());
		}

		List<String> contacts = new ArrayList<>();
		List<String> contactAccounts = new ArrayList<>();
		ArrayNode contactArray = seed.putArray("Contacts");
		for (int i = 0; i < 30; i++) {
			ObjectNode contact = entity(contactArray, random, stamp);
			String first = FIRST_NAMES[i % FIRST_NAMES.length];
			String last = SURNAMES[(i * 3) % SURNAMES.length];
			String account = accounts.get(i % accounts.size());
			contact.put("FIRST_NAME", first)
				.put("SURNAME", last)
				.put("EMAIL1", (first + "." + last + i).toLowerCase(java.util.Locale.ROOT) + "@example.com")
				.put("PHONE1", "+1 555 01" + (10 + i))
				.put("POSITION", (i % 3 == 0) ? "Head of Sales" : (i % 3 == 1) ? "CTO" : "Buyer")
				.put("OWNER_ID", owners[i % owners.length])
				.put("SALES_UNIT_ID", ((i % accounts.size()) < 8) ? 2 : 3)
				.put("cf_preferred_channel", (i % 2 == 0) ? "EMAIL" : "PHONE");
			contact.putArray("ACCOUNT_RELATIONS").addObject().put("ACCOUNT_ID", account).put("IS_PRIMARY", 1);
			contacts.add(contact.get("ID").asString());
			contactAccounts.add(account);
		}

		ArrayNode leads = seed.putArray("Leads");
		for (int i = 0; i < 6; i++) {
			ObjectNode lead = entity(leads, random, stamp);
			lead.put("OPPORTUNITY_NAME", ORGANIZATIONS[(i * 5) % ORGANIZATIONS.length] + " inbound enquiry")
				.put("OWNER_ID", owners[i % owners.length])
				.put("SALES_UNIT_ID", 2)
				.put("RANKING", i % 5)
				.put("VALUE", 5000 + 2500 * i)
				.put("IS_ARCHIVE", 0);
			relate(lead, contacts.get(i * 4), contactAccounts.get(i * 4));
		}

		ArrayNode opportunities = seed.putArray("Opportunities");
		for (int i = 0; i < 10; i++) {
			ObjectNode opportunity = entity(opportunities, random, stamp);
			int stage = i % stages.size();
			opportunity.put("OPPORTUNITY_NAME", ORGANIZATIONS[i] + " renewal " + (2024 + i % 2))
				.put("OWNER_ID", owners[i % owners.length])
				.put("SALES_UNIT_ID", (i < 8) ? 2 : 3)
				.put("STAGE", stages.get(stage))
				.put("VALUE", 12000 + 7500 * i)
				.put("PROBABILITY", percents[stage])
				.put("CLOSING_DATE", Values.format(START.plus(Duration.ofDays(30L + 9 * i))))
				.put("IS_ARCHIVE", 0);
			relate(opportunity, contacts.get(i), contactAccounts.get(i));
		}

		ArrayNode notes = seed.putArray("Notes");
		for (int i = 0; i < 5; i++) {
			entity(notes, random, stamp).put("NOTE", "Call notes: discussed renewal terms with " + ORGANIZATIONS[i])
				.put("OWNER_ID", owners[i % owners.length])
				.put("ACCOUNT_ID", accounts.get(i));
		}
		ArrayNode activities = seed.putArray("Activities");
		for (int i = 0; i < 5; i++) {
			ObjectNode task = entity(activities, random, stamp);
			task.put("SUBJECT", "Follow up with " + ORGANIZATIONS[i])
				.put("OWNER_ID", owners[i % owners.length])
				.put("SALES_UNIT_ID", 2)
				.put("DUE_DATE", Values.format(START.plus(Duration.ofDays(7L + i))))
				.put("STATUS", i % 3)
				.put("PRIORITY", i % 3);
			task.putArray("ACCOUNT_RELATIONS").addObject().put("ACCOUNT_ID", accounts.get(i)).put("IS_PRIMARY", 1);
		}
		return seed;
	}

	private static void unit(ArrayNode units, long id, String name, @Nullable Integer parent) {
		ObjectNode unit = units.addObject().put("ID", id).put("SALES_UNIT_NAME", name);
		if (parent != null) {
			unit.put("PARENT_ID", parent);
		}
	}

	private static void client(ArrayNode clients, long id, String first, String last, int unit) {
		clients.addObject()
			.put("ID", id)
			.put("EMAIL", (first + "." + last).toLowerCase(java.util.Locale.ROOT) + "@example.com")
			.put("FIRST_NAME", first)
			.put("LAST_NAME", last)
			.put("DEFAULT_SALES_UNIT_ID", unit)
			.put("LANGUAGE", "en")
			.put("IS_ACTIVE", 1);
	}

	private static List<String> named(ArrayNode array, Random random, Stamp stamp, String field, String... names) {
		List<String> ids = new ArrayList<>();
		for (String name : names) {
			ids.add(entity(array, random, stamp).put(field, name).get("ID").asString());
		}
		return ids;
	}

	private static void relate(ObjectNode deal, String contact, String account) {
		deal.putArray("CONTACT_RELATIONS").addObject().put("CONTACT_ID", contact).put("IS_PRIMARY", 1);
		deal.putArray("ACCOUNT_RELATIONS").addObject().put("ACCOUNT_ID", account).put("IS_PRIMARY", 1);
	}

	private static ObjectNode entity(ArrayNode array, Random random, Stamp stamp) {
		String id = "PY-7FFFFFFF-" + new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(java.util.Locale.ROOT);
		String when = stamp.next();
		return array.addObject().put("ID", id).put("CREATED", when).put("MODIFIED", when);
	}

	/** Creation times seven hours apart, so that MODIFIED orders and filters the demo data. */
	private static final class Stamp {

		private int count;

		String next() {
			return Values.format(START.plus(Duration.ofHours(7L * this.count++)));
		}

	}

}
