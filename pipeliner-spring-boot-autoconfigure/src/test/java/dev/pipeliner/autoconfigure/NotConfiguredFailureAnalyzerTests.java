package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.PipelinerClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each type the starter offers for injection gets the same tailored report when nothing is
 * configured, and a half-set named client is told about its own properties.
 */
class NotConfiguredFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class));

	@Test
	void injectingPipelinerClientWithNothingConfigured() {
		assertReportFor(NeedsClient.class, "PipelinerClient");
	}

	@Test
	void injectingBlockingPipelinerClientWithNothingConfigured() {
		assertReportFor(NeedsBlockingClient.class, "BlockingPipelinerClient");
	}

	@Test
	void injectingPipelinerClientsWithNothingConfigured() {
		assertReportFor(NeedsClients.class, "PipelinerClients");
	}

	@Test
	void aHalfSetNamedClientNamesItsOwnPropertiesAndVariables() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=token-123", "pipeliner.api-password=password-456",
					"pipeliner.clients.us.url=https://us.pipelinersales.com", "pipeliner.clients.us.team-pipeline=us_P")
			.withUserConfiguration(NeedsClients.class)
			.run((context) -> {
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("pipeliner.clients.us.api-token",
						"pipeliner.clients.us.api-password");
				assertThat(analysis.getAction()).contains("pipeliner.clients.us.api-token",
						"PIPELINER_CLIENTS_US_API_TOKEN", "PIPELINER_CLIENTS_US_API_PASSWORD")
					.doesNotContain(" PIPELINER_API_TOKEN")
					.doesNotContain("remove pipeliner.url");
			});
	}

	@Test
	void aHalfSetDefaultClientNamesItsVariables() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.api-token=t")
			.withUserConfiguration(NeedsClient.class)
			.run((context) -> assertThat(
					new PipelinerConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
				.contains("PIPELINER_TEAM_PIPELINE", "PIPELINER_API_PASSWORD")
				.doesNotContain("PIPELINER_API_TOKEN"));
	}

	private void assertReportFor(Class<?> configuration, String type) {
		this.contextRunner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PipelinerClientNotConfiguredFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure());
			assertThat(analysis).as("analysis for " + type).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("A " + type + " was required, but none is configured: the property pipeliner.url is not set.");
			assertThat(analysis.getAction()).contains("pipeliner.url", "PIPELINER_URL", "PIPELINER_API_TOKEN");
			assertThat(analysis.getCause()).isInstanceOf(NoSuchBeanDefinitionException.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsClient {

		@Bean
		String user(PipelinerClient client) {
			return "user";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsBlockingClient {

		@Bean
		String user(BlockingPipelinerClient client) {
			return "user";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsClients {

		@Bean
		String user(PipelinerClients clients) {
			return "user";
		}

	}

}
