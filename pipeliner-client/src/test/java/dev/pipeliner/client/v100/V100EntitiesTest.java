package dev.pipeliner.client.v100;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated records against the contract they come from, for every entity and property:
 * answers made from the contract's schemas (many seeds, relations as URIs and expanded) map onto
 * the records with every component holding its property's value, the custom fields and the rest
 * in the other fields; what the contract says is never null and enumerations it lists are held
 * to; and the records write back the answer they were read from.
 */
class V100EntitiesTest {

	/** The entities that must have records at least. */
	static final Set<String> STANDARD = Set.of("Account", "Contact", "Lead", "Opportunity", "Task", "Appointment", "Note",
			"Product", "Client", "SalesUnit");

	static final int SEEDS = 12;

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void everyEntityOfTheContractHasARecordButTheTwoLeftOut() {
		Set<String> missing = new TreeSet<>();
		for (String entity : ContractSamples.entities().keySet()) {
			if (type(entity) == null) {
				missing.add(entity);
			}
		}
		assertThat(missing).as("contract entities without a record").containsExactly("Activity", "Entity");
		assertThat(STANDARD).allSatisfy((entity) -> assertThat(type(entity)).as(entity).isNotNull().matches(Class::isRecord));
	}

	@Test
	void everyPropertyHasAConstantThatIsItsNameOnTheWire() throws IllegalAccessException {
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			Class<?> type = type(entity.getKey());
			assertThat(constant(type, "COLLECTION")).isEqualTo(entity.getValue().path("x-pipeliner-collection").stringValue());
			for (String property : entity.getValue().path("properties").propertyNames()) {
				assertThat(constant(type, property.toUpperCase(Locale.ROOT))).as(type.getSimpleName() + " " + property)
					.isEqualTo(property);
			}
		}
	}

	@Test
	void aComponentIsNullableExactlyWhereTheContractSaysThePropertyCanBeNull() {
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			for (RecordComponent component : components(type(entity.getKey()))) {
				JsonNode form = entity.getValue().path("properties").path(property(component));
				assertThat(component.getAnnotatedType().isAnnotationPresent(Nullable.class))
					.as(entity.getKey() + "." + component.getName())
					.isEqualTo(form.path("nullable").asBoolean(false));
			}
		}
	}

	@Test
	void everyComponentHoldsItsPropertyAndTheOtherFieldsHoldTheRest() throws ReflectiveOperationException {
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			Class<?> type = type(entity.getKey());
			for (int seed = 0; seed < SEEDS; seed++) {
				boolean expanded = seed % 3 == 2;
				Map<String, Object> answer = new ContractSamples(seed, expanded).answer(entity.getValue());
				Object record = Entity.of(answer).as(type);

				Map<String, Object> rest = new LinkedHashMap<>(answer);
				for (RecordComponent component : components(type)) {
					String property = property(component);
					assertValue(entity.getKey() + "." + property + " (seed " + seed + ")", component.getAccessor().invoke(record),
							entity.getValue().path("properties").path(property), answer.get(property));
					rest.remove(property);
				}
				assertThat(call(record, "otherFields")).as(entity.getKey() + " other fields (seed " + seed + ")")
					.isEqualTo(rest);
				assertThat(call(record, "customFields")).as(entity.getKey() + " custom fields").isEqualTo(customOf(answer));
			}
		}
	}

	@Test
	void aPropertyThatIsNeverNullFailsTheMappingWhenItIsMissingOrNull() {
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			Class<?> type = type(entity.getKey());
			for (RecordComponent component : components(type)) {
				String property = property(component);
				if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
					continue;
				}
				Map<String, Object> answer = new ContractSamples(7, false).answer(entity.getValue());
				Map<String, Object> withNull = new LinkedHashMap<>(answer);
				withNull.put(property, null);
				answer.remove(property);
				for (Map<String, Object> broken : java.util.List.of(answer, withNull)) {
					assertThatThrownBy(() -> Entity.of(broken).as(type)).as(entity.getKey() + "." + property)
						.isInstanceOf(PipelinerDecodingException.class)
						.hasMessageContaining(property + " of " + entity.getKey() + " is null or missing");
				}
			}
		}
	}

	@Test
	void aValueTheContractDoesNotListFailsTheMappingOfItsEnumeration() {
		int enumerations = 0;
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			Class<?> type = type(entity.getKey());
			for (RecordComponent component : components(type)) {
				if (component.getType().isEnum()) {
					Map<String, Object> answer = new ContractSamples(3, false).answer(entity.getValue());
					String property = property(component);
					answer.put(property, component.getType().getSimpleName().equals("UserRecalculationState") ? "Paused" : 99);
					assertThatThrownBy(() -> Entity.of(answer).as(type)).as(entity.getKey() + "." + property)
						.isInstanceOf(PipelinerDecodingException.class)
						.hasMessageContaining("is not a value of " + entity.getKey() + "." + property);
					enumerations++;
				}
			}
		}
		assertThat(enumerations).as("enumerations checked").isGreaterThan(40);
	}

	@Test
	void aRecordWritesTheAnswerItWasReadFrom() {
		for (Map.Entry<String, JsonNode> entity : generated().entrySet()) {
			Class<?> type = type(entity.getKey());
			for (int seed = 0; seed < 4; seed++) {
				Object record = Entity.of(new ContractSamples(seed, seed == 3).answer(entity.getValue())).as(type);
				JsonNode written = MAPPER.valueToTree(record);

				assertThat(written.has("otherFields")).as("other fields written as a property").isFalse();
				assertThat(written.path("cf_region").isString()).as(entity.getKey() + " custom field written").isTrue();
				assertThat(MAPPER.treeToValue(written, type)).as(entity.getKey() + " read again").isEqualTo(record);
			}
		}
	}

	@Test
	void anEnumerationConstantIsItsValueOnTheWire() {
		assertThat(Opportunity.Status.of(3)).isEqualTo(Opportunity.Status.WON);
		assertThat(Opportunity.Status.WON.value()).isEqualTo(3);
		assertThat(Opportunity.Status.WON).hasToString("3");
		assertThat(Client.UserRecalculationState.of("Pending")).isEqualTo(Client.UserRecalculationState.PENDING);
		assertThatThrownBy(() -> Task.Priority.of(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("0 is not a value of Task.priority; the contract lists 1 (LOW), 2 (MEDIUM), 3 (HIGH)");
	}

	static void assertValue(String what, @Nullable Object actual, JsonNode form, @Nullable Object json)
			throws ReflectiveOperationException {
		if (json == null) {
			assertThat(actual).as(what).isNull();
			return;
		}
		assertThat(actual).as(what).isNotNull();
		if (form.path("x-pipeliner-format").asString("").equals("date-time")) {
			assertThat(actual).as(what).isEqualTo(Instant.parse((String) json));
		}
		else if (form.path("format").asString("").equals("date")) {
			assertThat(actual).as(what).isEqualTo(LocalDate.parse((String) json));
		}
		else if (actual instanceof Enum<?>) {
			assertThat(call(actual, "value")).as(what).isEqualTo(json);
		}
		else if (actual instanceof BigDecimal decimal) {
			assertThat(decimal).as(what).isEqualByComparingTo((BigDecimal) json);
		}
		else if (actual.getClass().isRecord()) {
			Map<?, ?> object = (Map<?, ?>) json;
			for (RecordComponent component : components(actual.getClass())) {
				String property = property(component);
				assertValue(what + "." + property, component.getAccessor().invoke(actual), form.path("properties").path(property),
						object.get(property));
			}
		}
		else {
			assertThat(actual).as(what).isEqualTo(json);
		}
	}

	private static Map<String, Object> customOf(Map<String, Object> answer) {
		Map<String, Object> custom = new LinkedHashMap<>();
		answer.forEach((name, value) -> {
			if (name.startsWith("cf_")) {
				custom.put(name, value);
			}
		});
		return custom;
	}

	/** The entities of the contract that have a record. */
	static Map<String, JsonNode> generated() {
		Map<String, JsonNode> generated = new LinkedHashMap<>(ContractSamples.entities());
		generated.keySet().removeIf((entity) -> type(entity) == null);
		assertThat(generated).hasSizeGreaterThanOrEqualTo(STANDARD.size());
		return generated;
	}

	static @Nullable Class<?> type(String entity) {
		try {
			return Class.forName(V100EntitiesTest.class.getPackageName() + "." + entity);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	/** The components that stand for a property: all but the other fields. */
	static java.util.List<RecordComponent> components(Class<?> type) {
		Set<String> seen = new HashSet<>();
		return java.util.Arrays.stream(type.getRecordComponents())
			.filter((component) -> !component.getName().equals("otherFields"))
			.peek((component) -> assertThat(seen.add(property(component))).as("one component per property").isTrue())
			.toList();
	}

	static String property(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		assertThat(property).as(component + " names its property").isNotNull();
		return property.value();
	}

	private static Object constant(Class<?> type, String name) throws IllegalAccessException {
		try {
			Field field = type.getField(name);
			assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).isTrue();
			return field.get(null);
		}
		catch (NoSuchFieldException ex) {
			throw new AssertionError(type.getSimpleName() + " has no constant " + name, ex);
		}
	}

	private static Object call(Object target, String method) throws ReflectiveOperationException {
		try {
			return target.getClass().getMethod(method).invoke(target);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

}
