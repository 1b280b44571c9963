package dev.pipeliner.emulator.internal.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The standard entities of a Pipeliner team pipeline (schema version 15): their singular and
 * (irregular) plural names, and their fields as {@code getFields} describes them. Immutable and
 * shared by every team pipeline of an emulator.
 */
public final class Schema {

	/** A field's storage type, as {@code getFields} names it in {@code TYPE}. */
	public enum Type {

		STRING("string"), UNICODE("unicode"), DATETIME("datetime"), LONG("long"), DECIMAL("Decimal"), LIST("list"),

		/** A JSON {@code true} or {@code false}: the v100 form of a checkbox. */
		BOOLEAN("boolean");

		private final String wire;

		Type(String wire) {
			this.wire = wire;
		}

		/** @return the name {@code getFields} gives the type */
		public String wire() {
			return this.wire;
		}

	}

	/**
	 * One field of an entity.
	 * @param target for a relation, the collection it points into, when the emulator knows it;
	 * else {@code null}
	 */
	public record Field(String apiName, String name, Type type, String plType, boolean required, boolean readOnly,
			boolean custom, @Nullable BigDecimal minValue, @Nullable BigDecimal maxValue,
			@Nullable Map<String, String> choices, @Nullable String calcFormula, String description,
			@Nullable String target) {

		boolean isText() {
			return this.type == Type.STRING || this.type == Type.UNICODE;
		}

	}

	/** One entity type: its names and fields. */
	public record EntityType(String entity, String collection, boolean numericIds, Map<String, Field> fields) {

		public List<String> requiredFields() {
			return this.fields.values().stream().filter(Field::required).map(Field::apiName).toList();
		}

	}

	private static final Schema STANDARD = buildStandard();

	private final Wire wire;

	private final Map<String, EntityType> byCollection;

	private final Map<String, EntityType> byEntity;

	private Schema(Wire wire, List<EntityType> types) {
		this.wire = wire;
		Map<String, EntityType> collections = new LinkedHashMap<>();
		Map<String, EntityType> entities = new LinkedHashMap<>();
		for (EntityType type : types) {
			collections.put(type.collection(), type);
			entities.put(type.entity(), type);
		}
		this.byCollection = Collections.unmodifiableMap(collections);
		this.byEntity = Collections.unmodifiableMap(entities);
	}

	/** @return the standard entities as the v1 API names them */
	public static Schema standard() {
		return STANDARD;
	}

	/** @return a schema of the given entity types, stored in the forms of the given protocol */
	public static Schema of(Wire wire, List<EntityType> types) {
		return new Schema(wire, types);
	}

	/** @return the stored forms of this schema's protocol */
	public Wire wire() {
		return this.wire;
	}

	public Map<String, EntityType> byCollection() {
		return this.byCollection;
	}

	/** @return the type whose plural is {@code collection}, or {@code null} */
	public @Nullable EntityType collection(String collection) {
		return this.byCollection.get(collection);
	}

	/** @return the type whose singular is {@code entity}, or {@code null} */
	public @Nullable EntityType entity(String entity) {
		return this.byEntity.get(entity);
	}

	/** @return the type named by its singular or plural, or {@code null} */
	public @Nullable EntityType either(String name) {
		EntityType type = this.byEntity.get(name);
		return (type != null) ? type : this.byCollection.get(name);
	}

	// The standard schema

	private static Schema buildStandard() {
		List<EntityType> types = new ArrayList<>();
		types.add(type("Account", "Accounts", false, text("ORGANIZATION", 255).required(), owner(), salesUnit(),
				ascii("EMAIL1", 100), ascii("PHONE1", 50), text("ADDRESS", 255), text("CITY", 100),
				text("COUNTRY", 100), ascii("ZIP_CODE", 20), ascii("HOMEPAGE", 255), ref("INDUSTRY_ID"),
				ref("ACCOUNT_TYPE_ID"), text("DESCRIPTION", 4000), relations("CONTACT_RELATIONS"),
				ascii("cf_customer_tier", 20).custom()
					.plType("Dropdown")
					.choices("GOLD", "Gold", "SILVER", "Silver", "BRONZE", "Bronze"),
				decimal("cf_lifetime_value").custom().readOnly().calc("SUM(Opportunities.VALUE)")));
		types.add(type("AccountType", "AccountTypes", false, text("NAME", 100).required()));
		types.add(type("Activity", "Activities", false, text("SUBJECT", 255).required(), owner(), salesUnit(),
				ref("ACTIVITY_TYPE_ID"), datetime("DUE_DATE"),
				number("STATUS", 0, 3).plType("Dropdown").choices("0", "Planned", "1", "In progress", "2", "Done", "3", "Cancelled"),
				number("PRIORITY", 0, 2), text("DESCRIPTION", 4000), relations("ACCOUNT_RELATIONS"),
				relations("CONTACT_RELATIONS")));
		types.add(type("ActivityType", "ActivityTypes", false, text("NAME", 100).required()));
		types.add(type("AddressbookRelation", "AddressbookRelations", false, ref("ACCOUNT_ID").required(),
				ref("CONTACT_ID").required(), flag("IS_PRIMARY"), text("POSITION", 100)));
		types.add(type("Appointment", "Appointments", false, text("SUBJECT", 255).required(),
				datetime("START_DATE").required(), datetime("END_DATE").required(), owner(), text("LOCATION", 255),
				text("DESCRIPTION", 4000), relations("CONTACT_RELATIONS")));
		types.add(type("Client", "Clients", true, ascii("EMAIL", 100).required(), text("FIRST_NAME", 100),
				text("LAST_NAME", 100), number("DEFAULT_SALES_UNIT_ID", 0, null).plType("Relation"),
				ascii("LANGUAGE", 10), flag("IS_ACTIVE")));
		types.add(type("Contact", "Contacts", false, text("FIRST_NAME", 100), text("SURNAME", 100).required(),
				text("TITLE", 50), owner(), salesUnit(), ascii("EMAIL1", 100), ascii("EMAIL2", 100),
				ascii("PHONE1", 50), ascii("PHONE2", 50), text("POSITION", 100), text("ADDRESS", 255),
				text("CITY", 100), text("COUNTRY", 100), relations("ACCOUNT_RELATIONS"),
				ascii("cf_preferred_channel", 20).custom()
					.plType("Dropdown")
					.choices("EMAIL", "Email", "PHONE", "Phone", "MEETING", "Meeting")));
		types.add(type("Currency", "Currencies", false, ascii("CODE", 3).required(), text("SYMBOL", 5),
				flag("IS_BASE")));
		types.add(type("Data", "Data", false, text("VALUE", 255).required(), text("DATA_SET_NAME", 100)));
		types.add(type("Document", "Documents", false, text("NAME", 255).required(), owner(), ascii("URL", 1000),
				number("SIZE", 0, null), ref("ACCOUNT_ID"), ref("LEAD_OPPTY_ID")));
		types.add(type("Email", "Emails", false, text("SUBJECT", 255).required(), text("BODY", 32000), owner(),
				ascii("FROM_EMAIL", 100), ascii("TO_EMAIL", 1000), datetime("SENT_DATE")));
		types.add(type("ExchangeRatesList", "ExRateLists", false, text("NAME", 100).required(),
				datetime("VALID_FROM").required()));
		types.add(type("Industry", "Industries", false, text("NAME", 100).required()));
		types.add(type("IntegrationEnviroment", "IntegrationEnvs", false, text("NAME", 100).required(),
				text("ENVIRONMENT_DATA", 4000)));
		types.add(type("Lead", "Leads", false, text("OPPORTUNITY_NAME", 255).required(), owner(), salesUnit(),
				relations("CONTACT_RELATIONS").required(), relations("ACCOUNT_RELATIONS"), number("RANKING", 0, 5),
				decimal("VALUE"), text("DESCRIPTION", 4000), flag("IS_ARCHIVE")));
		types.add(type("MasterRight", "MasterRights", false, text("NAME", 100).required()));
		types.add(type("Message", "Messages", false, text("TEXT", 4000).required(), owner(), ref("LEAD_OPPTY_ID")));
		types.add(type("Note", "Notes", false, text("NOTE", 4000).required(), owner(), ref("ACCOUNT_ID"),
				ref("CONTACT_ID"), ref("LEAD_OPPTY_ID")));
		types.add(type("Opportunity", "Opportunities", false, text("OPPORTUNITY_NAME", 255).required(), owner(),
				salesUnit(), relations("CONTACT_RELATIONS").required(), relations("ACCOUNT_RELATIONS"), ref("STAGE"),
				decimal("VALUE"), datetime("CLOSING_DATE"), number("PROBABILITY", 0, 100), number("RANKING", 0, 5),
				ref("REASON_OF_CLOSE_ID"), flag("IS_ARCHIVE"), text("DESCRIPTION", 4000)));
		types.add(type("OpptyAccountRelation", "OpptyAccountRelations", false, ref("LEAD_OPPTY_ID").required(),
				ref("ACCOUNT_ID").required(), flag("IS_PRIMARY")));
		types.add(type("OpptyContactRelation", "OpptyContactRelations", false, ref("LEAD_OPPTY_ID").required(),
				ref("CONTACT_ID").required(), flag("IS_PRIMARY")));
		types.add(type("OpptyContactRole", "OpptyContactRoles", false, text("NAME", 100).required()));
		types.add(type("OpptyProductRelation", "OpptyProductRelations", false, ref("LEAD_OPPTY_ID").required(),
				ref("PRODUCT_ID").required(), decimal("QUANTITY"), decimal("PRICE")));
		types.add(type("Product", "Products", false, text("NAME", 255).required(), ascii("SKU", 50),
				text("UNIT_SYMBOL", 10), ref("PRODUCT_CATEGORY_ID"), text("DESCRIPTION", 4000)));
		types.add(type("ProductCategory", "ProductCategories", false, text("NAME", 100).required(),
				ref("PARENT_ID")));
		types.add(type("ProductPriceList", "ProductPriceLists", false, text("NAME", 100).required(),
				ref("CURRENCY_ID")));
		types.add(type("ProductPriceListPrice", "ProductPriceListPrices", false, ref("PRODUCT_ID").required(),
				ref("PRODUCT_PRICE_LIST_ID").required(), decimal("PRICE").required()));
		types.add(type("ReasonOfClose", "ReasonOfCloses", false, text("NAME", 100).required(), flag("IS_WON")));
		types.add(type("Reminder", "Reminders", false, datetime("REMIND_AT").required(), owner(),
				ref("ACTIVITY_ID")));
		types.add(type("SalesRole", "SalesRoles", false, text("NAME", 100).required()));
		types.add(type("SalesUnit", "SalesUnits", true, text("SALES_UNIT_NAME", 100).required(),
				number("PARENT_ID", 0, null).plType("Relation")));
		types.add(type("Stage", "Stages", false, text("NAME", 100).required(), number("PERCENT", 0, 100),
				number("SORT_ORDER", 0, null), ref("SALES_PROCESS_ID")));
		return new Schema(Wire.V1, types);
	}

	private static EntityType type(String entity, String collection, boolean numericIds, FieldBuilder... fields) {
		Map<String, Field> map = new LinkedHashMap<>();
		FieldBuilder id = numericIds ? number("ID", 0, null).plType("Id") : ascii("ID", 100).plType("Id");
		for (FieldBuilder field : List.of(id.readOnly(), datetime("CREATED").readOnly(),
				datetime("MODIFIED").readOnly(), flag("IS_DELETED").readOnly())) {
			map.put(field.apiName, field.build());
		}
		for (FieldBuilder field : fields) {
			map.put(field.apiName, field.build());
		}
		return new EntityType(entity, collection, numericIds, Collections.unmodifiableMap(map));
	}

	private static FieldBuilder text(String apiName, int maxLength) {
		return new FieldBuilder(apiName, Type.UNICODE, "Text").max(maxLength);
	}

	private static FieldBuilder ascii(String apiName, int maxLength) {
		return new FieldBuilder(apiName, Type.STRING, "Text").max(maxLength);
	}

	private static FieldBuilder number(String apiName, Integer min, @Nullable Integer max) {
		FieldBuilder field = new FieldBuilder(apiName, Type.LONG, "Number");
		field.minValue = (min != null) ? BigDecimal.valueOf(min) : null;
		field.maxValue = (max != null) ? BigDecimal.valueOf(max) : null;
		return field;
	}

	private static FieldBuilder flag(String apiName) {
		return number(apiName, 0, 1).plType("Checkbox");
	}

	private static FieldBuilder decimal(String apiName) {
		return new FieldBuilder(apiName, Type.DECIMAL, "Decimal");
	}

	private static FieldBuilder datetime(String apiName) {
		return new FieldBuilder(apiName, Type.DATETIME, "DateTime");
	}

	private static FieldBuilder ref(String apiName) {
		return ascii(apiName, 100).plType("Relation");
	}

	private static FieldBuilder relations(String apiName) {
		return new FieldBuilder(apiName, Type.LIST, "Relations");
	}

	private static FieldBuilder owner() {
		return number("OWNER_ID", 0, null).plType("Relation").required();
	}

	private static FieldBuilder salesUnit() {
		return number("SALES_UNIT_ID", 0, null).plType("Relation").required();
	}

	private static final class FieldBuilder {

		private final String apiName;

		private final Type type;

		private String plType;

		private boolean required;

		private boolean readOnly;

		private boolean custom;

		private @Nullable BigDecimal minValue;

		private @Nullable BigDecimal maxValue;

		private @Nullable Map<String, String> choices;

		private @Nullable String calcFormula;

		FieldBuilder(String apiName, Type type, String plType) {
			this.apiName = apiName;
			this.type = type;
			this.plType = plType;
		}

		FieldBuilder required() {
			this.required = true;
			return this;
		}

		FieldBuilder readOnly() {
			this.readOnly = true;
			return this;
		}

		FieldBuilder custom() {
			this.custom = true;
			return this;
		}

		FieldBuilder plType(String plType) {
			this.plType = plType;
			return this;
		}

		FieldBuilder max(int max) {
			this.maxValue = BigDecimal.valueOf(max);
			return this;
		}

		FieldBuilder calc(String formula) {
			this.calcFormula = formula;
			return this;
		}

		FieldBuilder choices(String... idsAndLabels) {
			this.choices = new LinkedHashMap<>();
			for (int i = 0; i < idsAndLabels.length; i += 2) {
				this.choices.put(idsAndLabels[i], idsAndLabels[i + 1]);
			}
			return this;
		}

		Field build() {
			String label = label(this.apiName);
			return new Field(this.apiName, label, this.type, this.plType, this.required, this.readOnly, this.custom,
					this.minValue, this.maxValue, (this.choices != null) ? Collections.unmodifiableMap(this.choices) : null,
					this.calcFormula, label + (this.custom ? " (custom field)" : ""), null);
		}

		private static String label(String apiName) {
			String words = apiName.replaceFirst("^cf_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}

	}

}
