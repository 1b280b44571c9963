package dev.pipeliner.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorReadingTest {

	static PipelinerEmulator emulator;

	static RawHttp http;

	@BeforeAll
	static void start() {
		emulator = PipelinerEmulator.start(Seed.DEMO);
		http = new RawHttp(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void theDefaultPageIs25WithItsContentRange() {
		Response response = http.get("/Contacts");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isEqualTo(25);
		assertThat(response.header("Content-Range")).isEqualTo("items 0-24/30");
	}

	@Test
	void limitAndOffsetWalkThePages() {
		Response last = http.get("/Contacts?limit=25&offset=25");
		Response beyond = http.get("/Contacts?limit=25&offset=50");
		Response all = http.get("/Contacts?limit=-1");

		assertThat(last.json().size()).isEqualTo(5);
		assertThat(last.header("Content-Range")).isEqualTo("items 25-29/30");
		assertThat(beyond.json().size()).isZero();
		assertThat(beyond.header("Content-Range")).isEqualTo("items 50--1/30");
		assertThat(all.json().size()).isEqualTo(30);
		assertThat(ids(all.json()).subList(25, 30)).isEqualTo(ids(last.json()));
	}

	@Test
	void anEmptyResultAnswersEndMinusOne() {
		Response response = http.get("/Contacts?filter=SURNAME::Nobody");

		assertThat(response.json().size()).isZero();
		assertThat(response.header("Content-Range")).isEqualTo("items 0--1/0");
	}

	@Test
	void everyFilterOperator() {
		assertThat(count("ORGANIZATION::acme ltd")).isEqualTo(1);
		assertThat(count("ORGANIZATION::Acme Ltd::ne")).isEqualTo(11);
		assertThat(count("ORGANIZATION::W::ll")).isEqualTo(2);
		assertThat(count("ORGANIZATION::Industries::rl")).isEqualTo(2);
		assertThat(count("ORGANIZATION::corp::fl")).isEqualTo(1);
		assertThat(count("OWNER_ID::1534")).isEqualTo(4);
		assertThat(count("OWNER_ID::1535::gt")).isEqualTo(4);
		assertThat(count("OWNER_ID::1535::ge")).isEqualTo(8);
		assertThat(count("OWNER_ID::1535::lt")).isEqualTo(4);
		assertThat(count("OWNER_ID::1535::le")).isEqualTo(8);
		assertThat(count("SALES_UNIT_ID::2|OWNER_ID::1534")).isEqualTo(3);
		assertThat(count("HOMEPAGE::::ne")).isZero();
		assertThat(count("EMAIL1::::ne")).isEqualTo(12);
	}

	@Test
	void numbersCompareAsNumbersAndDatesAsText() {
		JsonNode rich = http.get("/Opportunities?filter=VALUE::50000::gt&limit=-1").json();
		JsonNode recent = http.get("/Accounts?filter=MODIFIED::2024-03-10::ge&limit=-1").json();

		rich.forEach((opportunity) -> assertThat(opportunity.get("VALUE").decimalValue()).isGreaterThan(new java.math.BigDecimal("50000")));
		assertThat(rich.size()).isEqualTo(4);
		recent.forEach((account) -> assertThat(account.get("MODIFIED").asString()).isGreaterThanOrEqualTo("2024-03-10"));
		assertThat(recent.size()).isBetween(1, 11);
	}

	@Test
	void afterKeepsEntitiesModifiedLater() {
		JsonNode all = http.get("/Accounts?limit=-1").json();
		String cut = all.get(5).get("MODIFIED").asString();

		JsonNode later = http.get("/Accounts?limit=-1&after=" + cut).json();

		assertThat(ids(later)).isEqualTo(ids(all).subList(6, 12));
	}

	@Test
	void sortAscendingDescendingAndByTwoFields() {
		List<String> ascending = texts(http.get("/Accounts?sort=ORGANIZATION&limit=-1").json(), "ORGANIZATION");
		List<String> descending = texts(http.get("/Accounts?sort=-ORGANIZATION&limit=-1").json(), "ORGANIZATION");
		JsonNode twoKeys = http.get("/Accounts?sort=OWNER_ID|-ORGANIZATION&limit=-1").json();

		assertThat(ascending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(descending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
		for (int i = 1; i < twoKeys.size(); i++) {
			long previousOwner = twoKeys.get(i - 1).get("OWNER_ID").longValue();
			long owner = twoKeys.get(i).get("OWNER_ID").longValue();
			assertThat(owner).isGreaterThanOrEqualTo(previousOwner);
			if (owner == previousOwner) {
				assertThat(twoKeys.get(i).get("ORGANIZATION").asString())
					.isLessThanOrEqualTo(twoKeys.get(i - 1).get("ORGANIZATION").asString());
			}
		}
	}

	@Test
	void loadOnlyKeepsTheIdAndTheNamedFields() {
		JsonNode page = http.get("/Contacts?loadonly=EMAIL1|SURNAME&limit=3").json();

		page.forEach((contact) -> assertThat(contact.propertyNames()).containsExactlyInAnyOrder("ID", "EMAIL1", "SURNAME"));
	}

	@Test
	void getByIdAndTheDemoDataRelations() {
		JsonNode contact = http.get("/Contacts?limit=1").json().get(0);
		String accountId = contact.get("ACCOUNT_RELATIONS").get(0).get("ACCOUNT_ID").asString();

		JsonNode account = http.get("/Accounts/" + accountId).json();

		assertThat(account.get("ID").asString()).isEqualTo(accountId).startsWith("PY-7FFFFFFF-");
		assertThat(account.get("ORGANIZATION").asString()).isNotBlank();
		JsonNode owner = http.get("/Clients/" + account.get("OWNER_ID").longValue()).json();
		assertThat(owner.get("EMAIL").asString()).endsWith("@example.com");
		Map<String, Integer> counts = new HashMap<>();
		for (String collection : List.of("Clients", "SalesUnits", "Accounts", "Contacts", "Leads", "Opportunities")) {
			counts.put(collection, http.get("/" + collection + "?limit=-1").json().size());
		}
		assertThat(counts).containsEntry("Clients", 3).containsEntry("SalesUnits", 3).containsEntry("Accounts", 12)
			.containsEntry("Contacts", 30).containsEntry("Leads", 6).containsEntry("Opportunities", 10);
	}

	@Test
	void theDemoDataIsTheSameOnEveryStart() {
		try (PipelinerEmulator other = PipelinerEmulator.start(Seed.DEMO)) {
			assertThat(new RawHttp(other).get("/Accounts?limit=-1").body()).isEqualTo(http.get("/Accounts?limit=-1").body());
		}
	}

	@Test
	void badQueriesAnswer400NeverA500() {
		for (String query : List.of("limit=x", "limit=-2", "offset=-1", "filter=NAME", "filter=ORGANIZATION::x::like",
				"filter=NOPE::1", "sort=NOPE", "loadonly=NOPE", "after=yesterday", "page=2", "limit=1&limit=2")) {
			Response response = http.get("/Accounts?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.errorCode()).as(query).isEqualTo(1005);
		}
	}

	@Test
	void collectionsTakeThePluralAndMissingEntitiesAnswer404() {
		Response singular = http.get("/Account");
		Response missing = http.get("/Accounts/PY-7FFFFFFF-NOPE");

		assertThat(singular.status()).isEqualTo(404);
		assertThat(singular.message()).contains("the collection of Account is Accounts");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.errorCode()).isEqualTo(1003);
	}

	private static int count(String filter) {
		Response response = http.get("/Accounts?limit=-1&filter=" + filter);
		assertThat(response.status()).as(filter).isEqualTo(200);
		return response.json().size();
	}

	private static List<String> ids(JsonNode entities) {
		return texts(entities, "ID");
	}

	private static List<String> texts(JsonNode entities, String field) {
		List<String> values = new ArrayList<>();
		entities.forEach((entity) -> values.add(entity.get(field).asString()));
		return values;
	}

}
