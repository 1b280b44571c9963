package dev.pipeliner.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.pipeliner.client.PipelinerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a user sees when the configuration is incomplete, and that the documentation lists every
 * property.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTests {

	@Test
	void injectingTheClientWithoutUrlReportsTheMissingProperty(CapturedOutput output) {
		SpringApplication application = new SpringApplication(NeedsClient.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(application::run).isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A PipelinerClient was required, but none is configured: the property pipeliner.url is not set.")
			.contains("set pipeliner.protocol=v100, pipeliner.url, pipeliner.space, pipeliner.api-token and"
					+ " pipeliner.api-password")
			.contains("for the v1 API, pipeliner.url, pipeliner.team-pipeline, pipeliner.api-token and"
					+ " pipeliner.api-password");
	}

	@Test
	void aHalfSetConfigurationReportsWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(NeedsClient.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--pipeliner.url=https://eu.pipelinersales.com",
				"--pipeliner.api-password=password-456"))
			.isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeliner.url is set, but pipeliner.team-pipeline, pipeliner.api-token are not")
			.contains("Set pipeliner.team-pipeline, pipeliner.api-token")
			.doesNotContain("password-456");
	}

	@Test
	void everyUnresolvedPlaceholderOfEveryClientIsNamedInOneReport(CapturedOutput output) {
		assertThatThrownBy(() -> run("--pipeliner.url=https://eu.pipelinersales.com",
				"--pipeliner.team-pipeline=eu_Pipeline1", "--pipeliner.api-token=${PIPELINER_TEST_UNSET_TOKEN}",
				"--pipeliner.api-password=${PIPELINER_TEST_UNSET_PASSWORD}",
				"--pipeliner.clients.legacy.url=https://us.pipelinersales.com",
				"--pipeliner.clients.legacy.team-pipeline=us_Legacy",
				"--pipeliner.clients.legacy.api-token=${PIPELINER_TEST_UNSET_LEGACY_TOKEN}",
				"--pipeliner.clients.legacy.api-password=legacy-password-789"))
			.isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeliner.api-token is ${PIPELINER_TEST_UNSET_TOKEN}")
			.contains("pipeliner.api-password is ${PIPELINER_TEST_UNSET_PASSWORD}")
			.contains("pipeliner.clients.legacy.api-token is ${PIPELINER_TEST_UNSET_LEGACY_TOKEN}")
			.doesNotContain("legacy-password-789");
	}

	@Test
	void missingPropertiesAndUnresolvedPlaceholdersOfSeveralClientsComeInOneReport(CapturedOutput output) {
		assertThatThrownBy(() -> run("--pipeliner.url=https://eu.pipelinersales.com",
				"--pipeliner.api-token=${PIPELINER_TEST_UNSET_TOKEN}", "--pipeliner.api-password=password-456",
				"--pipeliner.clients.legacy.url=https://us.pipelinersales.com",
				"--pipeliner.clients.legacy.team-pipeline=us_Legacy"))
			.isNotNull();

		assertThat(output).contains("pipeliner.url is set, but pipeliner.team-pipeline is not")
			.contains("pipeliner.api-token is ${PIPELINER_TEST_UNSET_TOKEN}")
			.contains("pipeliner.clients.legacy is set, but pipeliner.clients.legacy.api-token,"
					+ " pipeliner.clients.legacy.api-password are not")
			.doesNotContain("password-456");
	}

	@Test
	void aTeamPipelineOnAV100ClientIsCalledV1sNameForTheSpace(CapturedOutput output) {
		assertThatThrownBy(() -> run("--pipeliner.protocol=v100",
				"--pipeliner.url=https://eu-central.api.pipelinersales.com", "--pipeliner.team-pipeline=fr_Myself",
				"--pipeliner.api-token=user", "--pipeliner.api-password=password-456"))
			.isNotNull();

		assertThat(output).contains("pipeliner.url is set, but pipeliner.space is not")
			.contains("pipeliner.team-pipeline is set, but team-pipeline is v1's name for the space")
			.contains("rename pipeliner.team-pipeline to pipeliner.space");
	}

	@Test
	void aV100ClientPointedAtAV1DataCenterFailsAtStartup(CapturedOutput output) {
		assertThatThrownBy(() -> run("--pipeliner.protocol=v100", "--pipeliner.url=https://eu.pipelinersales.com",
				"--pipeliner.space=fr_Myself", "--pipeliner.api-token=user", "--pipeliner.api-password=password-456"))
			.isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeliner.url is https://eu.pipelinersales.com, a data center of the REST API v1, but"
					+ " pipeliner.protocol is v100")
			.contains("https://eu-central.api.pipelinersales.com");
	}

	@Test
	void aV1ClientPointedAtAV100DataCenterFailsAtStartup(CapturedOutput output) {
		assertThatThrownBy(() -> run("--pipeliner.url=https://eu-central.api.pipelinersales.com",
				"--pipeliner.team-pipeline=eu_Pipeline1", "--pipeliner.api-token=token-123",
				"--pipeliner.api-password=password-456"))
			.isNotNull();

		assertThat(output).contains("pipeliner.url is https://eu-central.api.pipelinersales.com, a data center of the"
				+ " Cloud API v100, but pipeliner.protocol is v1")
			.contains("pipeliner.protocol=v100");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(NeedsClient.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Test
	void theConfigurationPageListsEveryProperty() throws Exception {
		String page = Files.readString(Path.of("..", "docs", "configuration.md"));
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"));
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			assertThat(page).as("docs/configuration.md lists " + name).contains("| `" + name + "` |");
			if (property.has("defaultValue")) {
				assertThat(page).as("docs/configuration.md gives the default of " + name)
					.contains("| `" + name + "` | `" + property.get("defaultValue").asString() + "` |");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(PipelinerAutoConfiguration.class)
	static class NeedsClient {

		@Bean
		String userOfTheClient(PipelinerClient client) {
			return client.toString();
		}

		@Bean
		String userOfTheRegistry(PipelinerClients clients) {
			return clients.toString();
		}

	}

}
