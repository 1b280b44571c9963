package dev.pipeliner.emulator.spring;

import dev.pipeliner.emulator.Seed;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For local development: when {@code pipeliner.url} is not set, starts emulators with
 * {@link Seed#DEMO demo data} on free loopback ports and connects the auto-configured clients to
 * them, the default one and every named one of {@code pipeliner.clients}, so the application runs
 * without a Pipeliner account. Each client's emulator speaks the API its {@code protocol} names
 * (v1 by default, or v100), in the space or team pipeline its properties name when that is a
 * plain id. With {@code pipeliner.url} set it does nothing; {@link PipelinerEmulatorConfiguration}
 * connects to emulators whatever the configuration says.
 * <p>
 * Register it with {@code SpringApplication.addInitializers}, or in
 * {@code META-INF/spring.factories} under
 * {@code org.springframework.context.ApplicationContextInitializer}. The default client's emulator
 * is the bean {@code pipelinerEmulator}, every client's are in the bean {@link PipelinerEmulators},
 * the connections are a {@code PipelinerConnectionDetails} and a
 * {@code PipelinerClientsConnectionDetails} bean, and {@code pipeliner.verify-on-startup} is on;
 * the emulators stop with the context.
 */
public class PipelinerEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().containsProperty("pipeliner.url")) {
			return;
		}
		EmulatorBeans.attach(context, EmulatedClients.of(context.getEnvironment()).start(Seed.DEMO));
	}

}
