package dev.pipeliner.emulator.internal.v100;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Schema.EntityType;
import dev.pipeliner.emulator.internal.store.Schema.Field;
import dev.pipeliner.emulator.internal.store.Schema.Type;
import dev.pipeliner.emulator.internal.store.Wire;

/**
 * The entities of a space as the Cloud API v100 names them: the standard entities that v100 has
 * under the same plural, with snake_case field names, UUID ids, booleans for checkboxes, a
 * {@code revision}, and relations that know the collection they point into.
 */
final class V100Schema {

	/** v1 names whose v100 name is not simply the lower-case form. */
	private static final Map<String, String> RENAMED = Map.of("ORGANIZATION", "name", "SURNAME", "last_name",
			"SALES_UNIT_ID", "unit_id", "OPPORTUNITY_NAME", "name", "HOMEPAGE", "home_page", "SALES_UNIT_NAME", "name",
			"IS_ARCHIVE", "is_archived", "STAGE", "step_id", "DEFAULT_SALES_UNIT_ID", "default_unit_id");

	/** Standard collections that the v100 API does not have under the same name. */
	private static final Set<String> ABSENT = Set.of("ActivityTypes", "AddressbookRelations", "Documents",
			"ExRateLists", "Industries", "IntegrationEnvs", "Messages", "OpptyAccountRelations",
			"OpptyContactRelations", "OpptyContactRoles", "ReasonOfCloses", "Reminders", "Stages");

	/** Relation fields (v100 names) and the collections they point into. */
	private static final Map<String, String> TARGETS = Map.ofEntries(Map.entry("owner_id", "Clients"),
			Map.entry("unit_id", "SalesUnits"), Map.entry("default_unit_id", "SalesUnits"),
			Map.entry("account_id", "Accounts"), Map.entry("contact_id", "Contacts"),
			Map.entry("lead_oppty_id", "Opportunities"), Map.entry("account_type_id", "AccountTypes"),
			Map.entry("product_id", "Products"), Map.entry("activity_id", "Activities"),
			Map.entry("currency_id", "Currencies"), Map.entry("product_category_id", "ProductCategories"),
			Map.entry("product_price_list_id", "ProductPriceLists"));

	private static final Schema SCHEMA = build();

	private V100Schema() {
	}

	static Schema schema() {
		return SCHEMA;
	}

	/** @return the v100 name of a v1 field, also for the keys of relation objects */
	static String name(String v1Name) {
		String renamed = RENAMED.get(v1Name);
		return (renamed != null) ? renamed : v1Name.toLowerCase(Locale.ROOT);
	}

	private static Schema build() {
		List<EntityType> types = new ArrayList<>();
		for (EntityType type : Schema.standard().byCollection().values()) {
			if (ABSENT.contains(type.collection())) {
				continue;
			}
			Map<String, Field> fields = new LinkedHashMap<>();
			for (Field field : type.fields().values()) {
				Field converted = convert(type, field);
				fields.put(converted.apiName(), converted);
			}
			fields.put("revision", new Field("revision", "Revision", Type.LONG, "Number", false, true, false,
					BigDecimal.ZERO, null, null, null, "Revision when the entity was last changed", null));
			types.add(new EntityType(type.entity(), type.collection(), false, Collections.unmodifiableMap(fields)));
		}
		return Schema.of(Wire.V100, types);
	}

	private static Field convert(EntityType type, Field field) {
		String name = name(field.apiName());
		Type storage = field.type();
		BigDecimal min = field.minValue();
		BigDecimal max = field.maxValue();
		String target = null;
		if (field.plType().equals("Checkbox")) {
			storage = Type.BOOLEAN;
			min = null;
			max = null;
		}
		else if (field.plType().equals("Relation") || field.plType().equals("Id")) {
			storage = Type.STRING;
			min = null;
			max = BigDecimal.valueOf(36);
			target = name.equals("parent_id") ? type.collection() : TARGETS.get(name);
		}
		return new Field(name, field.name(), storage, field.plType(), field.required(), field.readOnly(), field.custom(),
				min, max, field.choices(), field.calcFormula(), field.description(), target);
	}

}
