package dev.pipeliner.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerRedirectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auto-configured client never follows a redirect, whichever connector Boot builds, speaks
 * the protocol the properties name, and bounds the size of an answer.
 */
class ProtocolAndRedirectTests {

	static WireMockServer server;

	static WireMockServer elsewhere;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.api-token=token-123", "pipeliner.api-password=password-456",
				"pipeliner.retry.max-attempts=1");

	@BeforeAll
	static void servers() {
		server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
		elsewhere.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
		elsewhere.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
		elsewhere.resetAll();
		elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{\"ID\":\"ELSEWHERE\"}")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor", "jdk", "jetty", "http-components" })
	void noConnectorFollowsARedirectToAnotherHost(String connector) {
		server.stubFor(any(urlPathEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion"))
			.willReturn(aResponse().withStatus(302)
				.withHeader("Location", elsewhere.baseUrl() + "/rest_services/v1/eu_Pipeline1/teamPipelineVersion")));
		this.contextRunner
			.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
					"spring.http.clients.reactive.connector=" + connector)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PipelinerClient client = context.getBean(PipelinerClient.class);
				assertThatThrownBy(() -> client.getTeamPipelineVersion().block())
					.isInstanceOf(PipelinerRedirectException.class)
					.hasMessageContaining(elsewhere.baseUrl());
				assertThat(elsewhere.getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void theV100ProtocolIsChosenInProperties() {
		server.stubFor(get(urlPathEqualTo("/api/v100/rest/spaces/fr_Myself/entities/Entities")).willReturn(okJson(
				"{\"success\":true,\"total\":1,\"page_info\":{\"has_next_page\":false},"
						+ "\"data\":[{\"id\":\"e1\",\"name_singular\":\"Contact\",\"name_plural\":\"Contacts\"}]}")));
		this.contextRunner
			.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.protocol=v100", "pipeliner.space=fr_Myself")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PipelinerClient.class).getCollections().block()).containsExactly("Contacts");
				server.verify(getRequestedFor(urlPathEqualTo("/api/v100/rest/spaces/fr_Myself/entities/Entities"))
					.withHeader("Authorization", equalTo("Basic dG9rZW4tMTIzOnBhc3N3b3JkLTQ1Ng==")));
			});
	}

	@Test
	void theHealthOfAV100ClientAsksTheEntitiesCollection() {
		server.stubFor(get(urlPathEqualTo("/api/v100/rest/spaces/fr_Myself/entities/Entities")).willReturn(okJson(
				"{\"success\":true,\"page_info\":{\"has_next_page\":false},"
						+ "\"data\":[{\"id\":\"e1\",\"name_singular\":\"Contact\",\"name_plural\":\"Contacts\"}]}")));
		PipelinerClient client = PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(server.baseUrl())
			.space("fr_Myself")
			.credentials("user", "password")
			.build();
		Health health = new PipelinerHealthIndicator(client).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("protocol", "v100").containsEntry("space", "fr_Myself");
	}

	@Test
	void aV100ClientWithoutASpaceFailsNamingIt() {
		this.contextRunner.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.protocol=v100")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(PipelinerConfigurationException.class)
				.hasMessageContaining("pipeliner.space")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("team-pipeline")));
	}

	@Test
	void aUrlWithCredentialsFailsWithoutEchoingThem() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://user:s3cr3t@eu.pipelinersales.com", "pipeliner.team-pipeline=eu_x",
					"pipeliner.clients.us.url=https://us-user:s3cr3t@us.pipelinersales.com",
					"pipeliner.clients.us.team-pipeline=us_x", "pipeliner.clients.us.api-token=t",
					"pipeliner.clients.us.api-password=p")
			.run((context) -> {
				assertThat(context).hasFailed();
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cr3t");
					if (cause instanceof org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException invalid) {
						assertThat(String.valueOf(invalid.getValue())).doesNotContain("s3cr3t");
					}
				}
			});
	}

	@Test
	void theMaximumResponseSizeIsAProperty() {
		server.stubFor(get(urlPathEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion"))
			.willReturn(okJson("\"" + "9".repeat(4000) + "\"")));
		this.contextRunner
			.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.max-response-size=2KB")
			.run((context) -> assertThatThrownBy(() -> context.getBean(PipelinerClient.class).getTeamPipelineVersion().block())
				.isInstanceOf(PipelinerDecodingException.class)
				.hasMessageContaining("2KB"));
	}

}
