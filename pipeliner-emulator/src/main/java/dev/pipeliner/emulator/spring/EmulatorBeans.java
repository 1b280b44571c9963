package dev.pipeliner.emulator.spring;

import dev.pipeliner.emulator.PipelinerEmulator;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Makes an emulator and the connection to it beans of a context before it refreshes, and stops the
 * emulator with the context. The connection is a {@code PipelinerConnectionDetails}, which the
 * auto-configured client prefers to any {@code pipeliner.*} property.
 */
final class EmulatorBeans {

	static final String NAME = "pipelinerEmulator";

	private EmulatorBeans() {
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
