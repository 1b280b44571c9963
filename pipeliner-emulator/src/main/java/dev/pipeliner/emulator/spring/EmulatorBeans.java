package dev.pipeliner.emulator.spring;

import java.util.Map;

import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every emulator support does to a context: makes the emulators and the connections to them
 * beans, turns {@code pipeliner.verify-on-startup} on unless the application's configuration
 * turns it off, says in the log which client uses which emulator, and stops the emulators with
 * the context. The connections are a {@code PipelinerConnectionDetails} and a
 * {@code PipelinerClientsConnectionDetails}, which the auto-configured clients prefer to any
 * {@code pipeliner.*} property.
 */
final class EmulatorBeans {

	static final String NAME = "pipelinerEmulator";

	private static final String VERIFY_ON_STARTUP = "pipelinerEmulatorVerifiesOnStartup";

	private static final Log logger = LogFactory.getLog(EmulatorBeans.class);

	private EmulatorBeans() {
	}

	/** Registers the emulators and their connections in a context that has not refreshed yet. */
	static void attach(ConfigurableApplicationContext context, PipelinerEmulators emulators) {
		context.getBeanFactory().registerSingleton("pipelinerEmulators", emulators);
		context.getBeanFactory().registerSingleton(NAME, emulators.get(PipelinerClients.DEFAULT));
		context.getBeanFactory().registerSingleton("pipelinerEmulatorConnectionDetails", connection(emulators));
		context.getBeanFactory()
			.registerSingleton("pipelinerEmulatorClientsConnectionDetails", new EmulatorClientsConnectionDetails(emulators));
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				emulators.close();
			}
		});
		verifyOnStartup(context.getEnvironment());
		logInUse(emulators);
	}

	/** @return the default client's connection to its emulator */
	static EmulatorConnectionDetails connection(PipelinerEmulators emulators) {
		return new EmulatorConnectionDetails(emulators.get(PipelinerClients.DEFAULT),
				emulators.getSpace(PipelinerClients.DEFAULT));
	}

	/**
	 * Turns {@code pipeliner.verify-on-startup} on, below every other property source, so that
	 * the application's own setting wins.
	 */
	static void verifyOnStartup(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(VERIFY_ON_STARTUP)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(VERIFY_ON_STARTUP, Map.of("pipeliner.verify-on-startup", "true")));
		}
	}

	/** Says which client uses which emulator, and in which space; never the password. */
	static void logInUse(PipelinerEmulators emulators) {
		for (String name : emulators.names()) {
			PipelinerEmulator emulator = emulators.get(name);
			String where = emulator.getUrl() + " ("
					+ ((emulator.getProtocol() == Protocol.V100) ? "v100, space " : "v1, team pipeline ")
					+ emulators.getSpace(name) + ")";
			logger.info(name.equals(PipelinerClients.DEFAULT)
					? "The Pipeliner emulator is in use at " + where
							+ ": the PipelinerClient connects to it, whatever pipeliner.url says"
					: "The Pipeliner emulator is in use at " + where + " for the client '" + name
							+ "': it connects to it, whatever pipeliner.clients." + name + ".url says");
		}
	}

}
