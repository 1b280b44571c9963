package dev.pipeliner.emulator.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;

/**
 * On a Spring test class ({@code @SpringBootTest} and the like): starts emulators for the test's
 * application context and connects every auto-configured client to them, the default one and
 * each named one, whatever {@code pipeliner.*} says. The connections are a
 * {@code PipelinerConnectionDetails} bean (the default client) and a
 * {@code PipelinerClientsConnectionDetails} bean (the named clients); the properties themselves
 * are left as they are, and {@code pipeliner.verify-on-startup} is on unless they turn it off.
 * <p>
 * An emulator speaks one protocol, so the clients of each protocol share one, each in its own
 * space (v100) or team pipeline (v1); clients that name the same one share its data. The
 * emulator of the default client is the bean {@code pipelinerEmulator}; {@link PipelinerEmulators}
 * has every client's. Contexts with the same settings are cached and shared as usual, and the
 * emulators stop with their context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigurePipelinerEmulator {

	/** @return the data every space or team pipeline of the emulators starts with */
	Seed seed() default Seed.EMPTY;

	/**
	 * @return the API the default client and its emulator speak, whatever
	 * {@code pipeliner.protocol} says, written {@code protocol = Protocol.V100}; when left out,
	 * the one {@code pipeliner.protocol} names (v1 when it names none). At most one.
	 */
	Protocol[] protocol() default {};

	/**
	 * @return the space (v100) or team pipeline (v1) the default client uses, such as
	 * {@code fr_Myself}; by default the one its configuration names ({@code pipeliner.space} or
	 * {@code pipeliner.team-pipeline}) when that is a plain id, else
	 * {@value PipelinerEmulator#DEFAULT_TEAM_PIPELINE}
	 */
	String space() default "";

	/**
	 * @return how to serve named clients: each listed one gets the protocol and space given here,
	 * and one that {@code pipeliner.clients} lacks is added. A named client of
	 * {@code pipeliner.clients} that is not listed is served too, with the protocol its
	 * properties name and, when it is a plain id, their space or team pipeline.
	 */
	Client[] clients() default {};

	/**
	 * A named client of {@code PipelinerClients}, as the emulators serve it.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface Client {

		/** @return the client's name, as under {@code pipeliner.clients.<name>} */
		String name();

		/** @return the API the client and its emulator speak, whatever its properties say */
		Protocol protocol();

		/**
		 * @return the space (v100) or team pipeline (v1) the client uses; by default the one its
		 * properties name when that is a plain id, else
		 * {@value PipelinerEmulator#DEFAULT_TEAM_PIPELINE}
		 */
		String space() default "";

	}

}
