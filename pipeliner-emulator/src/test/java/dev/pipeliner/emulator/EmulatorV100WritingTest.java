package dev.pipeliner.emulator;

import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.emulator.RawHttp.Response;
import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.pipeliner.emulator.EmulatorV100ReadingTest.DATE_TIME;
import static dev.pipeliner.emulator.EmulatorV100ReadingTest.UUID;
import static dev.pipeliner.emulator.EmulatorV100ReadingTest.assertV100Error;
import static dev.pipeliner.emulator.EmulatorV100ReadingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** Writing through the Cloud API v100 of an emulator: single writes, batches, validation. */
class EmulatorV100WritingTest {

	static final String OWNER = "00000000-0000-0001-0000-0000000005fe";

	static final String GOOD = "{\"last_name\":\"Good\",\"owner_id\":\"" + OWNER + "\",\"unit_id\":\"" + OWNER + "\"}";

	static final String BAD = "{\"last_name\":\"Bad\"}";

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Protocol.V100, Seed.EMPTY);

	RawHttp http;

	@BeforeEach
	void startEmpty(PipelinerEmulator emulator) {
		emulator.reset();
		this.http = new RawHttp(emulator);
	}

	@Test
	void createAnswers201WithTheEntity() {
		Response created = this.http.post("/entities/Contacts", GOOD.replace("}", ",\"first_name\":\"Ada\"}"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode json = created.json();
		assertThat(json.get("success").booleanValue()).isTrue();
		JsonNode contact = json.get("data");
		assertThat(contact.get("id").asString()).matches(UUID);
		assertThat(contact.get("created").asString()).matches(DATE_TIME);
		assertThat(contact.get("is_deleted").booleanValue()).isFalse();
		assertThat(contact.get("revision").intValue()).isEqualTo(1);
		assertThat(contact.get("first_name").asString()).isEqualTo("Ada");
		assertThat(contact.get("owner").asString()).endsWith("/entities/Clients/" + OWNER);
		assertThat(this.http.get("/entities/Contacts/" + contact.get("id").asString()).json().get("data"))
			.isEqualTo(contact);
	}

	@Test
	void patchUpdatesTheNamedFieldsAndAnswersTheEntity() {
		String id = create(GOOD);

		Response patched = this.http.patch("/entities/Contacts/" + id, "{\"first_name\":\"Grace\",\"id\":\"" + id + "\"}");

		assertThat(patched.status()).isEqualTo(200);
		JsonNode contact = patched.json().get("data");
		assertThat(contact.get("first_name").asString()).isEqualTo("Grace");
		assertThat(contact.get("last_name").asString()).isEqualTo("Good");
		assertThat(contact.get("revision").intValue()).isEqualTo(2);
		assertV100Error(this.http.patch("/entities/Contacts/" + java.util.UUID.randomUUID(), "{\"first_name\":\"X\"}"),
				404, 404, "ERROR_NOT_FOUND");
	}

	@Test
	void deleteAnswersTheIdAndTheEntityIsGone() {
		String id = create(GOOD);

		Response deleted = this.http.delete("/entities/Contacts/" + id);

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("success").booleanValue()).isTrue();
		assertThat(deleted.json().get("data").asString()).isEqualTo(id);
		assertV100Error(this.http.get("/entities/Contacts/" + id), 404, 404, "ERROR_NOT_FOUND");
		assertV100Error(this.http.delete("/entities/Contacts/" + id), 404, 404, "ERROR_NOT_FOUND");
	}

	@Test
	void aDeletedEntityIsReadOnlyWithIncludeDeletedFlaggedAndModifiedAtItsDeletion() {
		String kept = create(GOOD);
		String single = create(GOOD.replace("Good", "Single"));
		String batched = create(GOOD.replace("Good", "Batched"));
		JsonNode before = this.http.get("/entities/Contacts/" + single).json().get("data");

		assertThat(this.http.delete("/entities/Contacts/" + single).status()).isEqualTo(200);
		assertThat(this.http.post("/entities/Contacts/batch-delete", "[\"" + batched + "\"]").status()).isEqualTo(200);

		JsonNode live = this.http.get("/entities/Contacts?order-by=modified").json();
		assertThat(ids(live.get("data"))).containsExactly(kept);
		assertThat(live.get("total").intValue()).isEqualTo(1);
		JsonNode all = this.http.get("/entities/Contacts?order-by=modified&include-deleted=true").json();
		assertThat(ids(all.get("data"))).containsExactly(kept, single, batched);
		assertThat(all.get("total").intValue()).isEqualTo(3);
		JsonNode deleted = all.get("data").get(1);
		assertThat(deleted.get("is_deleted").booleanValue()).isTrue();
		assertThat(deleted.get("last_name").asString()).isEqualTo("Single");
		assertThat(deleted.get("revision").intValue()).isEqualTo(2);
		assertThat(deleted.get("modified").asString()).isGreaterThan(before.get("modified").asString());
		assertThat(all.get("data").get(0).get("is_deleted").booleanValue()).isFalse();
		assertThat(ids(this.http.get("/entities/Contacts?include-deleted=true&filter[is_deleted]=true").json().get("data")))
			.containsExactlyInAnyOrder(single, batched);
		JsonNode paged = this.http.get("/entities/Contacts?order-by=modified&include-deleted=true&first=2").json();
		assertThat(ids(paged.get("data"))).containsExactly(kept, single);
		String after = paged.get("page_info").get("end_cursor").asString();
		assertThat(ids(this.http.get("/entities/Contacts?order-by=modified&include-deleted=true&first=2&after=" + after)
			.json().get("data"))).containsExactly(batched);
		assertV100Error(this.http.get("/entities/Contacts/" + single), 404, 404, "ERROR_NOT_FOUND");
		assertV100Error(this.http.patch("/entities/Contacts/" + single, "{\"first_name\":\"X\"}"), 404, 404, "ERROR_NOT_FOUND");
	}

	@Test
	void validationAnswers422WithFieldErrors() {
		Response missing = this.http.post("/entities/Contacts", BAD);
		Response wrongType = this.http.post("/entities/Contacts", GOOD.replace("}", ",\"is_archived\":1}"));
		Response malformed = this.http.post("/entities/Contacts", "{not json");

		assertV100Error(missing, 422, 40000, "ERROR_ENTITY_VALIDATION");
		JsonNode fieldError = missing.json().get("field_errors").get(0);
		assertThat(fieldError.get("field_name").asString()).isEqualTo("owner_id");
		assertThat(fieldError.get("code").intValue()).isEqualTo(40002);
		assertThat(fieldError.get("field_id").asString()).matches(UUID);
		assertThat(fieldError.get("errors").get(0).get("name").asString()).isEqualTo("ERROR_PARAMETER_MISSING");
		assertThat(missing.json().get("entity_name").asString()).isEqualTo("Contact");
		assertThat(missing.json().has("step_checklist_errors")).isTrue();
		assertV100Error(wrongType, 422, 40000, "ERROR_ENTITY_VALIDATION");
		assertThat(wrongType.json().get("field_errors").get(0).get("field_name").asString()).isEqualTo("is_archived");
		assertV100Error(malformed, 400, 117, "ERROR_PARAMETER_INVALID");
		assertThat(this.http.get("/entities/Contacts").json().get("total").intValue()).isZero();
	}

	@Test
	void datesAreAcceptedInUtcFormsAndAnsweredInTheServicesForm() {
		String id = this.http.post("/entities/Appointments", "{\"subject\":\"Demo\",\"owner_id\":\"" + OWNER
				+ "\",\"start_date\":\"2024-05-01T10:00:00Z\",\"end_date\":\"2024-05-01 11:30:00+01:00\"}")
			.json().get("data").get("id").asString();

		JsonNode appointment = this.http.get("/entities/Appointments/" + id).json().get("data");
		assertThat(appointment.get("start_date").asString()).isEqualTo("2024-05-01 10:00:00.000000+00:00");
		assertThat(appointment.get("end_date").asString()).isEqualTo("2024-05-01 10:30:00.000000+00:00");
		for (String wrong : List.of("next week", "2024-05-01", "2024-13-01 10:00:00")) {
			assertV100Error(this.http.patch("/entities/Appointments/" + id, "{\"end_date\":\"" + wrong + "\"}"), 422, 40000,
					"ERROR_ENTITY_VALIDATION");
		}
	}

	@Test
	void validationLevel8AllowsReadOnlyFields() {
		String account = "{\"name\":\"Acme\",\"owner_id\":\"" + OWNER + "\",\"unit_id\":\"" + OWNER + "\",\"cf_lifetime_value\":5}";

		assertV100Error(this.http.post("/entities/Accounts", account), 422, 40000, "ERROR_ENTITY_VALIDATION");
		assertThat(this.http.post("/entities/Accounts?validation-level=8", account).status()).isEqualTo(201);
		assertV100Error(this.http.post("/entities/Accounts?validation-level=1", account), 400, 117, "ERROR_PARAMETER_INVALID");
	}

	@Test
	void batchModifyCreatesAndUpdatesAndAnswersIdsInOrder() {
		String existing = create(GOOD);

		Response answer = batchModify(0, GOOD.replace("Good", "New"), "{\"id\":\"" + existing + "\",\"last_name\":\"Changed\"}");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("success").booleanValue()).isTrue();
		JsonNode data = answer.json().get("data");
		assertThat(data.size()).isEqualTo(2);
		assertThat(data.get(0).asString()).matches(UUID);
		assertThat(data.get(1).asString()).isEqualTo(existing);
		assertThat(lastNames()).containsExactly("Changed", "New");
	}

	@Test
	void batchModifyRollbackAllWritesNothingWhenAnItemFails() {
		String existing = create(GOOD);

		Response answer = batchModify(0, GOOD.replace("Good", "New"), "{\"id\":\"" + existing + "\",\"last_name\":\"Changed\"}", BAD);

		assertV100Error(answer, 422, 40000, "ERROR_ENTITY_VALIDATION");
		assertThat(answer.json().get("entity_index").intValue()).isEqualTo(2);
		assertThat(lastNames()).containsExactly("Good");
	}

	@Test
	void batchModifyRollbackFailedKeepsTheOthersAndAnswersErrorsInPlace() {
		Response answer = batchModify(1, GOOD, BAD, "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"last_name\":\"X\"}",
				GOOD.replace("Good", "Third"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode data = answer.json().get("data");
		assertThat(data.size()).isEqualTo(4);
		assertThat(data.get(0).asString()).matches(UUID);
		assertThat(data.get(1).get("http_status").intValue()).isEqualTo(422);
		assertThat(data.get(1).get("entity_index").intValue()).isEqualTo(1);
		assertThat(data.get(1).get("field_errors").get(0).get("field_name").asString()).isEqualTo("owner_id");
		assertThat(data.get(2).get("http_status").intValue()).isEqualTo(404);
		assertThat(data.get(2).get("success").booleanValue()).isFalse();
		assertThat(data.get(3).asString()).matches(UUID);
		assertThat(lastNames()).containsExactly("Good", "Third");
	}

	@Test
	void batchDeleteWithBothRollbackMethods() {
		String first = create(GOOD);
		String second = create(GOOD.replace("Good", "Second"));
		String unknown = java.util.UUID.randomUUID().toString();

		Response all = this.http.post("/entities/Contacts/batch-delete", "[\"" + first + "\",\"" + unknown + "\"]");
		assertV100Error(all, 404, 404, "ERROR_NOT_FOUND");
		assertThat(all.json().get("entity_index").intValue()).isEqualTo(1);
		assertThat(lastNames()).containsExactly("Good", "Second");

		Response failedOnly = this.http.post("/entities/Contacts/batch-delete?rollback-method=1",
				"[\"" + first + "\",\"" + unknown + "\",\"" + first + "\"]");
		assertThat(failedOnly.status()).isEqualTo(200);
		JsonNode data = failedOnly.json().get("data");
		assertThat(data.get(0).asString()).isEqualTo(first);
		assertThat(data.get(1).get("name").asString()).isEqualTo("ERROR_NOT_FOUND");
		assertThat(data.get(2).get("http_status").intValue()).as("deleted once already").isEqualTo(404);
		assertThat(lastNames()).containsExactly("Second");
		assertThat(second).isNotEqualTo(first);
		assertV100Error(this.http.post("/entities/Contacts/batch-delete?rollback-method=2", "[\"" + second + "\"]"), 400,
				117, "ERROR_PARAMETER_INVALID");
	}

	@Test
	void aCursorResumesAfterItsEntityWhateverWasWrittenMeanwhile() {
		for (int i = 0; i < 25; i++) {
			create(GOOD.replace("Good", "C" + i));
		}
		JsonNode firstPage = this.http.get("/entities/Contacts?first=10").json();
		List<String> seen = new ArrayList<>(ids(firstPage.get("data")));
		List<String> before = ids(this.http.get("/entities/Contacts?first=100").json().get("data"));
		this.http.delete("/entities/Contacts/" + seen.get(3));
		this.http.delete("/entities/Contacts/" + before.get(12));
		String added = create(GOOD.replace("Good", "Late"));

		String after = firstPage.get("page_info").get("end_cursor").asString();
		boolean hasNext = true;
		while (hasNext) {
			JsonNode page = this.http.get("/entities/Contacts?first=10&after=" + after).json();
			seen.addAll(ids(page.get("data")));
			hasNext = page.get("page_info").get("has_next_page").booleanValue();
			after = page.get("page_info").get("end_cursor").asString();
		}

		List<String> expected = new ArrayList<>(before);
		expected.remove(12);
		expected.add(added);
		assertThat(seen).doesNotHaveDuplicates().isEqualTo(expected);
	}

	@Test
	void aValidationErrorNamesEveryFieldAtOnce() {
		Response response = this.http.post("/entities/Contacts",
				"{\"first_name\":\"Ada\",\"email1\":\"nope\",\"owner_id\":\"not-a-uuid\",\"gender\":7,\"is_archived\":\"yes\"}");

		assertV100Error(response, 422, 40000, "ERROR_ENTITY_VALIDATION");
		assertThat(EmulatorV100ReadingTest.texts(response.json().get("field_errors"), "field_name"))
			.containsExactlyInAnyOrder("email1", "owner_id", "gender", "is_archived");
		assertThat(EmulatorV100ReadingTest.texts(
				this.http.post("/entities/Contacts", "{\"first_name\":\"Ada\"}").json().get("field_errors"), "field_name"))
			.containsExactly("owner_id");
	}

	@Test
	void everyInputTheDocumentDefinesIsAcceptedAndNothingElseIsDemanded() {
		Response contact = this.http.post("/entities/Contacts", "{\"owner_id\":\"" + OWNER + "\",\"comments\":\"c\","
				+ "\"email2\":\"ada@example.com\",\"gender\":2,\"middle_name\":\"M\",\"zip_code\":\"1010\"}");
		Response account = this.http.post("/entities/Accounts",
				"{\"name\":\"Acme\",\"owner_id\":\"" + OWNER + "\",\"account_class\":3,\"comments\":\"c\",\"zip_code\":\"1010\"}");

		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		assertThat(contact.json().get("data").get("gender").intValue()).isEqualTo(2);
		assertThat(account.status()).as(account.body()).isEqualTo(201);
		assertThat(account.json().get("data").get("account_class").intValue()).isEqualTo(3);
		assertThat(account.json().get("data").get("unit_id").isNull()).isTrue();
		assertV100Error(this.http.post("/entities/Accounts", "{\"name\":\"Acme\",\"owner_id\":\"" + OWNER + "\",\"nope\":1}"),
				422, 40000, "ERROR_ENTITY_VALIDATION");
	}

	@Test
	void readOnlyFieldsAreRefusedUnlessValidationLevel8AllowsThem() {
		String note = "{\"note\":\"n\",\"owner_id\":\"" + OWNER + "\",\"created\":\"2020-01-02 03:04:05\"}";

		Response refused = this.http.post("/entities/Notes", note);
		Response allowed = this.http.post("/entities/Notes?validation-level=8", note);

		assertV100Error(refused, 422, 40000, "ERROR_ENTITY_VALIDATION");
		assertThat(refused.json().get("field_errors").get(0).get("field_name").asString()).isEqualTo("created");
		assertThat(allowed.status()).isEqualTo(201);
		assertThat(allowed.json().get("data").get("created").asString()).isEqualTo("2020-01-02 03:04:05.000000+00:00");
	}

	@Test
	void metadataCollectionsAreReadOnly() {
		Response write = this.http.post("/entities/Entities", "{}");

		assertThat(write.status()).isEqualTo(405);
		assertThat(write.json().has("status")).isTrue();
	}

	private String create(String body) {
		Response created = this.http.post("/entities/Contacts", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("data").get("id").asString();
	}

	private Response batchModify(int rollback, String... items) {
		return this.http.post("/entities/Contacts/batch-modify?rollback-method=" + rollback, "[" + String.join(",", items) + "]");
	}

	private List<String> lastNames() {
		return EmulatorV100ReadingTest.texts(this.http.get("/entities/Contacts?first=100").json().get("data"), "last_name");
	}

}
