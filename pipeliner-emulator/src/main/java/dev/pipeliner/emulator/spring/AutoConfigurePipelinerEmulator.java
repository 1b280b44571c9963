package dev.pipeliner.emulator.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;

/**
 * On a Spring test class ({@code @SpringBootTest} and the like): starts an emulator for the test's
 * application context and contributes the connection to it as a {@code PipelinerConnectionDetails}
 * bean, so the auto-configured {@code PipelinerClient} talks to it whatever {@code pipeliner.*}
 * says. The emulator is the bean
 * {@code pipelinerEmulator}; inject it to {@code reset()} it or read its settings. Contexts with
 * the same seed are cached and shared as usual, and the emulator stops with its context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigurePipelinerEmulator {

	/** @return the data the emulator's team pipeline starts with */
	Seed seed() default Seed.EMPTY;

	/**
	 * @return the API the emulator speaks; with {@link Protocol#V100} it sets
	 * {@code pipeliner.protocol=v100} and {@code pipeliner.space} as well
	 */
	Protocol protocol() default Protocol.V1;

}
