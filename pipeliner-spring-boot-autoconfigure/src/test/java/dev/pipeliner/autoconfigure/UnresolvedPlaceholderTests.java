package dev.pipeliner.autoconfigure;

import java.util.List;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value copied from the documentation as {@code ${PIPELINER_API_TOKEN}}, with no such variable
 * set, stays literal after binding; it must fail the startup rather than become the credentials,
 * and every such value of every client is named in the same report.
 */
class UnresolvedPlaceholderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class));

	@Test
	void anUnresolvedCredentialOfTheDefaultClientFailsNamingThePropertyAndTheVariable() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=${PIPELINER_TEST_UNSET_TOKEN}", "pipeliner.api-password=password-456")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(problems(context.getStartupFailure())).singleElement().satisfies((problem) -> {
					assertThat(problem.properties()).containsExactly("pipeliner.api-token");
					assertThat(problem.description()).contains("pipeliner.api-token", "${PIPELINER_TEST_UNSET_TOKEN}");
				});
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("pipeliner.api-token", "${PIPELINER_TEST_UNSET_TOKEN}")
					.doesNotContain("password-456");
				assertThat(analysis.getAction()).contains("PIPELINER_TEST_UNSET_TOKEN", "pipeliner.api-token");
			});
	}

	@Test
	void everyUnresolvedSettingOfEveryClientAndTheProxyIsNamedInOneReport() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=${PIPELINER_TEST_UNSET_TOKEN}",
					"pipeliner.api-password=${PIPELINER_TEST_UNSET_PASSWORD}",
					"pipeliner.clients.us.url=https://us.pipelinersales.com",
					"pipeliner.clients.us.team-pipeline=${US_TEAM_PIPELINE:us_Default}",
					"pipeliner.clients.us.api-token=us-token",
					"pipeliner.clients.us.api-password=${PIPELINER_TEST_UNSET_US_PASSWORD}",
					"pipeliner.proxy.host=proxy.example", "pipeliner.proxy.port=3128",
					"pipeliner.proxy.username=${PIPELINER_TEST_UNSET_PROXY_USER}")
			.run((context) -> {
				assertThat(context).hasFailed();
				List<Problem> problems = problems(context.getStartupFailure());
				assertThat(problems).flatExtracting(Problem::properties)
					.containsExactly("pipeliner.api-token", "pipeliner.api-password",
							"pipeliner.clients.us.api-password", "pipeliner.proxy.username");
				assertThat(problems).extracting(Problem::description)
					.containsExactly("pipeliner.api-token is ${PIPELINER_TEST_UNSET_TOKEN}, and nothing defines"
							+ " PIPELINER_TEST_UNSET_TOKEN",
							"pipeliner.api-password is ${PIPELINER_TEST_UNSET_PASSWORD}, and nothing defines"
									+ " PIPELINER_TEST_UNSET_PASSWORD",
							"pipeliner.clients.us.api-password is ${PIPELINER_TEST_UNSET_US_PASSWORD}, and nothing"
									+ " defines PIPELINER_TEST_UNSET_US_PASSWORD",
							"pipeliner.proxy.username is ${PIPELINER_TEST_UNSET_PROXY_USER}, and nothing defines"
									+ " PIPELINER_TEST_UNSET_PROXY_USER");
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("(4 problems)", "  1. pipeliner.api-token is",
						"  4. pipeliner.proxy.username is");
				assertThat(analysis.getAction()).contains("  1. Set the environment variable (or system property)"
						+ " PIPELINER_TEST_UNSET_TOKEN", "  3. Set the environment variable (or system property)"
								+ " PIPELINER_TEST_UNSET_US_PASSWORD");
			});
	}

	@Test
	void aPasswordThatOnlyContainsDollarBracesIsAPassword() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=token-123", "pipeliner.api-password=pa${ss}word")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void placeholdersThatResolveAreFine() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=${test.token}", "test.token=token-123",
					"pipeliner.api-password=${PIPELINER_TEST_UNSET_PASSWORD:password-456}")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theFailureAnalyzerIsRegistered() throws Exception {
		try (java.io.InputStream factories = getClass().getResourceAsStream("/META-INF/spring.factories")) {
			assertThat(new String(factories.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.contains(PipelinerConfigurationFailureAnalyzer.class.getName());
		}
	}

	static List<Problem> problems(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PipelinerConfigurationException report) {
				return report.getProblems();
			}
		}
		throw new AssertionError("no PipelinerConfigurationException in " + failure);
	}

}
