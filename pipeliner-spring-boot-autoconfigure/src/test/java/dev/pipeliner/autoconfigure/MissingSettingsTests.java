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
 * A missing team pipeline or space is reported with the other protocol's name for it when that is
 * what was set, and every problem of every client comes in the same report.
 */
class MissingSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class));

	@Test
	void aTeamPipelineOnAV100ClientIsNamedAsV1sNameForTheSpace() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
					"pipeliner.team-pipeline=fr_Myself", "pipeliner.api-token=user", "pipeliner.api-password=password-456")
			.run((context) -> {
				assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure())).singleElement()
					.satisfies((problem) -> {
						assertThat(problem.properties()).containsExactly("pipeliner.space");
						assertThat(problem.description()).isEqualTo("pipeliner.url is set, but pipeliner.space is not;"
								+ " pipeliner.team-pipeline is set, but team-pipeline is v1's name for the space: a v100"
								+ " client reads pipeliner.space");
						assertThat(problem.action()).endsWith("rename pipeliner.team-pipeline to pipeliner.space.");
					});
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("v1's name for the space").doesNotContain("password-456");
				assertThat(analysis.getAction()).contains("PIPELINER_SPACE");
			});
	}

	@Test
	void aV100ClientWithoutEitherIsToldOnlyOfTheSpace() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
					"pipeliner.api-token=user", "pipeliner.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> assertThat(problem.description())
					.isEqualTo("pipeliner.url is set, but pipeliner.space is not")));
	}

	@Test
	void aSpaceOnAV1ClientIsNamedAsV100sNameForTheTeamPipeline() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.space=eu_Pipeline1",
					"pipeliner.api-token=t", "pipeliner.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.description()).contains("pipeliner.team-pipeline is not",
							"pipeliner.space is set, but space is v100's name for the team pipeline");
					assertThat(problem.action()).contains("set pipeliner.protocol=v100 instead");
				}));
	}

	@Test
	void aNamedV100ClientIsToldOfItsOwnProperties() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_P",
					"pipeliner.api-token=t", "pipeliner.api-password=p", "pipeliner.clients.cloud.protocol=v100",
					"pipeliner.clients.cloud.url=https://us-east.api.pipelinersales.com",
					"pipeliner.clients.cloud.team-pipeline=us_Cloud", "pipeliner.clients.cloud.api-token=t",
					"pipeliner.clients.cloud.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.properties()).containsExactly("pipeliner.clients.cloud.space");
					assertThat(problem.description()).contains(
							"pipeliner.clients.cloud.team-pipeline is set, but team-pipeline is v1's name for the space");
					assertThat(problem.action()).contains("PIPELINER_CLIENTS_CLOUD_SPACE",
							"rename pipeliner.clients.cloud.team-pipeline to pipeliner.clients.cloud.space");
				}));
	}

	@Test
	void aMissingSpaceAndAWrongDataCenterComeTogether() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://eu.pipelinersales.com",
					"pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=${PIPELINER_TEST_UNSET_USER}",
					"pipeliner.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.extracting(Problem::properties)
				.containsExactly(List.of("pipeliner.space"), List.of("pipeliner.api-token"),
						List.of("pipeliner.url", "pipeliner.protocol")));
	}

	@Test
	void aNamedAccountCalledDefaultIsRefused() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_P",
					"pipeliner.api-token=t", "pipeliner.api-password=p",
					"pipeliner.clients.default.url=https://us.pipelinersales.com",
					"pipeliner.clients.default.team-pipeline=us_P", "pipeliner.clients.default.api-token=t",
					"pipeliner.clients.default.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.properties()).containsExactly("pipeliner.clients.default");
					assertThat(problem.action()).contains("another name");
				}));
	}

}
