package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.pipeliner.emulator.internal.store.DemoData;
import dev.pipeliner.emulator.internal.store.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data set in the forms of the Cloud API v100: the entities of {@link DemoData}, each
 * with what the contract requires of it, identical on every start.
 * <ul>
 * <li>Sales units {@code 00000000-0000-0001-0000-00000000000{1,2,3}} (Headquarters, EMEA,
 * Americas) and users (Clients) {@code 00000000-0000-0001-0000-0000000005fe} (Olivia Owner),
 * {@code …05ff} and {@code …0600}: the v1 numbers in the last group. One master right,
 * {@code 00000000-0000-0002-0000-000000000001}, which every user has.
 * <li>Every other id starts with the entity's creation time, as ids grow with time on v100, so
 * the default order is the order of creation; the times are those of the v1 demo data.
 * <li>Industries become Data of one data set; the deal stages become the {@code step_id} of
 * opportunities (v100 serves no Steps); the v1 activities become Tasks; relations become
 * relation items with ids of their own.
 * </ul>
 */
public final class V100DemoData {

	/** The master right every demo user has. */
	static final String MASTER_RIGHT = "00000000-0000-0002-0000-000000000001";

	/** The data set the demo industries belong to. */
	private static final String INDUSTRIES = "00000000-0000-0003-0000-000000000001";

	/** When the units, users and master right were "created". */
	private static final Instant SETUP = Instant.parse("2024-02-01T08:00:00Z");

	private V100DemoData() {
	}

	/** @return the data set in the form {@link V100Writes#load} takes */
	public static ObjectNode json(ObjectMapper mapper) {
		ObjectNode v1 = DemoData.json(mapper);
		Ids ids = new Ids(v1);
		ObjectNode seed = mapper.createObjectNode();
		int setup = 0;
		for (JsonNode unit : v1.get("SalesUnits")) {
			ObjectNode converted = fixed(seed.withArray("SalesUnits").addObject(), ids.of(unit), setup++);
			converted.put("name", unit.get("SALES_UNIT_NAME").asString());
			converted.put("parent_id", unit.has("PARENT_ID") ? ids.of(unit.get("PARENT_ID")) : null);
		}
		fixed(seed.withArray("MasterRights").addObject(), MASTER_RIGHT, setup++).put("name", "Salesperson")
			.put("access_accounts", true).put("access_contacts", true);
		for (JsonNode client : v1.get("Clients")) {
			ObjectNode converted = fixed(seed.withArray("Clients").addObject(), ids.of(client), setup++);
			String unit = ids.of(client.get("DEFAULT_SALES_UNIT_ID"));
			converted.put("email", client.get("EMAIL").asString())
				.put("first_name", client.get("FIRST_NAME").asString())
				.put("last_name", client.get("LAST_NAME").asString())
				.put("name", client.get("FIRST_NAME").asString() + " " + client.get("LAST_NAME").asString())
				.put("default_unit_id", unit)
				.put("master_right_id", MASTER_RIGHT)
				.put("type", 0);
			converted.putArray("unit_membership").addObject().put("id", relationId(converted, 0)).put("unit_id", unit);
		}
		int order = 0;
		for (JsonNode industry : v1.get("Industries")) {
			ObjectNode data = entity(seed, "Data", industry, ids);
			data.put("data_set_id", INDUSTRIES).put("option_name", industry.get("NAME").asString()).put("sort_order", order++);
			data.putObject("option_name_translations").put("en", industry.get("NAME").asString());
		}
		for (JsonNode accountType : v1.get("AccountTypes")) {
			entity(seed, "AccountTypes", accountType, ids).put("name", accountType.get("NAME").asString()).put("is_readonly", false);
		}
		for (JsonNode currency : v1.get("Currencies")) {
			ObjectNode converted = entity(seed, "Currencies", currency, ids);
			boolean base = currency.get("IS_BASE").asInt() == 1;
			converted.put("code", currency.get("CODE").asString()).put("symbol", currency.get("SYMBOL").asString())
				.put("is_base", base);
			converted.putArray("currency_exchange_rates").addObject().put("id", relationId(converted, 0))
				.put("currency_id", converted.get("id").asString()).put("exchange_rate", base ? 1.0 : 1.08);
		}
		for (JsonNode product : v1.get("Products")) {
			entity(seed, "Products", product, ids).put("name", product.get("NAME").asString())
				.put("sku", product.get("SKU").asString()).put("unit_symbol", product.get("UNIT_SYMBOL").asString());
		}
		for (JsonNode account : v1.get("Accounts")) {
			owned(entity(seed, "Accounts", account, ids), account, ids).put("name", account.get("ORGANIZATION").asString())
				.put("email1", account.get("EMAIL1").asString())
				.put("phone1", account.get("PHONE1").asString())
				.put("city", account.get("CITY").asString())
				.put("country", account.get("COUNTRY").asString())
				.put("industry_id", ids.of(account.get("INDUSTRY_ID")))
				.put("account_type_id", ids.of(account.get("ACCOUNT_TYPE_ID")))
				.put("cf_customer_tier", account.get("cf_customer_tier").asString());
		}
		for (JsonNode contact : v1.get("Contacts")) {
			ObjectNode converted = owned(entity(seed, "Contacts", contact, ids), contact, ids);
			converted.put("first_name", contact.get("FIRST_NAME").asString())
				.put("last_name", contact.get("SURNAME").asString())
				.put("email1", contact.get("EMAIL1").asString())
				.put("phone1", contact.get("PHONE1").asString())
				.put("position", contact.get("POSITION").asString())
				.put("cf_preferred_channel", contact.get("cf_preferred_channel").asString());
			relations(converted, "account_relations", contact.get("ACCOUNT_RELATIONS"), "account", "contact_id", ids);
		}
		for (JsonNode lead : v1.get("Leads")) {
			ObjectNode converted = owned(entity(seed, "Leads", lead, ids), lead, ids);
			converted.put("name", lead.get("OPPORTUNITY_NAME").asString())
				.put("ranking", lead.get("RANKING").asInt())
				.put("is_archived", false);
			deal(converted, lead, ids);
		}
		for (JsonNode opportunity : v1.get("Opportunities")) {
			ObjectNode converted = owned(entity(seed, "Opportunities", opportunity, ids), opportunity, ids);
			Instant closing = Objects.requireNonNull(Wire.V1.parse(opportunity.get("CLOSING_DATE").asString()));
			converted.put("name", opportunity.get("OPPORTUNITY_NAME").asString())
				.put("step_id", ids.of(opportunity.get("STAGE")))
				.put("closing_date", closing.atOffset(ZoneOffset.UTC).toLocalDate().toString())
				.put("is_archived", false);
			converted.putObject("value")
				.put("base_value", opportunity.get("VALUE").asDouble())
				.put("currency_id", ids.of(v1.get("Currencies").get(0)))
				.put("value_foreign", opportunity.get("VALUE").asDouble());
			deal(converted, opportunity, ids);
		}
		for (JsonNode note : v1.get("Notes")) {
			owned(entity(seed, "Notes", note, ids), note, ids).put("note", note.get("NOTE").asString())
				.put("account_id", ids.of(note.get("ACCOUNT_ID")));
		}
		for (JsonNode activity : v1.get("Activities")) {
			ObjectNode task = owned(entity(seed, "Tasks", activity, ids), activity, ids);
			Instant due = Objects.requireNonNull(Wire.V1.parse(activity.get("DUE_DATE").asString()));
			task.put("subject", activity.get("SUBJECT").asString())
				.put("due_date", due.atOffset(ZoneOffset.UTC).toLocalDate().toString())
				.put("status", activity.get("STATUS").asInt() + 1)
				.put("priority", activity.get("PRIORITY").asInt() + 1);
			relations(task, "account_relations", activity.get("ACCOUNT_RELATIONS"), "account", "activity_id", ids);
		}
		return seed;
	}

	/** @return a new entity of the collection with the id and times of the v1 entity */
	private static ObjectNode entity(ObjectNode seed, String collection, JsonNode v1, Ids ids) {
		ObjectNode entity = seed.withArray(collection).addObject();
		entity.put("id", ids.of(v1));
		for (String time : new String[] { "CREATED", "MODIFIED" }) {
			Instant instant = Objects.requireNonNull(Wire.V1.parse(v1.get(time).asString()), "the v1 demo data has times");
			entity.put(time.toLowerCase(Locale.ROOT), Wire.V100.format(instant));
		}
		return entity;
	}

	/** @return the entity with an id and the times of the setup, {@code minutes} after its start */
	private static ObjectNode fixed(ObjectNode entity, String id, int minutes) {
		String time = Wire.V100.format(SETUP.plus(minutes, ChronoUnit.MINUTES));
		return entity.put("id", id).put("created", time).put("modified", time);
	}

	private static ObjectNode owned(ObjectNode entity, JsonNode v1, Ids ids) {
		entity.put("owner_id", ids.of(v1.get("OWNER_ID")));
		if (v1.has("SALES_UNIT_ID")) {
			entity.put("unit_id", ids.of(v1.get("SALES_UNIT_ID")));
		}
		return entity;
	}

	private static void deal(ObjectNode deal, JsonNode v1, Ids ids) {
		relations(deal, "contact_relations", v1.get("CONTACT_RELATIONS"), "contact", "lead_oppty_id", ids);
		relations(deal, "account_relations", v1.get("ACCOUNT_RELATIONS"), "account", "lead_oppty_id", ids);
	}

	/** Converts v1 relation objects ({@code ACCOUNT_ID}, {@code IS_PRIMARY}) into relation items with ids. */
	private static void relations(ObjectNode entity, String name, JsonNode v1, String related, String owner, Ids ids) {
		ArrayNode items = entity.putArray(name);
		for (JsonNode relation : v1) {
			items.addObject()
				.put("id", relationId(entity, items.size()))
				.put(related + "_id", ids.of(relation.get(related.toUpperCase(Locale.ROOT) + "_ID")))
				.put(owner, entity.get("id").asString())
				.put("is_primary", relation.path("IS_PRIMARY").asInt() == 1);
		}
	}

	private static String relationId(ObjectNode entity, int index) {
		String name = "relation:" + entity.get("id").asString() + ":" + index;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The v100 id of each v1 id of the demo data. */
	private static final class Ids {

		private final Map<String, String> ids = new HashMap<>();

		Ids(ObjectNode v1) {
			for (Map.Entry<String, JsonNode> collection : v1.properties()) {
				for (JsonNode entity : collection.getValue()) {
					JsonNode id = entity.get("ID");
					JsonNode created = entity.get("CREATED");
					if (id.isNumber()) {
						this.ids.put(id.asString(), String.format(Locale.ROOT, "00000000-0000-0001-0000-%012x", id.asLong()));
					}
					else {
						Instant time = Objects.requireNonNull(Wire.V1.parse(created.asString()), "the v1 demo data has times");
						long low = UUID.nameUUIDFromBytes(id.asString().getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits();
						this.ids.put(id.asString(), V100Clock.id(time, low));
					}
				}
			}
		}

		String of(JsonNode v1) {
			JsonNode id = v1.isObject() ? v1.get("ID") : v1;
			return Objects.requireNonNull(this.ids.get(id.asString()), () -> "the demo data has no entity " + id);
		}

	}

}
