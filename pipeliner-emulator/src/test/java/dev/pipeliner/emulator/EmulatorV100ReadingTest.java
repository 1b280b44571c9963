package dev.pipeliner.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the Cloud API v100 of an emulator with demo data, at the wire. */
class EmulatorV100ReadingTest {

	static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	static final String DATE_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

	static PipelinerEmulator emulator;

	static RawHttp http;

	@BeforeAll
	static void start() {
		emulator = PipelinerEmulator.builder().protocol(Protocol.V100).space("fr_Demo", Seed.DEMO).start();
		http = new RawHttp(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void theEmulatorTellsAClientWhereAndHow() {
		assertThat(emulator.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(emulator.getSpace()).isEqualTo("fr_Demo");
		assertThat(emulator.getBaseUrl("fr_Demo")).hasToString(emulator.getUrl() + "/api/v100/rest/spaces/fr_Demo");
		assertThat(emulator.getUsername()).isEqualTo(PipelinerEmulator.DEFAULT_API_TOKEN);
		assertThat(emulator.getPassword()).isEqualTo(PipelinerEmulator.DEFAULT_API_PASSWORD);
	}

	@Test
	void aListHasTotalAndPageInfoBeforeData() {
		Response response = http.get("/entities/Contacts?first=2");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode json = response.json();
		assertThat(json.propertyNames()).containsExactly("success", "total", "page_info", "data");
		assertThat(json.get("success").booleanValue()).isTrue();
		assertThat(json.get("total").intValue()).isEqualTo(30);
		assertThat(json.get("page_info").propertyNames()).containsExactly("start_cursor", "end_cursor",
				"has_previous_page", "has_next_page");
		assertThat(json.get("page_info").get("has_next_page").booleanValue()).isTrue();
		assertThat(json.get("page_info").get("has_previous_page").booleanValue()).isFalse();
		assertThat(json.get("data").size()).isEqualTo(2);
	}

	@Test
	void entitiesAreSnakeCaseWithUuidsDatesBooleansAndRelationUris() {
		JsonNode contact = http.get("/entities/Contacts?first=1").json().get("data").get(0);

		assertThat(contact.get("id").asString()).matches(UUID);
		assertThat(contact.get("created").asString()).matches(DATE_TIME);
		assertThat(contact.get("modified").asString()).matches(DATE_TIME);
		assertThat(contact.get("is_deleted").isBoolean()).isTrue();
		assertThat(contact.get("last_name").asString()).isEqualTo("Smith");
		String owner = contact.get("owner_id").asString();
		assertThat(owner).matches(UUID);
		assertThat(contact.get("owner").asString()).isEqualTo(emulator.getBaseUrl("fr_Demo") + "/entities/Clients/" + owner);
		assertThat(contact.get("account_relations").get(0).asString())
			.startsWith(emulator.getBaseUrl("fr_Demo") + "/entities/ContactAccountRelations/");
		assertThat(contact.get("formatted_name").asString()).isEqualTo("Todd Smith");
		assertThat(contact.get("primary_account").asString()).startsWith(emulator.getBaseUrl("fr_Demo") + "/entities/Accounts/");
		assertThat(contact.get("email5").isNull()).as("every property, null where unset").isTrue();
		contact.propertyNames().forEach((name) -> assertThat(name).matches("[a-z0-9_]+"));
		JsonNode client = http.get("/entities/Clients/" + owner).json();
		assertThat(client.get("success").booleanValue()).isTrue();
		assertThat(client.get("data").get("id").asString()).isEqualTo(owner);
		assertThat(client.get("data").get("email").asString()).isEqualTo("olivia.owner@example.com");
	}

	@Test
	void answersCarryThePropertiesOfTheContractInItsOrderThenTheCustomFields() throws Exception {
		JsonNode contract = JsonMapper.builder().build().readTree(V100ConformanceTest.CONTRACT.toFile());
		for (String collection : List.of("Contacts", "Accounts", "Notes", "Opportunities", "Tasks", "Clients", "Entities", "Fields")) {
			JsonNode entity = http.get("/entities/" + collection + "?first=1").json().get("data").get(0);
			String singular = http.get("/entities/Entities?filter[name_plural]=" + collection).json().get("data").get(0)
				.get("name_singular").asString();
			List<String> expected = new ArrayList<>(contract.at("/components/schemas/" + singular + "/properties").propertyNames());
			List<String> answered = new ArrayList<>(entity.propertyNames());
			answered.removeIf((name) -> name.startsWith("cf_"));
			assertThat(answered).as(collection).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void cursorPagingReadsEveryEntityOnceAndStopsWhenHasNextPageIsFalse() {
		List<String> paged = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean hasNext = true;
		while (hasNext) {
			JsonNode page = http.get("/entities/Contacts?first=7" + ((after != null) ? "&after=" + after : "")).json();
			page.get("data").forEach((contact) -> paged.add(contact.get("id").asString()));
			assertThat(page.get("page_info").get("has_previous_page").booleanValue()).isEqualTo(pages > 0);
			hasNext = page.get("page_info").get("has_next_page").booleanValue();
			after = page.get("page_info").get("end_cursor").asString();
			pages++;
		}

		assertThat(pages).isEqualTo(5);
		assertThat(paged).doesNotHaveDuplicates().isEqualTo(ids(all("Contacts")));
		assertThat(after).as("the last page still carries a cursor").isNotNull();
		JsonNode beyond = http.get("/entities/Contacts?first=7&after=" + after).json();
		assertThat(beyond.get("data").size()).isZero();
		assertThat(beyond.get("page_info").get("start_cursor").isNull()).isTrue();
		assertThat(beyond.get("page_info").get("end_cursor").isNull()).isTrue();
		assertThat(beyond.get("page_info").get("has_next_page").booleanValue()).isFalse();
	}

	@Test
	void cursorsAreBase64OfAJsonArrayAndForgedOnesAre400() {
		String cursor = http.get("/entities/Contacts?first=1").json().get("page_info").get("end_cursor").asString();

		JsonNode decoded = JsonMapper.builder().build().readTree(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));

		assertThat(decoded.isArray()).isTrue();
		for (String forged : List.of("nope", "WyJ4Il0=", "e30=")) {
			assertV100Error(http.get("/entities/Contacts?after=" + forged), 400, 117, "ERROR_PARAMETER_INVALID");
		}
	}

	@Test
	void cursorsAreKeysetsOfTheSortKeysThenTheId() {
		JsonNode byId = http.get("/entities/Contacts?first=3").json();
		JsonNode byModified = http.get("/entities/Contacts?first=3&order-by=modified").json();

		JsonNode last = byId.get("data").get(2);
		assertThat(decode(byId.get("page_info").get("end_cursor").asString()))
			.isEqualTo(JsonMapper.builder().build().createArrayNode().add(last.get("id").asString()));
		JsonNode lastModified = byModified.get("data").get(2);
		assertThat(decode(byModified.get("page_info").get("end_cursor").asString())).isEqualTo(JsonMapper.builder()
			.build()
			.createArrayNode()
			.add(lastModified.get("modified").asString())
			.add(lastModified.get("id").asString()));
	}

	@Test
	void theDemoDataIsTheSameOnEveryStartWithTheDocumentedOwnerAndSalesUnits() {
		try (PipelinerEmulator second = PipelinerEmulator.builder().protocol(Protocol.V100).space("fr_Demo", Seed.DEMO).start()) {
			RawHttp other = new RawHttp(second);
			for (String plural : texts(all("Entities"), "name_plural")) {
				String mine = http.get("/entities/" + plural + "?first=100").body().replace(emulator.getUrl(), "");
				String theirs = other.get("/entities/" + plural + "?first=100").body().replace(second.getUrl(), "");
				assertThat(theirs).as(plural).isEqualTo(mine);
			}
		}
		assertThat(ids(all("Clients"))).contains("00000000-0000-0001-0000-0000000005fe");
		assertThat(ids(all("SalesUnits"))).containsExactly("00000000-0000-0001-0000-000000000001",
				"00000000-0000-0001-0000-000000000002", "00000000-0000-0001-0000-000000000003");
	}

	@Test
	void firstIs30ByDefaultAndAtMost100() {
		try (PipelinerEmulator large = PipelinerEmulator.builder().protocol(Protocol.V100).start()) {
			List<java.util.Map<String, Object>> notes = new ArrayList<>();
			for (int i = 0; i < 150; i++) {
				notes.add(java.util.Map.of("note", "n" + i, "owner_id", "00000000-0000-0001-0000-0000000005fe"));
			}
			large.insert(large.getSpace(), "Notes", notes);
			RawHttp client = new RawHttp(large);

			assertThat(client.get("/entities/Notes").json().get("data").size()).isEqualTo(30);
			assertThat(client.get("/entities/Notes?first=100").json().get("data").size()).isEqualTo(100);
			assertV100Error(client.get("/entities/Notes?first=101"), 400, 117, "ERROR_PARAMETER_INVALID");
		}
	}

	@Test
	void legacyLimitAndOffsetAnswerWithoutPageInfo() {
		JsonNode page = http.get("/entities/Contacts?limit=5&offset=25").json();

		assertThat(page.has("page_info")).isFalse();
		assertThat(page.get("total").intValue()).isEqualTo(30);
		assertThat(ids(page.get("data"))).isEqualTo(ids(all("Contacts")).subList(25, 30));
	}

	@Test
	void everyFilterOperator() {
		assertThat(count("Accounts", "filter[name]=Acme Ltd")).isEqualTo(1);
		assertThat(count("Accounts", "filter[name]=acme ltd")).isZero();
		assertThat(count("Accounts", "filter[name]=acme ltd&filter-op[name]=ieq")).isEqualTo(1);
		assertThat(count("Accounts", "filter[name]=Acme Ltd&filter-op[name]=not-eq")).isEqualTo(11);
		assertThat(count("Accounts", "filter[name]=acme LTD&filter-op[name]=not-ieq")).isEqualTo(11);
		assertThat(count("Accounts", "filter[name]=Industries&filter-op[name]=contains")).isEqualTo(2);
		assertThat(count("Accounts", "filter[name]=industries&filter-op[name]=contains")).isZero();
		assertThat(count("Accounts", "filter[name]=INDUSTRIES&filter-op[name]=icontains")).isEqualTo(2);
		assertThat(count("Accounts", "filter[name]=W&filter-op[name]=starts")).isEqualTo(2);
		assertThat(count("Accounts", "filter[name]=w&filter-op[name]=starts")).isZero();
		assertThat(count("Accounts", "filter[name]=w&filter-op[name]=istarts")).isEqualTo(2);
		assertThat(count("Accounts", "filter[name]=Ltd&filter-op[name]=ends")).isEqualTo(1);
		assertThat(count("Accounts", "filter[name]=LTD&filter-op[name]=iends")).isEqualTo(1);
		assertThat(count("Accounts", "filter-op[home_page]=null")).isEqualTo(12);
		assertThat(count("Accounts", "filter-op[email1]=not-null")).isEqualTo(12);
		assertThat(count("Accounts", "filter-op[home_page]=empty")).isEqualTo(12);
		assertThat(count("Accounts", "filter-op[name]=not-empty")).isEqualTo(12);
		assertThat(count("Accounts", "filter-op[name]=null")).isZero();
		// rankings 0, 1, 2, 3, 4, 0
		assertThat(count("Leads", "filter[ranking]=2&filter-op[ranking]=gt")).isEqualTo(2);
		assertThat(count("Leads", "filter[ranking]=2&filter-op[ranking]=gte")).isEqualTo(3);
		assertThat(count("Leads", "filter[ranking]=1&filter-op[ranking]=lt")).isEqualTo(2);
		assertThat(count("Leads", "filter[ranking]=1&filter-op[ranking]=lte")).isEqualTo(3);
		assertThat(count("Leads", "filter[ranking]=1,3&filter-op[ranking]=between")).isEqualTo(3);
		assertThat(count("Leads", "filter[is_archived]=false")).isEqualTo(6);
		assertThat(count("Accounts", "filter[owner_id]=00000000-0000-0001-0000-0000000005fe&filter-op[name]=not-empty"))
			.isEqualTo(4);
	}

	@Test
	void dateFiltersCompareInstantsWhateverTheirForm() {
		JsonNode accounts = all("Accounts");
		String cut = accounts.get(5).get("modified").asString();
		String iso = cut.substring(0, 10) + "T" + cut.substring(11, 19) + "Z";
		Predicate<JsonNode> later = (account) -> account.get("modified").asString().compareTo(cut) >= 0;
		long expected = 0;
		for (JsonNode account : accounts) {
			expected += later.test(account) ? 1 : 0;
		}

		assertThat(count("Accounts", "filter[modified]=" + cut.replace("+", "%2B") + "&filter-op[modified]=gte"))
			.isEqualTo(expected).isEqualTo(7);
		assertThat(count("Accounts", "filter[modified]=" + iso + "&filter-op[modified]=gte")).isEqualTo(expected);
		String seconds = cut.substring(0, 19);
		for (String form : List.of(cut.replace("+", "%2B"), seconds, iso)) {
			// sorted by the filtered field, the index answers
			assertThat(count("Accounts", "order-by=modified&filter[modified]=" + form + "&filter-op[modified]=gte"))
				.as(form).isEqualTo(expected);
		}
		assertThat(count("Accounts", "filter[modified]=" + cut.substring(0, 10) + "," + iso + "&filter-op[modified]=between"))
			.isBetween(1L, expected);
	}

	@Test
	void badFiltersAre400() {
		for (String query : List.of("filter[nope]=1", "filter[name]=x&filter-op[name]=like", "filter-op[name]=eq",
				"filter[ranking]=abc&filter-op[ranking]=gt", "filter[name]=a&filter-op[name]=between", "order-by=nope",
				"load-only=nope", "first=x", "first=-1", "page=2", "first=1&first=2", "limit=5&first=5")) {
			assertV100Error(http.get("/entities/Accounts?" + query), 400, 117, "ERROR_PARAMETER_INVALID");
		}
	}

	@Test
	void orderByAscendingDescendingAndTwoFieldsAndItsCursors() {
		List<String> ascending = texts(http.get("/entities/Accounts?first=100&order-by=name").json().get("data"), "name");
		List<String> descending = texts(http.get("/entities/Accounts?first=100&order-by=-name").json().get("data"), "name");
		List<String> paged = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			JsonNode page = http.get("/entities/Accounts?first=5&order-by=owner_id,-name" + ((after != null) ? "&after=" + after : "")).json();
			paged.addAll(texts(page.get("data"), "name"));
			hasNext = page.get("page_info").get("has_next_page").booleanValue();
			after = page.get("page_info").get("end_cursor").asString();
		}

		assertThat(ascending).hasSize(12).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(descending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
		assertThat(paged).isEqualTo(texts(http.get("/entities/Accounts?first=100&order-by=owner_id,-name").json().get("data"), "name"));
		assertV100Error(http.get("/entities/Accounts?first=5&after=" + after.replace("=", "%3D") + "x"), 400, 117,
				"ERROR_PARAMETER_INVALID");
		String defaultOrderCursor = http.get("/entities/Accounts?first=1").json().get("page_info").get("end_cursor").asString();
		assertV100Error(http.get("/entities/Accounts?order-by=name&after=" + defaultOrderCursor), 400, 117,
				"ERROR_PARAMETER_INVALID");
	}

	@Test
	void loadOnlyAndExpand() {
		JsonNode loaded = http.get("/entities/Accounts?first=3&load-only=name,owner_id").json().get("data");
		JsonNode expanded = http.get("/entities/Accounts?first=1&expand=owner").json().get("data").get(0);

		loaded.forEach((account) -> assertThat(account.propertyNames()).containsExactlyInAnyOrder("id", "name", "owner_id"));
		assertThat(expanded.get("owner").get("id").asString()).isEqualTo(expanded.get("owner_id").asString());
		assertThat(expanded.get("owner").get("email").asString()).endsWith("@example.com");
		assertV100Error(http.get("/entities/Accounts?expand=name"), 400, 117, "ERROR_PARAMETER_INVALID");
		JsonNode contact = http.get("/entities/Contacts?first=1&expand=account_relations.account").json().get("data").get(0);
		JsonNode relation = contact.get("account_relations").get(0);
		assertThat(relation.get("is_primary").booleanValue()).isTrue();
		assertThat(relation.get("account").get("id").asString()).isEqualTo(relation.get("account_id").asString());
		assertThat(relation.get("account").get("name").asString()).isEqualTo("Acme Ltd");
		JsonNode deal = http.get("/entities/Opportunities?first=1&expand=step").json().get("data").get(0);
		assertThat(deal.get("step").propertyNames()).as("a collection the emulator does not serve").containsExactly("id");
	}

	@Test
	void errorsHaveTheServicesShapes() {
		assertV100Error(http.get("/entities/Contacts/" + java.util.UUID.randomUUID()), 404, 404, "ERROR_NOT_FOUND");
		Response singular = http.get("/entities/Contact");
		assertV100Error(singular, 404, 2006, "ERROR_UNKNOWN_TYPE");
		assertThat(singular.json().get("message").asString()).isEqualTo("cannot determine entity type from Contact");
		Response unknownUrl = http.get("/nothing/here");
		assertThat(unknownUrl.status()).isEqualTo(404);
		assertThat(unknownUrl.json().propertyNames()).containsExactly("status", "message", "errorcode", "traceback");
		assertThat(unknownUrl.json().get("errorcode").isNull()).isTrue();
		Response otherSpace = new RawHttp(emulator.getUrl() + "/api/v100/rest/spaces/fr_Nobody", emulator.getUsername(),
				emulator.getPassword()).get("/entities/Accounts");
		assertV100Error(otherSpace, 404, 404, "ERROR_NOT_FOUND");
		Response wrongPassword = new RawHttp(emulator.getBaseUrl("fr_Demo").toString(), emulator.getUsername(), "wrong")
			.get("/entities/Accounts");
		assertV100Error(wrongPassword, 401, 401, "ERROR_AUTHENTICATION");
		assertThat(wrongPassword.body()).doesNotContain(emulator.getPassword());
		Response v1Path = new RawHttp(emulator.getUrl() + "/rest_services/v1/fr_Demo", emulator.getUsername(),
				emulator.getPassword()).get("/Accounts");
		assertThat(v1Path.status()).isEqualTo(404);
	}

	@Test
	void entitiesListsEveryCollectionWithItsNames() {
		JsonNode entities = http.get("/entities/Entities?first=100").json();
		JsonNode account = http.get("/entities/Entities?filter[name_plural]=Accounts").json().get("data").get(0);

		assertThat(entities.get("total").intValue()).isEqualTo(entities.get("data").size()).isGreaterThan(15);
		assertThat(account.get("name_singular").asString()).isEqualTo("Account");
		assertThat(account.get("entity_type").isInt()).isTrue();
		assertThat(texts(entities.get("data"), "name_plural")).contains("Contacts", "Opportunities", "Clients", "SalesUnits");
		for (String plural : texts(entities.get("data"), "name_plural")) {
			assertThat(http.get("/entities/" + plural + "?first=1").status()).as(plural).isEqualTo(200);
		}
		assertThat(http.get("/entities/Entities/" + account.get("id").asString()).json().get("data").get("name_plural")
			.asString()).isEqualTo("Accounts");
	}

	@Test
	void fieldsDescribeAnEntitysFields() {
		JsonNode fields = http.get("/entities/Fields?filter[entity_name]=Account&first=100").json().get("data");

		fields.forEach((field) -> assertThat(field.get("entity_name").asString()).isEqualTo("Account"));
		JsonNode name = field(fields, "name");
		assertThat(name.get("system_required").booleanValue()).isTrue();
		assertThat(name.get("type_id").asString()).isEqualTo("input");
		assertThat(field(fields, "id").get("system_readonly").booleanValue()).isTrue();
		assertThat(field(fields, "id").get("is_unique").booleanValue()).isTrue();
		assertThat(field(fields, "cf_customer_tier").get("type_id").asString()).isEqualTo("dropdown");
		assertThat(field(fields, "created").get("type_id").asString()).isEqualTo("datetime");
		assertThat(field(fields, "email1").get("type_id").asString()).isEqualTo("email");
		for (String key : List.of("api_name", "name", "type_id", "system_required", "system_readonly", "is_unique",
				"default_value", "data_set_id")) {
			assertThat(name.has(key)).as(key).isTrue();
		}
		assertThat(http.get("/entities/Fields?filter[entity_name]=Contact&filter[api_name]=last_name").json()
			.get("total").intValue()).isEqualTo(1);
	}

	static void assertV100Error(Response response, int status, int code, String name) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode json = response.json();
		assertThat(json.get("code").intValue()).as(response.body()).isEqualTo(code);
		assertThat(json.get("name").asString()).isEqualTo(name);
		assertThat(json.get("http_status").intValue()).isEqualTo(status);
		assertThat(json.get("success").booleanValue()).isFalse();
		assertThat(json.get("message").asString()).isNotBlank();
	}

	static JsonNode decode(String cursor) {
		return JsonMapper.builder().build().readTree(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));
	}

	private static JsonNode field(JsonNode fields, String apiName) {
		for (JsonNode field : fields) {
			if (field.get("api_name").asString().equals(apiName)) {
				return field;
			}
		}
		throw new AssertionError("no field " + apiName);
	}

	private static long count(String collection, String query) {
		Response response = http.get("/entities/" + collection + "?first=100&" + query);
		assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("total").intValue()).as(query).isEqualTo(json.get("data").size());
		return json.get("data").size();
	}

	private static JsonNode all(String collection) {
		return http.get("/entities/" + collection + "?first=100").json().get("data");
	}

	static List<String> ids(JsonNode entities) {
		return texts(entities, "id");
	}

	static List<String> texts(JsonNode entities, String field) {
		List<String> values = new ArrayList<>();
		entities.forEach((entity) -> values.add(entity.get(field).asString()));
		return values;
	}

}
