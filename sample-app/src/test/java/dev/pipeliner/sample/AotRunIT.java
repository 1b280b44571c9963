package dev.pipeliner.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application runs from the code that {@code spring-boot:process-aot} generated in the
 * package phase, as with {@code -Dspring.aot.enabled=true}, and tours the embedded emulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class AotRunIT {

	@Test
	void theSampleRunsWithAotProcessingOnTheEmulator(CapturedOutput output) throws Exception {
		Class.forName("dev.pipeliner.sample.SampleApplication__ApplicationContextInitializer");
		System.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
			SpringApplication application = new SpringApplication(SampleApplication.class);
			// the generated initializer is looked up by the main class, which a test runner is not
			application.setMainApplicationClass(SampleApplication.class);
			try (ConfigurableApplicationContext context = application.run()) {
				assertThat(context.getBean(PipelinerTour.class)).isNotNull();
			}
		}
		finally {
			System.clearProperty(AotDetector.AOT_ENABLED);
		}

		assertThat(output).contains("Running on the embedded Pipeliner emulator", "getEntities(Accounts): 5 of 12 accounts",
				"setEntities(Contacts): 2 of 2 created", "Tour complete");
	}

}
