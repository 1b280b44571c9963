package dev.pipeliner.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmulatorMetadataAndAuthTest {

	static PipelinerEmulator emulator;

	static RawHttp http;

	@BeforeAll
	static void start() {
		emulator = PipelinerEmulator.builder().teamPipeline("eu_Demo", Seed.DEMO).start();
		http = new RawHttp(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void theBaseListsTheCollections() {
		Response response = http.get("");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		List<String> names = new ArrayList<>();
		response.json().forEach((name) -> names.add(name.asString()));
		assertThat(names).hasSize(33).contains("Accounts", "Contacts", "Opportunities", "ExRateLists", "IntegrationEnvs");
	}

	@Test
	void entityPublicHasTheIrregularPlurals() {
		JsonNode names = http.get("/entityPublic").json();

		assertThat(names.size()).isEqualTo(33);
		assertThat(names.get("Opportunities").asString()).isEqualTo("Opportunity");
		assertThat(names.get("ExRateLists").asString()).isEqualTo("ExchangeRatesList");
		assertThat(names.get("IntegrationEnvs").asString()).isEqualTo("IntegrationEnviroment");
		assertThat(names.get("Activities").asString()).isEqualTo("Activity");
	}

	@Test
	void reasonsOfCloseHaveTheServersCollectionName() {
		JsonNode names = http.get("/entityPublic").json();
		Response reasons = http.get("/ReasonOfCloses?limit=-1");
		Response oldName = http.get("/ReasonsOfClose");

		assertThat(names.get("ReasonOfCloses").asString()).isEqualTo("ReasonOfClose");
		assertThat(names.has("ReasonsOfClose")).isFalse();
		assertThat(reasons.status()).isEqualTo(200);
		assertThat(reasons.json().size()).isEqualTo(3);
		assertThat(oldName.status()).isEqualTo(404);
	}

	@Test
	void errorCodesListEveryCodeTheEmulatorAnswers() {
		JsonNode codes = http.get("/errorCodes").json();

		assertThat(codes.get("1003").asString()).isEqualTo("Entity not found");
		assertThat(codes.get("1010").asString()).isEqualTo("Required field is missing");
		int notFound = http.get("/Accounts/PY-NOPE").errorCode();
		assertThat(codes.has(Integer.toString(notFound))).isTrue();
	}

	@Test
	void getFieldsDescribesFieldsAsARealPipelineDoes() {
		JsonNode fields = http.get("/getFields/Account").json();

		JsonNode organization = field(fields, "ORGANIZATION");
		assertThat(organization.get("REQUIRED").booleanValue()).isTrue();
		assertThat(organization.get("TYPE").asString()).isEqualTo("unicode");
		assertThat(organization.get("MAX_VALUE").intValue()).isEqualTo(255);
		assertThat(field(fields, "ID").get("READONLY").booleanValue()).isTrue();
		JsonNode tier = field(fields, "cf_customer_tier");
		assertThat(tier.get("CUSTOM").booleanValue()).isTrue();
		assertThat(tier.get("CHOICES").get("GOLD").asString()).isEqualTo("Gold");
		for (String key : List.of("API_NAME", "CALC_FORMULA", "CHOICES", "CUSTOM", "DEFAULT", "DESCRIPTION", "ID",
				"MAX_VALUE", "MIN_VALUE", "NAME", "PL_TYPE", "READONLY", "REQUIRED", "TYPE")) {
			assertThat(organization.has(key)).as(key).isTrue();
		}
		assertThat(http.get("/getFields/Accounts").json().size()).isEqualTo(fields.size());
	}

	@Test
	void getFieldsFiltersOnDescriptors() {
		JsonNode custom = http.get("/getFields/Contact?filter=CUSTOM::TRUE").json();

		assertThat(custom.size()).isEqualTo(1);
		assertThat(custom.get(0).get("API_NAME").asString()).isEqualTo("cf_preferred_channel");
	}

	@Test
	void everyMainEntityHasFields() {
		for (String entity : List.of("Account", "Contact", "Lead", "Opportunity", "Activity", "Appointment", "Client",
				"SalesUnit", "Note", "Product", "Data", "Stage")) {
			assertThat(http.get("/getFields/" + entity).json().size()).as(entity).isGreaterThan(4);
		}
		assertThat(http.get("/getFields/Widget").status()).isEqualTo(404);
	}

	@Test
	void serverTimeUrlAndVersion() {
		String time = http.get("/serverAPIUtcDateTime").json().asString();
		Instant server = LocalDateTime.parse(time, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC);

		assertThat(server).isCloseTo(Instant.now(), within(5, java.time.temporal.ChronoUnit.SECONDS));
		assertThat(http.get("/teamPipelineUrl").json().asString()).isEqualTo(emulator.getUrl());
		assertThat(http.get("/teamPipelineVersion").json().intValue()).isEqualTo(15);
	}

	@Test
	void missingOrWrongCredentialsAnswer401WithTheRealm() {
		Response none = RawHttp.send(HttpRequest.newBuilder(emulator.getBaseUrl("eu_Demo")), "GET", null);
		Response wrong = new RawHttp(emulator.getBaseUrl("eu_Demo").toString(), emulator.getApiToken(), "guess").get("/Accounts");

		for (Response response : List.of(none, wrong)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"restapi\"");
			assertThat(response.errorCode()).isEqualTo(1001);
			assertThat(response.body()).doesNotContain(emulator.getApiPassword());
		}
	}

	@Test
	void unknownTeamPipelinesAndPathsAnswer404() {
		Response pipeline = new RawHttp(emulator.getUrl() + "/rest_services/v1/eu_Nobody", emulator.getApiToken(),
				emulator.getApiPassword()).get("/Accounts");
		Response path = RawHttp.send(HttpRequest.newBuilder(URI.create(emulator.getUrl() + "/api/v100/rest"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((emulator.getApiToken() + ":" + emulator.getApiPassword()).getBytes())), "GET", null);

		assertThat(pipeline.status()).isEqualTo(404);
		assertThat(pipeline.errorCode()).isEqualTo(1009);
		assertThat(path.status()).isEqualTo(404);
		assertThat(http.get("/Accounts/a/b").status()).isEqualTo(404);
	}

	@Test
	void metadataEndpointsTakeNoParametersAndOnlyGet() {
		assertThat(http.get("/entityPublic?x=1").status()).isEqualTo(400);
		assertThat(http.post("/errorCodes", "{}").status()).isEqualTo(405);
		assertThat(http.delete("/Accounts").status()).isEqualTo(405);
	}

	private static JsonNode field(JsonNode fields, String apiName) {
		for (JsonNode field : fields) {
			if (field.get("API_NAME").asString().equals(apiName)) {
				return field;
			}
		}
		throw new AssertionError("no field " + apiName);
	}

}
