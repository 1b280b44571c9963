package dev.pipeliner.emulator.spring;

import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Seed;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * For running an application locally without a Pipeliner account: starts an emulator with
 * {@link Seed#DEMO demo data} on a free loopback port and connects the auto-configured
 * {@code PipelinerClient} to it, whatever {@code pipeliner.*} the application's configuration
 * sets. It speaks the API {@code pipeliner.protocol} names: v1 by default, or v100. Add it to a test main method:
 * <pre>{@code
 * public static void main(String[] args) {
 *     SpringApplication.from(MyApplication::main).with(PipelinerEmulatorConfiguration.class).run(args);
 * }
 * }</pre>
 * and start it with {@code mvn spring-boot:test-run}. The log says where the emulator listens.
 * The emulator stops with the application.
 */
@Configuration(proxyBeanMethods = false)
public class PipelinerEmulatorConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	PipelinerEmulator pipelinerEmulator(Environment environment) {
		PipelinerEmulator emulator = EmulatorBeans.start(environment);
		EmulatorConnectionDetails.logInUse(emulator);
		return emulator;
	}

	@Bean
	@ConditionalOnMissingBean
	PipelinerConnectionDetails pipelinerEmulatorConnectionDetails(PipelinerEmulator pipelinerEmulator) {
		return new EmulatorConnectionDetails(pipelinerEmulator);
	}

}
