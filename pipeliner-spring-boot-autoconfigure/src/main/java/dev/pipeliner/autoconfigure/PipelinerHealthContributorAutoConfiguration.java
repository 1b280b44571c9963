package dev.pipeliner.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.PipelinerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A health contributor named {@code pipeliner}, when Spring Boot's health support is present and a
 * {@link PipelinerClient} exists: a composite with a {@link PipelinerHealthIndicator} for each
 * client of {@link PipelinerClients}, by name ({@code default}, and each
 * {@code pipeliner.clients.<name>}). {@code management.health.pipeliner.enabled=false} turns it
 * off.
 */
@AutoConfiguration(after = PipelinerAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, PipelinerClient.class })
@ConditionalOnBean(PipelinerClient.class)
@ConditionalOnEnabledHealthIndicator("pipeliner")
public final class PipelinerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "pipelinerHealthContributor", "pipelinerHealthIndicator" })
	CompositeReactiveHealthContributor pipelinerHealthContributor(PipelinerClient client,
			ObjectProvider<PipelinerClients> clients) {
		PipelinerClients all = clients.getIfAvailable(() -> new PipelinerClients(Map.of(PipelinerClients.DEFAULT, client)));
		Map<String, PipelinerClient> byName = new LinkedHashMap<>();
		all.names().forEach((name) -> byName.put(name, all.get(name)));
		return CompositeReactiveHealthContributor.fromMap(byName, PipelinerHealthIndicator::new);
	}

}
