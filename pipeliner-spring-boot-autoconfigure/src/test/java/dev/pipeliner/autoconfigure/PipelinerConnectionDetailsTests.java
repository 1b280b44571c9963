package dev.pipeliner.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.PipelinerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default client connects as its {@link PipelinerConnectionDetails} says, and only so.
 */
class PipelinerConnectionDetailsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class));

	private PipelinerConnectionDetails toServer() {
		return new Fixed(server.baseUrl(), "eu_Details", new PipelinerConnectionDetails.Credentials("d-token", "d-pass"));
	}

	@Test
	void byDefaultTheConnectionComesFromTheProperties() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com",
				"pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=token-123",
				"pipeliner.api-password=password-456")
			.run((context) -> {
				PipelinerConnectionDetails details = context.getBean(PipelinerConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesPipelinerConnectionDetails.class);
				assertThat(details.getUrl()).isEqualTo("https://eu.pipelinersales.com");
				assertThat(details.getTeamPipeline()).isEqualTo("eu_Pipeline1");
				assertThat(details.getCredentials().apiToken()).isEqualTo("token-123");
				assertThat(details.getCredentials().apiPassword()).isEqualTo("password-456");
				assertThat(details + " " + details.getCredentials()).doesNotContain("token-123", "password-456");
			});
	}

	@Test
	void aConnectionDetailsBeanAloneTurnsTheClientOn() {
		stubVersion("eu_Details");

		this.contextRunner.withBean(PipelinerConnectionDetails.class, this::toServer).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesPipelinerConnectionDetails.class);
			assertThat(context.getBean(PipelinerClient.class).getTeamPipelineVersion().block()).isEqualTo(15);
		});

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/eu_Details/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(basic("d-token", "d-pass"))));
	}

	@Test
	void aConnectionDetailsBeanWinsOverEveryConnectionProperty() {
		stubVersion("eu_Details");

		this.contextRunner.withBean(PipelinerConnectionDetails.class, this::toServer)
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Other",
					"pipeliner.api-token=${UNSET_TOKEN}")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PipelinerClient client = context.getBean(PipelinerClient.class);
				assertThat(client.getTeamPipeline()).isEqualTo("eu_Details");
				assertThat(client.getTeamPipelineVersion().block()).isEqualTo(15);
			});
	}

	@Test
	void namedClientsConnectAsTheirOwnPropertiesSay() {
		stubVersion("us_Named");

		this.contextRunner.withBean(PipelinerConnectionDetails.class, this::toServer)
			.withPropertyValues("pipeliner.clients.us.url=" + server.baseUrl(), "pipeliner.clients.us.team-pipeline=us_Named",
					"pipeliner.clients.us.api-token=us-token", "pipeliner.clients.us.api-password=us-pass")
			.run((context) -> assertThat(context.getBean(PipelinerClients.class).get("us").getTeamPipelineVersion().block())
				.isEqualTo(15));

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/us_Named/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(basic("us-token", "us-pass"))));
	}

	@Test
	void byDefaultTheNamedClientsComeFromTheirProperties() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com",
				"pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=token-123",
				"pipeliner.api-password=password-456", "pipeliner.clients.us.url=https://us.pipelinersales.com",
				"pipeliner.clients.us.team-pipeline=us_Named", "pipeliner.clients.us.api-token=us-token",
				"pipeliner.clients.us.api-password=us-pass")
			.run((context) -> {
				PipelinerClientsConnectionDetails named = context.getBean(PipelinerClientsConnectionDetails.class);
				assertThat(named).isInstanceOf(PropertiesPipelinerClientsConnectionDetails.class);
				assertThat(named.getClients()).containsOnlyKeys("us");
				PipelinerConnectionDetails us = named.getClients().get("us");
				assertThat(us.getUrl()).isEqualTo("https://us.pipelinersales.com");
				assertThat(us.getTeamPipeline()).isEqualTo("us_Named");
				assertThat(us.getCredentials()).isEqualTo(new PipelinerConnectionDetails.Credentials("us-token", "us-pass"));
				assertThat(named + " " + us).doesNotContain("us-token", "us-pass");
			});
	}

	@Test
	void aClientsConnectionDetailsBeanReplacesEveryNamedClientsPropertiesNamesIncluded() {
		stubVersion("eu_Beaned");

		this.contextRunner.withBean(PipelinerConnectionDetails.class, this::toServer)
			.withBean(PipelinerClientsConnectionDetails.class,
					() -> () -> Map.of("beaned",
							new Fixed(server.baseUrl(), "eu_Beaned", new PipelinerConnectionDetails.Credentials("b-token", "b-pass"))))
			.withPropertyValues("pipeliner.clients.us.url=https://us.pipelinersales.com",
					"pipeliner.clients.us.team-pipeline=us_Named", "pipeliner.clients.us.api-token=${UNSET_US_TOKEN}")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesPipelinerClientsConnectionDetails.class);
				PipelinerClients clients = context.getBean(PipelinerClients.class);
				assertThat(clients.names()).containsExactly(PipelinerClients.DEFAULT, "beaned");
				assertThat(clients.get("beaned").getTeamPipelineVersion().block()).isEqualTo(15);
			});

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/eu_Beaned/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(basic("b-token", "b-pass"))));
	}

	@Test
	void aClientsConnectionDetailsBeanMayNotNameAClientDefault() {
		this.contextRunner.withBean(PipelinerConnectionDetails.class, this::toServer)
			.withBean(PipelinerClientsConnectionDetails.class,
					() -> () -> Map.of(PipelinerClients.DEFAULT, toServer()))
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> assertThat(problem.description()).contains("names a client 'default'")));
	}

	@Test
	void aMalformedConnectionDetailsBeanIsNamedInTheFailure() {
		this.contextRunner
			.withBean(PipelinerConnectionDetails.class,
					() -> new Fixed("ftp://x", "eu_Details", new PipelinerConnectionDetails.Credentials("t", "secret-p")))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.satisfies((failure) -> assertThat(failure.toString()).doesNotContain("secret-p")));
		this.contextRunner
			.withBean(PipelinerConnectionDetails.class,
					() -> new Fixed("ftp://x", "eu_Details", new PipelinerConnectionDetails.Credentials("t", "secret-p")))
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("The PipelinerConnectionDetails bean Fixed")
				.hasStackTraceContaining("url"));
	}

	private static void stubVersion(String teamPipeline) {
		server.stubFor(get(urlEqualTo("/rest_services/v1/" + teamPipeline + "/teamPipelineVersion"))
			.willReturn(okJson("15")));
	}

	private static String basic(String token, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((token + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Fixed(String url, String teamPipeline, Credentials credentials) implements PipelinerConnectionDetails {

		@Override
		public String getUrl() {
			return this.url;
		}

		@Override
		public String getTeamPipeline() {
			return this.teamPipeline;
		}

		@Override
		public Credentials getCredentials() {
			return this.credentials;
		}

	}

}
