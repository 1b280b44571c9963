package dev.pipeliner.emulator;

import dev.pipeliner.autoconfigure.PipelinerClientCustomizer;
import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.autoconfigure.PipelinerConfigurationException;
import dev.pipeliner.autoconfigure.PipelinerProperties;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.spring.PipelinerEmulatorConfiguration;
import dev.pipeliner.emulator.spring.PipelinerEmulatorInitializer;
import dev.pipeliner.emulator.spring.PipelinerEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The development-time configuration connects an application's clients, the named ones included,
 * to emulators whatever its {@code pipeliner.*} settings say, says so in the log, and checks the
 * clients at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmulatorConfigurationTest {

	@Test
	void theApplicationRunsOnTheEmulatorWhateverPipelinerUrlSays(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class, PipelinerEmulatorConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		PipelinerEmulator emulator;
		try (ConfigurableApplicationContext context = application.run("--pipeliner.url=https://eu.pipelinersales.com",
				"--pipeliner.team-pipeline=eu_Real", "--pipeliner.api-token=${UNSET_TOKEN}")) {
			emulator = context.getBean(PipelinerEmulator.class);
			PipelinerClient client = context.getBean(PipelinerClient.class);
			assertThat(client.getTeamPipeline()).isEqualTo(emulator.getTeamPipeline());
			assertThat(client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
			assertThat(output).contains("The Pipeliner emulator is in use at " + emulator.getUrl());
		}
		assertThat(output).doesNotContain(emulator.getApiPassword());
	}

	@Test
	void withTheInitializerTooThereIsOneEmulator() {
		SpringApplication application = new SpringApplication(Application.class, PipelinerEmulatorConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(new PipelinerEmulatorInitializer());
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getBeansOfType(PipelinerEmulator.class)).hasSize(1);
			assertThat(context.getBean(PipelinerClient.class).getEntities("Accounts", Query.all()).block().total())
				.isEqualTo(12);
		}
	}

	@Test
	void namedClientsRunOnEmulatorsOfTheirOwnProtocolInTheSpacesTheyName(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class, PipelinerEmulatorConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--pipeliner.protocol=v100",
				"--pipeliner.url=https://eu-central.api.pipelinersales.com", "--pipeliner.space=fr_Myself",
				"--pipeliner.api-token=${UNSET_USERNAME}", "--pipeliner.clients.legacy.url=https://eu.pipelinersales.com",
				"--pipeliner.clients.legacy.team-pipeline=eu_Legacy",
				"--pipeliner.clients.legacy.api-token=${UNSET_LEGACY_TOKEN}")) {
			PipelinerEmulators emulators = context.getBean(PipelinerEmulators.class);
			PipelinerClients clients = context.getBean(PipelinerClients.class);
			assertThat(context.getBean(PipelinerEmulator.class)).isSameAs(emulators.get(PipelinerClients.DEFAULT));
			assertThat(clients.get(PipelinerClients.DEFAULT).getProtocol()).isEqualTo(PipelinerProtocol.V100);
			assertThat(clients.get(PipelinerClients.DEFAULT).getTeamPipeline()).isEqualTo("fr_Myself");
			assertThat(clients.get("legacy").getProtocol()).isEqualTo(PipelinerProtocol.V1);
			assertThat(clients.get("legacy").getTeamPipeline()).isEqualTo("eu_Legacy");
			assertThat(clients.get("legacy").getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
			assertThat(output).contains("The Pipeliner emulator is in use at " + emulators.get("legacy").getUrl()
					+ " (v1, team pipeline eu_Legacy) for the client 'legacy'");
			assertThat(context.getBean(PipelinerProperties.class).isVerifyOnStartup()).isTrue();
		}
	}

	@Test
	void theInitializerServesTheNamedClientsToo() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(new PipelinerEmulatorInitializer());
		try (ConfigurableApplicationContext context = application.run("--pipeliner.clients.cloud.protocol=v100",
				"--pipeliner.clients.cloud.url=https://us-east.api.pipelinersales.com")) {
			PipelinerClient cloud = context.getBean(PipelinerClients.class).get("cloud");
			assertThat(cloud.getProtocol()).isEqualTo(PipelinerProtocol.V100);
			assertThat(cloud.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
		}
	}

	@Test
	void theClientsAreCheckedAtStartupUnlessTheConfigurationSaysOtherwise() {
		SpringApplication application = new SpringApplication(Application.class, PipelinerEmulatorConfiguration.class,
				WrongCredentials.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run().close()).isInstanceOf(PipelinerConfigurationException.class)
			.hasMessageContaining("pipeliner.verify-on-startup")
			.hasMessageContaining("401");
		try (ConfigurableApplicationContext context = application.run("--pipeliner.verify-on-startup=false")) {
			assertThat(context.getBean(PipelinerProperties.class).isVerifyOnStartup()).isFalse();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	/** Makes the client send credentials the emulator refuses. */
	@Configuration(proxyBeanMethods = false)
	static class WrongCredentials {

		@Bean
		PipelinerClientCustomizer wrongCredentials() {
			return (builder) -> builder.credentials("wrong-token", "wrong-password");
		}

	}

}
