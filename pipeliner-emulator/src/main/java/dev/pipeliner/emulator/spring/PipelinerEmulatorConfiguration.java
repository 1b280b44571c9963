package dev.pipeliner.emulator.spring;

import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.autoconfigure.PipelinerClientsConnectionDetails;
import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Seed;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * For running an application locally without a Pipeliner account: starts emulators with
 * {@link Seed#DEMO demo data} on free loopback ports and connects the auto-configured clients to
 * them, the default one and every named one of {@code pipeliner.clients}, whatever
 * {@code pipeliner.*} the application's configuration sets. Each client's emulator speaks the API
 * its {@code protocol} names (v1 by default, or v100), in the space or team pipeline its
 * properties name when that is a plain id, else {@value PipelinerEmulator#DEFAULT_TEAM_PIPELINE};
 * clients of one protocol share an emulator. {@code pipeliner.verify-on-startup} is on unless the
 * configuration turns it off. Add it to a test main method:
 * <pre>{@code
 * public static void main(String[] args) {
 *     SpringApplication.from(MyApplication::main).with(PipelinerEmulatorConfiguration.class).run(args);
 * }
 * }</pre>
 * and start it with {@code mvn spring-boot:test-run}. The log says where each emulator listens.
 * The emulators stop with the application.
 */
@Configuration(proxyBeanMethods = false)
public class PipelinerEmulatorConfiguration {

	@Bean
	static BeanFactoryPostProcessor pipelinerEmulatorVerifiesOnStartup() {
		return (beanFactory) -> EmulatorBeans.verifyOnStartup(beanFactory.getBean(ConfigurableEnvironment.class));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	PipelinerEmulators pipelinerEmulators(Environment environment) {
		PipelinerEmulators emulators = EmulatedClients.of(environment).start(Seed.DEMO);
		EmulatorBeans.logInUse(emulators);
		return emulators;
	}

	/** The default client's emulator; {@link PipelinerEmulators} stops it. */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	PipelinerEmulator pipelinerEmulator(PipelinerEmulators pipelinerEmulators) {
		return pipelinerEmulators.get(PipelinerClients.DEFAULT);
	}

	@Bean
	@ConditionalOnMissingBean
	PipelinerConnectionDetails pipelinerEmulatorConnectionDetails(PipelinerEmulators pipelinerEmulators) {
		return EmulatorBeans.connection(pipelinerEmulators);
	}

	@Bean
	@ConditionalOnMissingBean
	PipelinerClientsConnectionDetails pipelinerEmulatorClientsConnectionDetails(PipelinerEmulators pipelinerEmulators) {
		return new EmulatorClientsConnectionDetails(pipelinerEmulators);
	}

}
