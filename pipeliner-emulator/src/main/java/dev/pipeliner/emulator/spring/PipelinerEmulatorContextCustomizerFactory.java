package dev.pipeliner.emulator.spring;

import java.util.Arrays;
import java.util.List;

import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts the emulators for each test context of a class annotated with
 * {@link AutoConfigurePipelinerEmulator}. Registered in {@code META-INF/spring.factories}.
 */
class PipelinerEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigurePipelinerEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigurePipelinerEmulator.class);
		return (annotation != null) ? new Customizer(annotation.seed(), annotation.protocol(), annotation.space(),
				Arrays.stream(annotation.clients()).map(EmulatedClients.Choice::of).toList()) : null;
	}

	/** Equal for equal settings, so that Spring's context cache shares the context. */
	private record Customizer(Seed seed, Protocol protocol, String space,
			List<EmulatedClients.Choice> clients) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			EmulatorBeans.attach(context,
					EmulatedClients.of(context.getEnvironment(), this.protocol, this.space, this.clients).start(this.seed));
		}

	}

}
