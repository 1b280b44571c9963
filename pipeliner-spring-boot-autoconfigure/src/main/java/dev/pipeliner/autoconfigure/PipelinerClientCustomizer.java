package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;

/**
 * Changes the auto-configured {@link PipelinerClient} before it is built, for settings that
 * concern this client only. Declare beans of this type; they run in {@code @Order}, after
 * {@code pipeliner.*} properties are applied, so they win over them.
 */
@FunctionalInterface
public interface PipelinerClientCustomizer {

	/**
	 * @param builder the builder, with the properties already applied
	 */
	void customize(PipelinerClientBuilder builder);

}
