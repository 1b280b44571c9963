package dev.pipeliner.emulator;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * setEntities and deleteEntities, flag by flag.
 */
class EmulatorBatchTest extends EmptyEmulatorTestSupport {

	static final String GOOD = "{\"SURNAME\":\"Good\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}";

	static final String BAD = "{\"SURNAME\":\"Bad\",\"OWNER_ID\":1}";

	@Test
	void flag0AnswersIdsInOrder() {
		JsonNode ids = setEntities(0, GOOD, GOOD.replace("Good", "Second")).json();

		assertThat(ids.size()).isEqualTo(2);
		assertThat(this.http.get("/Contacts/" + ids.get(1).asString()).json().get("SURNAME").asString()).isEqualTo("Second");
	}

	@Test
	void flag0IsAllOrNothing() {
		String existing = setEntities(0, GOOD).json().get(0).asString();

		Response failed = setEntities(0, GOOD.replace("Good", "New"), "{\"ID\":\"" + existing + "\",\"SURNAME\":\"Changed\"}", BAD);

		assertThat(failed.status()).isEqualTo(422);
		assertThat(failed.errorCode()).isEqualTo(1010);
		assertThat(surnames()).containsExactly("Good");
	}

	@Test
	void flag1SkipsFailingItemsAndAnswersTheOthers() {
		JsonNode answer = setEntities(1, GOOD, BAD, GOOD.replace("Good", "Third")).json();

		assertThat(answer.size()).isEqualTo(2);
		assertThat(surnames()).containsExactly("Good", "Third");
	}

	@Test
	void flag8ReturnsErrorsInPlace() {
		JsonNode answer = setEntities(8, GOOD, BAD).json();

		assertThat(answer.get(0).asString()).startsWith("PY-7FFFFFFF-");
		assertThat(answer.get(1).get("errorcode").intValue()).isEqualTo(1010);
		assertThat(answer.get(1).get("message").asString()).contains("SALES_UNIT_ID");
		assertThat(surnames()).containsExactly("Good");
	}

	@Test
	void anUpdateOfAMissingEntityFailsUnlessFlag2InsertsIt() {
		String missing = "{\"ID\":\"PY-7FFFFFFF-GIVEN-1\",\"SURNAME\":\"Inserted\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}";

		assertThat(setEntities(0, missing).errorCode()).isEqualTo(1003);
		JsonNode answer = setEntities(2, missing).json();

		assertThat(answer.get(0).asString()).isEqualTo("PY-7FFFFFFF-GIVEN-1");
		assertThat(this.http.get("/Contacts/PY-7FFFFFFF-GIVEN-1").json().get("SURNAME").asString()).isEqualTo("Inserted");
	}

	@Test
	void flag256ValidatesOnlyTheFieldsSent() {
		String id = setEntities(0, GOOD).json().get(0).asString();
		// Blanking a required field: the whole entity fails its checks, the sent field alone passes
		String update = "{\"ID\":\"" + id + "\",\"SURNAME\":\"\"}";

		assertThat(setEntities(0, update).errorCode()).isEqualTo(1010);
		assertThat(setEntities(256, update).status()).isEqualTo(200);
	}

	@Test
	void flag512AllowsWritingReadOnlyCustomFields() {
		String account = "{\"ORGANIZATION\":\"Acme\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,\"cf_lifetime_value\":99.5}";

		Response refused = this.http.post("/setEntities?entityName=Account", "[" + account + "]");
		Response allowed = this.http.post("/setEntities?entityName=Account&flag=512", "[" + account + "]");

		assertThat(refused.errorCode()).isEqualTo(1015);
		assertThat(allowed.status()).isEqualTo(200);
		String id = allowed.json().get(0).asString();
		assertThat(this.http.get("/Accounts/" + id).json().get("cf_lifetime_value").decimalValue()).isEqualByComparingTo("99.5");
	}

	@Test
	void batchesTakeTheSingularNameAndKnownFlags() {
		Response plural = this.http.post("/setEntities?entityName=Contacts", "[" + GOOD + "]");

		assertThat(plural.status()).isEqualTo(404);
		assertThat(plural.message()).contains("entityName takes the singular: Contact");
		assertThat(this.http.post("/setEntities", "[" + GOOD + "]").errorCode()).isEqualTo(1005);
		assertThat(this.http.post("/setEntities?entityName=Contact&flag=4", "[" + GOOD + "]").status()).isEqualTo(400);
		assertThat(this.http.post("/setEntities?entityName=Contact&flag=1024", "[" + GOOD + "]").status()).isEqualTo(400);
		assertThat(this.http.post("/setEntities?entityName=Contact&flag=x", "[" + GOOD + "]").status()).isEqualTo(400);
		assertThat(this.http.get("/setEntities?entityName=Contact").status()).isEqualTo(405);
	}

	@Test
	void deleteEntitiesFlag0IsAllOrNothing() {
		JsonNode ids = setEntities(0, GOOD, GOOD).json();

		Response failed = deleteEntities(0, ids.get(0).asString(), "PY-NOPE");
		assertThat(failed.status()).isEqualTo(404);
		assertThat(surnames()).hasSize(2);

		JsonNode deleted = deleteEntities(0, ids.get(0).asString(), ids.get(1).asString()).json();
		assertThat(deleted.size()).isEqualTo(2);
		assertThat(surnames()).isEmpty();
	}

	@Test
	void deleteEntitiesFlag1SkipsAndFlag4NamesTheIdsNotDeleted() {
		JsonNode ids = setEntities(0, GOOD, GOOD, GOOD).json();

		JsonNode skipped = deleteEntities(1, ids.get(0).asString(), "PY-NOPE").json();
		JsonNode notDeleted = deleteEntities(1 | 4, ids.get(1).asString(), "PY-GONE").json();

		assertThat(skipped.size()).isEqualTo(1);
		assertThat(skipped.get(0).asString()).isEqualTo(ids.get(0).asString());
		assertThat(notDeleted.size()).isEqualTo(1);
		assertThat(notDeleted.get(0).asString()).isEqualTo("PY-GONE");
		assertThat(surnames()).hasSize(1);
	}

	@Test
	void deleteEntitiesFlag8ReturnsErrorsInPlace() {
		JsonNode ids = setEntities(0, GOOD).json();

		JsonNode answer = deleteEntities(8, "PY-NOPE", ids.get(0).asString()).json();

		assertThat(answer.get(0).get("errorcode").intValue()).isEqualTo(1003);
		assertThat(answer.get(1).asString()).isEqualTo(ids.get(0).asString());
		assertThat(deleteEntities(2, "PY-X").status()).isEqualTo(400);
	}

	Response setEntities(int flag, String... items) {
		return this.http.post("/setEntities?entityName=Contact&flag=" + flag, "[" + String.join(",", items) + "]");
	}

	Response deleteEntities(int flag, String... ids) {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < ids.length; i++) {
			body.append((i > 0) ? "," : "").append('"').append(ids[i]).append('"');
		}
		return this.http.post("/deleteEntities?entityName=Contact&flag=" + flag, body.append(']').toString());
	}

	java.util.List<String> surnames() {
		java.util.List<String> names = new java.util.ArrayList<>();
		this.http.get("/Contacts?limit=-1").json().forEach((c) -> names.add(c.get("SURNAME").asString()));
		return names;
	}

}
