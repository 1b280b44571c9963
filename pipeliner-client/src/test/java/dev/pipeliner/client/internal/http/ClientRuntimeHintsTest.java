package dev.pipeliner.client.internal.http;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** A native image keeps the resource the User-Agent reads the library's version from. */
class ClientRuntimeHintsTest {

	@Test
	void theVersionResourceIsRegisteredThroughAotFactories() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/pipeliner/client/internal/http/version.properties"))
			.accepts(hints);
		assertThat(UserAgent.VALUE).doesNotContain("unknown").startsWith("pipeliner-spring-boot-starter/0.");
	}

}
