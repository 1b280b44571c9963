package dev.pipeliner.autoconfigure;

import java.util.Set;

import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.PipelinerClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * When the application injects a {@link PipelinerClient}, {@link BlockingPipelinerClient} or
 * {@link PipelinerClients} but none exists because {@code pipeliner.url} is not set, says so and
 * which properties to set. Runs before Spring Boot's generic report of a missing bean; steps aside
 * when {@code pipeliner.url} is set.
 */
class PipelinerClientNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private static final Set<Class<?>> INJECTABLE = Set.of(PipelinerClient.class, BlockingPipelinerClient.class,
			PipelinerClients.class);

	private final Environment environment;

	PipelinerClientNotConfiguredFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		ResolvableType type = cause.getResolvableType();
		Class<?> required = (type != null) ? type.resolve() : null;
		if (required == null || !INJECTABLE.contains(required) || this.environment.containsProperty("pipeliner.url")) {
			return null;
		}
		return new FailureAnalysis("A " + required.getSimpleName()
				+ " was required, but none is configured: the property pipeliner.url is not set.",
				"For the Cloud API v100 (current accounts), set pipeliner.protocol=v100, pipeliner.url,"
						+ " pipeliner.space, pipeliner.api-token and pipeliner.api-password (the API application's"
						+ " username and password); for the v1 API, pipeliner.url, pipeliner.team-pipeline,"
						+ " pipeliner.api-token and pipeliner.api-password. Set them in application.yml, or as"
						+ " environment variables such as PIPELINER_URL, PIPELINER_PROTOCOL, PIPELINER_SPACE,"
						+ " PIPELINER_TEAM_PIPELINE, PIPELINER_API_TOKEN and PIPELINER_API_PASSWORD; or define a"
						+ " PipelinerConnectionDetails or " + required.getSimpleName() + " bean of your own.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
