package dev.pipeliner.autoconfigure;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code pipeliner.verify-on-startup}: wrong credentials fail the startup, with a report that names
 * the client, its properties and what the server said, instead of surfacing on the first call.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerifyOnStartupTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String TIME = "/rest_services/v1/eu_Pipeline1/serverAPIUtcDateTime";

	private static final String ENTITIES = "/api/v100/rest/spaces/fr_Cloud/entities/Entities";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
				"pipeliner.api-token=token-123", "pipeliner.api-password=password-456",
				"pipeliner.retry.max-attempts=1", "pipeliner.clients.cloud.protocol=v100",
				"pipeliner.clients.cloud.url=" + server.baseUrl(), "pipeliner.clients.cloud.space=fr_Cloud",
				"pipeliner.clients.cloud.api-token=cloud-user", "pipeliner.clients.cloud.api-password=cloud-password");

	@BeforeEach
	void answersOfAHealthyAccount() {
		server.resetAll();
		server.stubFor(get(urlEqualTo(TIME)).willReturn(okJson("\"2024-05-06 14:00:02\"")));
		server.stubFor(get(urlPathEqualTo(ENTITIES)).willReturn(okJson("{\"success\":true,\"total\":1,"
				+ "\"page_info\":{\"has_next_page\":false},\"data\":[{\"id\":\"e1\",\"name_singular\":\"Contact\","
				+ "\"name_plural\":\"Contacts\"}]}")));
	}

	@Test
	void offByDefaultNothingIsSentAtStartup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PipelinerClients.class);
			assertThat(context.getBean(PipelinerProperties.class).isVerifyOnStartup()).isFalse();
		});
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void onItCallsEveryClientOnceAsItsOwnAccount() {
		this.contextRunner.withPropertyValues("pipeliner.verify-on-startup=true")
			.run((context) -> assertThat(context).hasNotFailed());

		server.verify(1, getRequestedFor(urlEqualTo(TIME)).withHeader("Authorization",
				equalTo(basic("token-123", "password-456"))));
		server.verify(getRequestedFor(urlPathEqualTo(ENTITIES))
			.withHeader("Authorization", equalTo(basic("cloud-user", "cloud-password"))));
	}

	@Test
	void everyClientThatFailsIsNamedInOneReportWithWhatTheServerSaidAndWhatToCheck() throws Exception {
		server.stubFor(get(urlEqualTo(TIME)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorcode\":-1,\"message\":\"Invalid API token or password\"}")));
		server.stubFor(get(urlPathEqualTo(ENTITIES)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":404,\"name\":\"ERROR_NOT_FOUND\",\"message\":\"Space not found.\","
					+ "\"http_status\":404,\"success\":false}")));
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Fine/serverAPIUtcDateTime"))
			.willReturn(okJson("\"2024-05-06 14:00:02\"")));
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		this.contextRunner
			.withPropertyValues("pipeliner.verify-on-startup=true", "pipeliner.clients.gone.url=http://127.0.0.1:" + closedPort,
					"pipeliner.clients.gone.team-pipeline=eu_Gone", "pipeliner.clients.gone.api-token=gone-token",
					"pipeliner.clients.gone.api-password=gone-password", "pipeliner.clients.fine.url=" + server.baseUrl(),
					"pipeliner.clients.fine.team-pipeline=eu_Fine", "pipeliner.clients.fine.api-token=t",
					"pipeliner.clients.fine.api-password=p")
			.run((context) -> {
				assertThat(context).hasFailed();
				List<Problem> problems = UnresolvedPlaceholderTests.problems(context.getStartupFailure());
				assertThat(problems).hasSize(3);
				assertThat(problems.get(0).description()).startsWith("default (pipeliner.*: v1 at " + server.baseUrl()
						+ ", team pipeline eu_Pipeline1): getServerApiUtcDateTime: GET " + server.baseUrl() + TIME
								+ " answered HTTP 401")
					.endsWith("Invalid API token or password");
				assertThat(problems.get(0).properties()).containsExactly("pipeliner.api-token", "pipeliner.api-password");
				assertThat(problems.get(1).description())
					.startsWith("cloud (pipeliner.clients.cloud.*: v100 at " + server.baseUrl() + ", space fr_Cloud): ")
					.contains("404", "Space not found.");
				assertThat(problems.get(1).action()).contains("pipeliner.clients.cloud.url", "the Cloud API v100",
						"pipeliner.clients.cloud.space");
				assertThat(problems.get(2).description()).startsWith("gone (pipeliner.clients.gone.*: v1 at http://127.0.0.1:"
						+ closedPort);
				assertThat(problems.get(2).action()).contains("pipeliner.clients.gone.url", "reachable");
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("3 of 4 failed", "pipeliner.verify-on-startup=false");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("password-456", "token-123",
						"cloud-password", "gone-password", "gone-token");
				assertThat(context.getStartupFailure().getSuppressed()).hasSize(3);
			});
		server.verify(1, getRequestedFor(urlEqualTo("/rest_services/v1/eu_Fine/serverAPIUtcDateTime")));
	}

	@Test
	void aClientConnectedByABeanIsNamedByItsBean() {
		server.stubFor(get(urlPathEqualTo("/api/v100/rest/spaces/fr_Myself/entities/Entities"))
			.willReturn(aResponse().withStatus(401)));

		this.contextRunner.withPropertyValues("pipeliner.verify-on-startup=true")
			.withBean(PipelinerClientsConnectionDetails.class, () -> () -> Map.of("beaned",
					new ProtocolAndUrlCheckTests.V100Details(server.baseUrl(), "bean-password")))
			.run((context) -> {
				Problem problem = UnresolvedPlaceholderTests.problems(context.getStartupFailure()).get(0);
				assertThat(problem.description()).startsWith("beaned (the connection of 'beaned' from the"
						+ " PipelinerClientsConnectionDetails bean (")
					.contains("v100 at " + server.baseUrl()
							+ ", space fr_Myself): getEntities Entities, in the entity-name lookup: GET ")
					.doesNotContain("bean-password");
				assertThat(problem.properties()).isEmpty();
				assertThat(problem.action()).startsWith("Check the credentials of the connection of 'beaned'");
			});
	}

	@Test
	void aFailedCheckStopsTheApplicationBeforeItsRunnersRun() {
		server.stubFor(get(urlEqualTo(TIME)).willReturn(aResponse().withStatus(401)));
		Runner.ran.set(false);
		SpringApplication application = new SpringApplication(StartupReportTests.NeedsClient.class, Runner.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--pipeliner.verify-on-startup=true", "--pipeliner.url=" + server.baseUrl(),
				"--pipeliner.team-pipeline=eu_Pipeline1", "--pipeliner.api-token=token-123",
				"--pipeliner.api-password=password-456", "--pipeliner.retry.max-attempts=1").close())
			.isInstanceOf(PipelinerConfigurationException.class)
			.satisfies((report) -> assertThat(report.getSuppressed()).singleElement()
				.isInstanceOf(dev.pipeliner.client.error.PipelinerAuthenticationException.class));
		assertThat(Runner.ran).isFalse();
	}

	@Test
	void wrongCredentialsFailTheStartupNamingTheClientItsPropertiesAndWhatTheServerSaid(CapturedOutput output) {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/serverAPIUtcDateTime"))
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "Basic realm=\"restapi\"")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errorcode\":-1,\"message\":\"Invalid API token or password\"}")));
		SpringApplication application = new SpringApplication(StartupReportTests.NeedsClient.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--pipeliner.verify-on-startup=true", "--pipeliner.url=" + server.baseUrl(),
				"--pipeliner.team-pipeline=eu_Pipeline1", "--pipeliner.api-token=token-123",
				"--pipeliner.api-password=password-456", "--pipeliner.retry.max-attempts=1").close())
			.isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeliner.verify-on-startup")
			.contains("default (pipeliner.*")
			.contains("Invalid API token or password")
			.contains("pipeliner.api-token and pipeliner.api-password")
			.doesNotContain("password-456")
			.doesNotContain("token-123");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	static class Runner implements CommandLineRunner {

		static final AtomicBoolean ran = new AtomicBoolean();

		@Override
		public void run(String... args) {
			ran.set(true);
		}

	}

}
