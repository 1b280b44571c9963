package dev.pipeliner.emulator.spring;

import dev.pipeliner.emulator.Seed;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For local development: when {@code pipeliner.url} is not set, starts an emulator with
 * {@link Seed#DEMO demo data} on a free loopback port and connects the auto-configured client to
 * it, so the application runs without a Pipeliner account. It speaks the API that
 * {@code pipeliner.protocol} names: v1 by default, or v100. With {@code pipeliner.url} set it does
 * nothing; {@link PipelinerEmulatorConfiguration} connects to an emulator whatever the
 * configuration says.
 * <p>
 * Register it with {@code SpringApplication.addInitializers}, or in
 * {@code META-INF/spring.factories} under
 * {@code org.springframework.context.ApplicationContextInitializer}. The emulator is the bean
 * {@code pipelinerEmulator}, its connection a {@code PipelinerConnectionDetails} bean; it stops with
 * the context.
 */
public class PipelinerEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().containsProperty("pipeliner.url")) {
			return;
		}
		EmulatorBeans.attach(context, EmulatorBeans.start(context.getEnvironment()));
	}

}
