package dev.pipeliner.emulator;

import java.util.List;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorWritingTest extends EmptyEmulatorTestSupport {

	static final String ADA = "{\"FIRST_NAME\":\"Ada\",\"SURNAME\":\"Lovelace\",\"OWNER_ID\":1534,\"SALES_UNIT_ID\":2}";

	@Test
	void createAnswers201WithLocationAndTheServerSetsIdAndTimes() {
		Response created = this.http.post("/Contacts", ADA);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).isEmpty();
		String location = created.header("Location");
		assertThat(location).startsWith(this.emulator.getBaseUrl("eu_Emulator") + "/Contacts/PY-7FFFFFFF-");
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(id).matches("PY-7FFFFFFF-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
		JsonNode contact = this.http.get("/Contacts/" + id).json();
		assertThat(contact.get("ID").asString()).isEqualTo(id);
		assertThat(contact.get("FIRST_NAME").asString()).isEqualTo("Ada");
		assertThat(contact.get("CREATED").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(contact.get("MODIFIED").asString()).isEqualTo(contact.get("CREATED").asString());
		assertThat(contact.get("IS_DELETED").intValue()).isZero();
	}

	@Test
	void usersGetNumericIds() {
		Response created = this.http.post("/Clients", "{\"EMAIL\":\"new.user@example.com\"}");
		String id = created.header("Location").replaceAll(".*/", "");

		assertThat(id).matches("\\d+");
		assertThat(this.http.get("/Clients/" + id).json().get("ID").isNumber()).isTrue();
	}

	@Test
	void postWithAnIdAndPutArePartialUpdates() {
		String id = create(ADA);

		assertThat(this.http.post("/Contacts", "{\"ID\":\"" + id + "\",\"EMAIL1\":\"ada@example.com\"}").status()).isEqualTo(200);
		assertThat(this.http.put("/Contacts/" + id, "{\"PHONE1\":\"+44 1\"}").status()).isEqualTo(200);

		JsonNode contact = this.http.get("/Contacts/" + id).json();
		assertThat(contact.get("FIRST_NAME").asString()).isEqualTo("Ada");
		assertThat(contact.get("EMAIL1").asString()).isEqualTo("ada@example.com");
		assertThat(contact.get("PHONE1").asString()).isEqualTo("+44 1");
	}

	@Test
	void updatesOfMissingEntitiesAndDeletesAnswer404() {
		assertThat(this.http.put("/Contacts/PY-NOPE", "{\"PHONE1\":\"1\"}").status()).isEqualTo(404);
		assertThat(this.http.post("/Contacts", "{\"ID\":\"PY-NOPE\",\"PHONE1\":\"1\"}").errorCode()).isEqualTo(1003);
		assertThat(this.http.delete("/Contacts/PY-NOPE").status()).isEqualTo(404);
	}

	@Test
	void deleteRemoves() {
		String id = create(ADA);

		assertThat(this.http.delete("/Contacts/" + id).status()).isEqualTo(200);

		assertThat(this.http.get("/Contacts/" + id).status()).isEqualTo(404);
		assertThat(this.http.get("/Contacts").header("Content-Range")).isEqualTo("items 0--1/0");
	}

	@Test
	void validationAnswers422WithACodeThatErrorCodesLists() {
		JsonNode codes = this.http.get("/errorCodes").json();
		assertInvalid("/Contacts", "{\"FIRST_NAME\":\"Ada\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}", 1010, "SURNAME");
		assertInvalid("/Contacts", "{\"SURNAME\":\"L\",\"OWNER_ID\":\"one\",\"SALES_UNIT_ID\":1}", 1011, "OWNER_ID");
		assertInvalid("/Contacts", "{\"SURNAME\":\"" + "x".repeat(101) + "\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}", 1012,
				"longer than 100");
		assertInvalid("/Contacts", "{\"SURNAME\":\"L\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,\"SHOE_SIZE\":42}", 1014, "SHOE_SIZE");
		assertInvalid("/Contacts", "{\"SURNAME\":\"L\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,\"cf_preferred_channel\":\"FAX\"}",
				1016, "EMAIL");
		assertInvalid("/Contacts", "{\"SURNAME\":7,\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}", 1011, "text");
		assertInvalid("/Opportunities", "{\"OPPORTUNITY_NAME\":\"Deal\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,"
				+ "\"CONTACT_RELATIONS\":[{\"CONTACT_ID\":\"PY-1\"}],\"PROBABILITY\":101}", 1013, "PROBABILITY");
		assertInvalid("/Opportunities", "{\"OPPORTUNITY_NAME\":\"Deal\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}", 1010,
				"CONTACT_RELATIONS");
		assertInvalid("/Opportunities", "{\"OPPORTUNITY_NAME\":\"Deal\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,"
				+ "\"CONTACT_RELATIONS\":[{\"CONTACT_ID\":\"PY-1\"}],\"CLOSING_DATE\":\"next week\"}", 1011, "CLOSING_DATE");
		assertInvalid("/Accounts", "{\"ORGANIZATION\":\"A\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,\"cf_lifetime_value\":5}",
				1015, "read-only");
		for (int code : List.of(1010, 1011, 1012, 1013, 1014, 1015, 1016)) {
			assertThat(codes.has(Integer.toString(code))).as("errorCodes lists %d", code).isTrue();
		}
		assertThat(this.http.get("/Contacts").json().size()).isZero();
	}

	@Test
	void serverManagedFieldsInABodyAreIgnored() {
		String id = create("{\"SURNAME\":\"L\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1,\"CREATED\":\"2000-01-01 00:00:00\"}");

		assertThat(this.http.get("/Contacts/" + id).json().get("CREATED").asString()).doesNotStartWith("2000");
	}

	@Test
	void malformedAndWrongBodiesAnswer400() {
		assertThat(this.http.post("/Contacts", "{\"SURNAME\":").status()).isEqualTo(400);
		assertThat(this.http.post("/Contacts", "[1,2]").errorCode()).isEqualTo(1004);
		assertThat(this.http.post("/Contacts", "").errorCode()).isEqualTo(1004);
		assertThat(this.http.post("/setEntities?entityName=Contact", "{\"SURNAME\":\"x\"}").status()).isEqualTo(400);
		assertThat(this.http.post("/setEntities?entityName=Contact", "[]").status()).isEqualTo(400);
		assertThat(this.http.post("/deleteEntities?entityName=Contact", "not json").status()).isEqualTo(400);
	}

	@Test
	void anOversizedBodyAnswers413() {
		try (PipelinerEmulator small = PipelinerEmulator.builder().maxBodySize(1024).start()) {
			Response response = new RawHttp(small).post("/Contacts",
					"{\"SURNAME\":\"" + "x".repeat(2048) + "\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}");

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.errorCode()).isEqualTo(1006);
		}
	}

	@Test
	void teamPipelinesKeepTheirOwnData() {
		try (PipelinerEmulator two = PipelinerEmulator.builder()
			.teamPipeline("eu_One", Seed.EMPTY)
			.teamPipeline("us_Two", Seed.DEMO)
			.start()) {
			RawHttp one = new RawHttp(two.getBaseUrl("eu_One").toString(), two.getApiToken(), two.getApiPassword());
			RawHttp other = new RawHttp(two.getBaseUrl("us_Two").toString(), two.getApiToken(), two.getApiPassword());

			assertThat(one.post("/Contacts", ADA).status()).isEqualTo(201);

			assertThat(one.get("/Contacts").header("Content-Range")).isEqualTo("items 0-0/1");
			assertThat(other.get("/Contacts").header("Content-Range")).isEqualTo("items 0-24/30");
		}
	}

	@Test
	void resetReturnsToTheSeed() {
		create(ADA);

		this.emulator.reset();

		assertThat(this.http.get("/Contacts").json().size()).isZero();
	}

	String create(String body) {
		Response created = this.http.post("/Contacts", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.header("Location").replaceAll(".*/", "");
	}

	void assertInvalid(String path, String body, int code, String messagePart) {
		Response response = this.http.post(path, body);
		assertThat(response.status()).as(body).isEqualTo(422);
		assertThat(response.errorCode()).as(body).isEqualTo(code);
		assertThat(response.message()).as(body).contains(messagePart);
	}

}
