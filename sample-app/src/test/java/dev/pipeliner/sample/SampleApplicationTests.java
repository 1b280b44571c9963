package dev.pipeliner.sample;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample application on its embedded emulator, and against WireMock standing in for a
 * real account, and checks that the tour calls every operation.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final String BASE = "/rest_services/v1/eu_Sample";

	private static final String TRACE_LOG = "target/trace-test.log";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void withoutSettingsTheTourRunsOnAV100EmbeddedEmulator(CapturedOutput output) {
		run().close();

		assertThat(output).contains("Running on the embedded Pipeliner emulator (V100)", "Touring PipelinerClient[v100",
				"getEntities(Accounts): 5 of 12 accounts", "getErrorCodes: not in this API version",
				"getTeamPipelineVersion: not in this API version", "streamEntities(Contacts): 30 contacts",
				"setEntity(Account) updated phone1", "setEntities(Contacts): 2 of 2 created", "deleteEntities(Contacts): 2 deleted",
				"deleteEntity(Account) deleted", "Tour complete");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void theTourRunsOnAV1EmulatorToo(CapturedOutput output) {
		run("--pipeliner.protocol=v1").close();

		assertThat(output).contains("Running on the embedded Pipeliner emulator (V1)", "getCollections: 33 collections",
				"getEntities(Accounts): 5 of 12 accounts", "getErrorCodes: ", "streamEntities(Contacts): 30 contacts",
				"setEntities(Contacts): 2 of 2 created", "deleteEntity(Account) deleted", "Tour complete")
			.doesNotContain("not in this API version");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void onARealAccountTheTourOnlyReadsUnlessAsked(CapturedOutput output) {
		stubPipeliner();

		run("--pipeliner.protocol=v1", "--pipeliner.url=" + server.baseUrl(), "--pipeliner.team-pipeline=eu_Sample", "--pipeliner.api-token=tour-token",
				"--pipeliner.api-password=tour-password")
			.close();

		assertThat(output).contains("Skipping writes", "Tour complete").doesNotContain("embedded Pipeliner emulator");
		assertThat(server.getAllServeEvents()).allMatch((event) -> event.getRequest().getMethod().getName().equals("GET"));
	}

	@Test
	void theTourCallsEveryOperationOnTheWire(CapturedOutput output) {
		stubPipeliner();

		run("--pipeliner.protocol=v1", "--pipeliner.url=" + server.baseUrl(), "--pipeliner.team-pipeline=eu_Sample", "--pipeliner.api-token=tour-token",
				"--pipeliner.api-password=tour-password", "--sample.tour.writes=true")
			.close();

		assertThat(output).contains("getCollections: 4 collections", "getEntityPublic: Opportunities -> Opportunity",
				"getErrorCodes: 2 codes", "getFields(Contact): 2 fields; required: [OWNER_ID]",
				"getServerApiUtcDateTime: 2024-05-06T14:00:02Z", "getTeamPipelineUrl: https://eu.pipelinersales.com",
				"getTeamPipelineVersion: 15", "getEntities(Accounts): 1 of 1 accounts", "getEntity(Account): Acme Ltd",
				"streamEntities(Contacts): 2 contacts", "setEntity(Account) created PY-A2",
				"setEntity(Account) updated PHONE1 of PY-A2", "setEntities(Contacts): 2 of 2 created [PY-C3, PY-C4]",
				"streamEntities(Contacts, SURNAME = Sample Tour): [PY-C3, PY-C4]", "deleteEntities(Contacts): 2 deleted",
				"deleteEntity(Account) deleted PY-A2", "Tour complete")
			.doesNotContain("tour-password")
			.doesNotContain("tour-token");
		server.verify(postRequestedFor(urlEqualTo(BASE + "/Accounts")).withRequestBody(
				equalToJson("{\"ORGANIZATION\":\"Sample Tour Ltd\",\"OWNER_ID\":1534,\"SALES_UNIT_ID\":7}")));
		server.verify(putRequestedFor(urlEqualTo(BASE + "/Accounts/PY-A2"))
			.withRequestBody(equalToJson("{\"ID\":\"PY-A2\",\"PHONE1\":\"+44 20 7946 0000\"}")));
		server.verify(postRequestedFor(urlEqualTo(BASE + "/setEntities?entityName=Contact&flag=8")));
		server.verify(postRequestedFor(urlEqualTo(BASE + "/deleteEntities?entityName=Contact"))
			.withRequestBody(equalToJson("[\"PY-C3\",\"PY-C4\"]")));
		server.verify(deleteRequestedFor(urlEqualTo(BASE + "/Accounts/PY-A2")));
	}

	@Test
	void noCredentialReachesTheLogsEvenAtTrace(CapturedOutput output) throws Exception {
		Files.deleteIfExists(Path.of(TRACE_LOG));
		String token = "tok-5e2f-do-not-log";
		String password = "pw-9a7c-do-not-log";
		try (PipelinerEmulator emulator = PipelinerEmulator.builder()
			.credentials(token, password)
			.teamPipeline("eu_Secret", Seed.DEMO)
			.start()) {
			run("--pipeliner.protocol=v1", "--pipeliner.url=" + emulator.getUrl(), "--pipeliner.team-pipeline=eu_Secret", "--pipeliner.api-token=" + token,
					"--pipeliner.api-password=" + password, "--sample.tour.writes=true", "--logging.level.root=TRACE",
					"--logging.level.org.springframework=TRACE", "--logging.level.reactor.netty=TRACE",
					"--logging.level.io.netty=TRACE", "--logging.file.name=" + TRACE_LOG, "--logging.threshold.console=OFF")
				.close();
		}

		// The TRACE log goes to a file, to keep the build's output short
		String log = Files.readString(Path.of(TRACE_LOG));
		String basic = Base64.getEncoder().encodeToString((token + ":" + password).getBytes(StandardCharsets.UTF_8));
		assertThat(output).contains("Tour complete");
		assertThat(log).contains("DEBUG", "TRACE", "eu_Secret");
		assertThat(output + log).doesNotContain(token).doesNotContain(password).doesNotContain(basic);
	}

	private static ConfigurableApplicationContext run(String... args) {
		return SpringApplication.run(SampleApplication.class, args);
	}

	private static void stubPipeliner() {
		server.stubFor(get(urlEqualTo(BASE)).willReturn(okJson("[\"Accounts\",\"Clients\",\"Contacts\",\"SalesUnits\"]")));
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).willReturn(okJson("""
				{"Accounts":"Account","Clients":"Client","Contacts":"Contact","SalesUnits":"SalesUnit",
				 "Opportunities":"Opportunity"}""")));
		server.stubFor(get(urlEqualTo(BASE + "/errorCodes")).willReturn(okJson("{\"1003\":\"Entity not found\",\"1401\":\"Required field missing\"}")));
		server.stubFor(get(urlEqualTo(BASE + "/getFields/Contact")).willReturn(okJson("""
				[{"API_NAME":"OWNER_ID","REQUIRED":1,"READONLY":0,"CUSTOM":0,"TYPE":"long"},
				 {"API_NAME":"EMAIL1","REQUIRED":0,"READONLY":0,"CUSTOM":0,"TYPE":"string"}]""")));
		server.stubFor(get(urlEqualTo(BASE + "/serverAPIUtcDateTime")).willReturn(okJson("\"2024-05-06 14:00:02\"")));
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineUrl")).willReturn(okJson("\"https://eu.pipelinersales.com\"")));
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(okJson("15")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Accounts")).willReturn(page("[{\"ID\":\"PY-A1\",\"ORGANIZATION\":\"Acme Ltd\"}]", 1)));
		server.stubFor(get(urlEqualTo(BASE + "/Accounts/PY-A1"))
			.willReturn(okJson("{\"ID\":\"PY-A1\",\"ORGANIZATION\":\"Acme Ltd\",\"MODIFIED\":\"2024-05-01 09:30:00\"}")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("loadonly", equalTo("ID"))
			.willReturn(page("[{\"ID\":\"PY-C1\"},{\"ID\":\"PY-C2\"}]", 2)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Clients")).willReturn(page("[{\"ID\":1534,\"EMAIL\":\"owner@example.com\"}]", 1)));
		server.stubFor(get(urlPathEqualTo(BASE + "/SalesUnits")).willReturn(page("[{\"ID\":7,\"SALES_UNIT_NAME\":\"EMEA\"}]", 1)));
		server.stubFor(post(urlEqualTo(BASE + "/Accounts"))
			.willReturn(aResponse().withStatus(201).withHeader("Location", server.baseUrl() + BASE + "/Accounts/PY-A2")));
		server.stubFor(put(urlEqualTo(BASE + "/Accounts/PY-A2")).willReturn(aResponse().withStatus(200)));
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(okJson("[\"PY-C3\",\"PY-C4\"]")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("filter", equalTo("SURNAME::Sample Tour"))
			.willReturn(page("[{\"ID\":\"PY-C3\"},{\"ID\":\"PY-C4\"}]", 2)));
		server.stubFor(post(urlPathEqualTo(BASE + "/deleteEntities")).willReturn(okJson("[\"PY-C3\",\"PY-C4\"]")));
		server.stubFor(delete(urlEqualTo(BASE + "/Accounts/PY-A2")).willReturn(aResponse().withStatus(200)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String items, int total) {
		return okJson(items).withHeader("Content-Range", "items 0-" + (total - 1) + "/" + total);
	}

}
