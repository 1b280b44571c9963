package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports Pipeliner up when it answers {@code serverAPIUtcDateTime}, a cheap authenticated call,
 * and down with the failure otherwise. Its details name the team pipeline and the server's clock,
 * never the credentials.
 */
public class PipelinerHealthIndicator extends AbstractReactiveHealthIndicator {

	private final PipelinerClient client;

	public PipelinerHealthIndicator(PipelinerClient client) {
		super("Pipeliner health check failed");
		this.client = client;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.client.getServerApiUtcDateTime()
			.map((serverTime) -> builder.up()
				.withDetail("teamPipeline", this.client.getTeamPipeline())
				.withDetail("serverTime", serverTime.toString())
				.build());
	}

}
