package dev.pipeliner.emulator;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.spring.PipelinerEmulatorConfiguration;
import dev.pipeliner.emulator.spring.PipelinerEmulatorInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development-time configuration connects an application to an emulator whatever its
 * {@code pipeliner.*} settings say, and says so in the log.
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

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
