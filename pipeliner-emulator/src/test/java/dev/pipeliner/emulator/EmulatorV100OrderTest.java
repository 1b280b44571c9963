package dev.pipeliner.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the v100 emulator in the orders the indexes serve (id, {@code created},
 * {@code modified}, ascending or descending) with a condition on the order's field, against a
 * plain reference: random times with many ties, random bounds, operators and page sizes. Each read is done twice, once as
 * the index answers it and once with a condition that every entity meets, which makes the
 * emulator pass over the collection instead: both must give the same pages, cursors included.
 */
class EmulatorV100OrderTest {

	static final String OWNER = "00000000-0000-0001-0000-0000000005fe";

	static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'")
		.withZone(ZoneOffset.UTC);

	static PipelinerEmulator emulator;

	static RawHttp http;


	@BeforeAll
	static void start() {
		emulator = PipelinerEmulator.builder().protocol(Protocol.V100).start();
		Random random = new Random(7);
		List<Map<String, Object>> seed = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			// about 40 distinct minutes, so that many contacts share their times
			Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * random.nextInt(40));
			Instant modified = created.plusSeconds(60L * random.nextInt(30));
			seed.add(Map.of("last_name", "C" + i, "owner_id", OWNER, "created", FORM.format(created), "modified",
					FORM.format(modified)));
		}
		emulator.insert(emulator.getSpace(), "Contacts", seed);
		http = new RawHttp(emulator);
	}

	/** @return every contact as the emulator holds it now */
	private static List<JsonNode> contacts() {
		List<JsonNode> contacts = new ArrayList<>();
		http.get("/entities/Contacts?limit=1000").json().get("data").forEach(contacts::add);
		return contacts;
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void indexedReadsGiveWhatAPassOverTheCollectionGives() {
		Random random = new Random(42);
		List<JsonNode> contacts = contacts();
		for (int round = 0; round < 60; round++) {
			String field = List.of("id", "created", "modified").get(random.nextInt(3));
			String operator = List.of("eq", "gt", "gte", "lt", "lte", "between", "none").get(random.nextInt(7));
			JsonNode one = contacts.get(random.nextInt(contacts.size()));
			JsonNode other = contacts.get(random.nextInt(contacts.size()));
			List<String> bounds = new ArrayList<>(List.of(one.get(field).asString(), other.get(field).asString()));
			bounds.sort(Comparator.naturalOrder());
			boolean descending = random.nextInt(3) == 0;
			String query = (field.equals("id") && !descending && random.nextBoolean()) ? ""
					: "&order-by=" + (descending ? "-" : "") + field;
			if (!operator.equals("none")) {
				String value = operator.equals("between") ? bounds.get(0) + "," + bounds.get(1) : bounds.get(0);
				query += "&filter[" + field + "]=" + value.replace("+", "%2B") + "&filter-op[" + field + "]=" + operator;
			}
			int first = random.nextBoolean() ? 1 + random.nextInt(12) : 20 + random.nextInt(81);

			List<JsonNode> expected = reference(contacts, field, descending, operator, bounds);
			List<JsonNode> indexed = readAll(query, first, expected.size());
			List<JsonNode> scanned = readAll(query + "&filter-op[last_name]=not-null", first, expected.size());

			assertThat(EmulatorV100ReadingTest.ids(array(indexed))).as(query).isEqualTo(EmulatorV100ReadingTest.ids(array(scanned)))
				.isEqualTo(EmulatorV100ReadingTest.ids(array(expected)));
		}
	}

	@Test
	void aReadInTheOrderOfModifiedMissesNoEntityWhateverChangesMeanwhile() {
		Random random = new Random(3);
		List<JsonNode> contacts = contacts();
		Set<String> read = new HashSet<>();
		String after = null;
		boolean more = true;
		while (more) {
			JsonNode page = http.get("/entities/Contacts?first=25&order-by=modified" + ((after != null) ? "&after=" + after : "")).json();
			page.get("data").forEach((contact) -> read.add(contact.get("id").asString()));
			for (int i = 0; i < 5; i++) {
				String id = contacts.get(random.nextInt(contacts.size())).get("id").asString();
				assertThat(http.patch("/entities/Contacts/" + id, "{\"title\":\"T" + i + "\"}").status()).isEqualTo(200);
			}
			more = page.get("page_info").get("has_next_page").booleanValue();
			after = page.get("page_info").get("end_cursor").asString(null);
		}
		assertThat(read).hasSize(contacts.size());
	}

	/**
	 * A descending read whose cursor's entity is deleted between pages goes on after it and
	 * misses nothing else: by id, no other entity has the cursor's value.
	 */
	@Test
	void aDescendingReadGoesOnAfterACursorWhoseEntityWasDeleted() {
		for (String field : List.of("id", "created", "modified")) {
			List<JsonNode> contacts = contacts();
			List<String> expected = EmulatorV100ReadingTest.ids(array(reference(contacts, field, true, "none", List.of())));
			String query = "/entities/Contacts?load-only=id&first=7&order-by=-" + field;
			JsonNode page = http.get(query).json();
			List<String> read = new ArrayList<>(EmulatorV100ReadingTest.ids(page.get("data")));
			assertThat(http.delete("/entities/Contacts/" + read.get(read.size() - 1)).status()).isEqualTo(200);
			while (page.get("page_info").get("has_next_page").booleanValue()) {
				page = http.get(query + "&after=" + page.get("page_info").get("end_cursor").asString()).json();
				read.addAll(EmulatorV100ReadingTest.ids(page.get("data")));
			}
			assertThat(read).as(field).isEqualTo(expected);
		}
	}

	/** @return every page's entities, checking each page's total and page_info on the way */
	private static List<JsonNode> readAll(String query, int first, int total) {
		List<JsonNode> read = new ArrayList<>();
		String after = null;
		while (true) {
			Response response = http.get("/entities/Contacts?load-only=id&first=" + first + query + ((after != null) ? "&after=" + after : ""));
			assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
			JsonNode page = response.json();
			assertThat(page.get("total").intValue()).as(query).isEqualTo(total);
			JsonNode info = page.get("page_info");
			page.get("data").forEach(read::add);
			assertThat(info.get("has_previous_page").booleanValue()).as(query).isEqualTo(after != null && !page.get("data").isEmpty());
			if (!info.get("has_next_page").booleanValue()) {
				assertThat(read).as(query).hasSize(total);
				return read;
			}
			assertThat(page.get("data").size()).as(query).isEqualTo(first);
			after = info.get("end_cursor").asString();
		}
	}

	/**
	 * @return the contacts a read must give, in its order: by the field's text (its times are in one
	 * form), rising or falling, then by id, rising either way
	 */
	private static List<JsonNode> reference(List<JsonNode> contacts, String field, boolean descending, String operator,
			List<String> bounds) {
		Predicate<String> keeps = switch (operator) {
			case "eq" -> (value) -> value.equals(bounds.get(0));
			case "gt" -> (value) -> value.compareTo(bounds.get(0)) > 0;
			case "gte" -> (value) -> value.compareTo(bounds.get(0)) >= 0;
			case "lt" -> (value) -> value.compareTo(bounds.get(0)) < 0;
			case "lte" -> (value) -> value.compareTo(bounds.get(0)) <= 0;
			case "between" -> (value) -> value.compareTo(bounds.get(0)) >= 0 && value.compareTo(bounds.get(1)) <= 0;
			default -> (value) -> true;
		};
		List<JsonNode> expected = new ArrayList<>(contacts.stream().filter((contact) -> keeps.test(contact.get(field).asString())).toList());
		Comparator<JsonNode> byField = Comparator.comparing((JsonNode contact) -> contact.get(field).asString());
		expected.sort((descending ? byField.reversed() : byField).thenComparing((contact) -> contact.get("id").asString()));
		return expected;
	}

	private static JsonNode array(List<JsonNode> entities) {
		return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(entities);
	}

}
