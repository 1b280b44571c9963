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
		if (annotation == null) {
			return null;
		}
		Protocol[] protocol = annotation.protocol();
		if (protocol.length > 1) {
			throw new IllegalStateException("@AutoConfigurePipelinerEmulator on " + testClass.getName()
					+ " names " + protocol.length + " protocols, " + Arrays.toString(protocol)
					+ "; the default client speaks one (leave it out for the one pipeliner.protocol names)");
		}
		return new Customizer(annotation.seed(), (protocol.length == 1) ? protocol[0] : null, annotation.space(),
				Arrays.stream(annotation.clients()).map(EmulatedClients.Choice::of).toList());
	}

	/**
	 * Equal for equal settings, so that Spring's context cache shares the context.
	 *
	 * @param protocol the default client's, or {@code null} for the one its properties name
	 */
	private record Customizer(Seed seed, @Nullable Protocol protocol, String space,
			List<EmulatedClients.Choice> clients) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			EmulatorBeans.attach(context,
					EmulatedClients.of(context.getEnvironment(), this.protocol, this.space, this.clients).start(this.seed));
		}

	}

}
