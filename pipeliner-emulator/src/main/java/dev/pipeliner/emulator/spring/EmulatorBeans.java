package dev.pipeliner.emulator.spring;

import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Makes an emulator and the connection to it beans of a context before it refreshes, and stops the
 * emulator with the context. The connection is a {@code PipelinerConnectionDetails}, which the
 * auto-configured client prefers to any {@code pipeliner.*} property.
 */
final class EmulatorBeans {

	static final String NAME = "pipelinerEmulator";

	private EmulatorBeans() {
	}

	/**
	 * @return an emulator with demo data that speaks the API {@code pipeliner.protocol} names: v1
	 * by default, v100 with {@code v100}
	 */
	static PipelinerEmulator start(Environment environment) {
		boolean v100 = "v100".equalsIgnoreCase(environment.getProperty("pipeliner.protocol", "v1").trim());
		return PipelinerEmulator.builder()
			.protocol(v100 ? Protocol.V100 : Protocol.V1)
			.teamPipeline(PipelinerEmulator.DEFAULT_TEAM_PIPELINE, Seed.DEMO)
			.start();
	}

	static void attach(ConfigurableApplicationContext context, PipelinerEmulator emulator) {
		context.getBeanFactory().registerSingleton(NAME, emulator);
		context.getBeanFactory()
			.registerSingleton("pipelinerEmulatorConnectionDetails", new EmulatorConnectionDetails(emulator));
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				emulator.close();
			}
		});
		EmulatorConnectionDetails.logInUse(emulator);
	}

}
