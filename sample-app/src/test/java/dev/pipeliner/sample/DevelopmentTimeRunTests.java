package dev.pipeliner.sample;

import dev.pipeliner.autoconfigure.PipelinerProperties;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.emulator.spring.PipelinerEmulatorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestSampleApplication} runs the tour on an emulator even when application.yml points
 * {@code pipeliner.url} at a real data center and the credentials' variables are unset; the
 * emulator serves the team pipeline application.yml names, and the client is checked at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentTimeRunTests {

	@Test
	void theTestMainReachesTheEmulatorWithAUrlSetInApplicationYml(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.from(SampleApplication::main)
			.with(PipelinerEmulatorConfiguration.class)
			.run("--spring.config.additional-location=classpath:devtime/")
			.getApplicationContext()) {
			assertThat(context.getEnvironment().getProperty("pipeliner.url")).isEqualTo("https://eu-central.api.pipelinersales.com");
			assertThat(context.getBean(PipelinerClient.class).getTeamPipeline()).as("the space application.yml names")
				.isEqualTo("fr_Myself");
			assertThat(context.getBean(PipelinerProperties.class).isVerifyOnStartup()).isTrue();
		}

		assertThat(output).contains("The Pipeliner emulator is in use at http://127.0.0.1:",
				"Running on the embedded Pipeliner emulator", "getEntities(Accounts): 5 of 12 accounts",
				"setEntities(Contacts): 2 of 2 created", "Tour complete");
	}

}
