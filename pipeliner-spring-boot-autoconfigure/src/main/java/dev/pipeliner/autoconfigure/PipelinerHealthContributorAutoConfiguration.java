package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A {@link PipelinerHealthIndicator} named {@code pipeliner}, when Spring Boot's health support is
 * present and a {@link PipelinerClient} exists. {@code management.health.pipeliner.enabled=false}
 * turns it off.
 */
@AutoConfiguration(after = PipelinerAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, PipelinerClient.class })
@ConditionalOnBean(PipelinerClient.class)
@ConditionalOnEnabledHealthIndicator("pipeliner")
public final class PipelinerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "pipelinerHealthIndicator")
	PipelinerHealthIndicator pipelinerHealthIndicator(PipelinerClient client) {
		return new PipelinerHealthIndicator(client);
	}

}
