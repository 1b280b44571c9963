package dev.pipeliner.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class PipelinerActuatorTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String TIME = "/rest_services/v1/eu_Pipeline1/serverAPIUtcDateTime";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class, PipelinerHealthContributorAutoConfiguration.class,
				PipelinerActuatorAutoConfiguration.class));

	private ApplicationContextRunner configured() {
		return this.contextRunner.withPropertyValues("pipeliner.url=" + server.baseUrl(),
				"pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=token-123",
				"pipeliner.api-password=password-456", "pipeliner.retry.max-attempts=1");
	}

	private static Health health(org.springframework.context.ApplicationContext context, String client) {
		CompositeReactiveHealthContributor pipeliner = context.getBean("pipelinerHealthContributor",
				CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) pipeliner.getContributor(client)).health().block();
	}

	@Test
	void healthIsUpWhenPipelinerAnswers() {
		server.stubFor(get(urlEqualTo(TIME)).willReturn(okJson("\"2024-05-06 14:00:02\"")));

		configured().run((context) -> {
			Health health = health(context, "default");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("teamPipeline", "eu_Pipeline1")
				.containsEntry("serverTime", "2024-05-06T14:00:02Z");
		});
	}

	@Test
	void healthIsDownWithTheFailureAndNoCredentials() {
		server.stubFor(get(urlEqualTo(TIME)).willReturn(aResponse().withStatus(401)));

		configured().run((context) -> {
			Health health = health(context, "default");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().toString()).contains("401")
				.doesNotContain("token-123")
				.doesNotContain("password-456");
		});
	}

	@Test
	void healthCanBeTurnedOffAndNeedsAClient() {
		configured().withPropertyValues("management.health.pipeliner.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("pipelinerHealthContributor"));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("pipelinerHealthContributor"));
	}

	@Test
	void onlyPipelinersCredentialsAreMaskedNamedClientsIncluded() {
		configured()
			.withPropertyValues("pipeliner.clients.us.url=https://us.pipelinersales.com",
					"pipeliner.clients.us.team-pipeline=us_Named", "pipeliner.clients.us.api-token=us-token-1",
					"pipeliner.clients.us.api-password=us-password-2", "PIPELINER_CLIENTS_US_API_PASSWORD=us-password-2",
					"PIPELINER_APITOKEN=token-123", "pipeliner.proxy.host=proxy.example", "pipeliner.proxy.port=3128",
					"pipeliner.proxy.password=proxy-secret",
					"spring.datasource.password=datasource-secret", "other.api-token=other-token",
					"my.password=application-secret")
			.run((context) -> {
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
				ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(sanitizers,
						Show.ALWAYS);
				configprops.setApplicationContext(context);
				JsonMapper json = JsonMapper.builder().build();

				String envReport = json.writeValueAsString(env.environment(null));
				String propsReport = json.writeValueAsString(configprops.configurationPropertiesWithPrefix("pipeliner"));

				assertThat(envReport).doesNotContain("token-123", "password-456", "us-token-1", "us-password-2",
						"proxy-secret");
				assertThat(propsReport).contains("us_Named")
					.doesNotContain("token-123", "password-456", "us-token-1", "us-password-2", "proxy-secret");
				assertThat(envReport).as("left to Spring Boot's own rules")
					.contains("datasource-secret", "other-token", "application-secret");
			});
	}

	@Test
	void theCredentialPatternNamesExactlyPipelinersKeys() {
		assertThat(List.of("pipeliner.api-token", "pipeliner.apiPassword", "PIPELINER_API_TOKEN", "PIPELINER_APIPASSWORD",
				"pipeliner.clients.us.api-token", "pipeliner.clients.us-east.apiPassword", "pipeliner.clients[us].apiToken",
				"PIPELINER_CLIENTS_US_EAST_API_TOKEN", "pipeliner.proxy.password"))
			.allMatch((key) -> PipelinerActuatorAutoConfiguration.CREDENTIAL.matcher(key).matches());
		assertThat(List.of("pipeliner.url", "pipeliner.clients.us.url", "pipeliner.team-pipeline", "spring.datasource.password",
				"my.pipeliner.api-token", "pipeliner.proxy.username", "other.api-password", "password"))
			.noneMatch((key) -> PipelinerActuatorAutoConfiguration.CREDENTIAL.matcher(key).matches());
	}

	@Test
	void healthCoversTheDefaultAndEveryNamedClient() {
		server.stubFor(get(urlEqualTo(TIME)).willReturn(okJson("\"2024-05-06 14:00:02\"")));
		server.stubFor(get(urlEqualTo("/rest_services/v1/us_Named/serverAPIUtcDateTime"))
			.willReturn(aResponse().withStatus(503)));

		configured()
			.withPropertyValues("pipeliner.clients.us.url=" + server.baseUrl(), "pipeliner.clients.us.team-pipeline=us_Named",
					"pipeliner.clients.us.api-token=us-token", "pipeliner.clients.us.api-password=us-password")
			.run((context) -> {
				CompositeReactiveHealthContributor pipeliner = context.getBean("pipelinerHealthContributor",
						CompositeReactiveHealthContributor.class);
				assertThat(pipeliner.stream().map((entry) -> entry.name())).containsExactly("default", "us");
				assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
				Health us = health(context, "us");
				assertThat(us.getStatus()).isEqualTo(Status.DOWN);
				assertThat(us.getDetails().toString()).contains("503").doesNotContain("us-password");
			});
	}

	@Test
	void healthCanBeTurnedOffInTheMetadata() throws Exception {
		try (java.io.InputStream metadata = getClass()
			.getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
			tools.jackson.databind.JsonNode json = JsonMapper.builder().build().readTree(metadata);
			assertThat(json.get("properties").findValuesAsString("name")).contains("management.health.pipeliner.enabled");
		}
	}

	@Test
	void envAndConfigpropsMaskTheCredentialsEvenWhenShowingValues() {
		configured().withPropertyValues("PIPELINER_API_PASSWORD=password-456").run((context) -> {
			List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
			EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
			ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(sanitizers,
					Show.ALWAYS);
			configprops.setApplicationContext(context);
			JsonMapper json = JsonMapper.builder().build();

			String envReport = json.writeValueAsString(env.environment(null));
			String propsReport = json.writeValueAsString(configprops.configurationPropertiesWithPrefix("pipeliner"));

			assertThat(envReport).contains("eu_Pipeline1", "******").doesNotContain("token-123", "password-456");
			assertThat(propsReport).contains("eu_Pipeline1", "******").doesNotContain("token-123", "password-456");
		});
	}

}
