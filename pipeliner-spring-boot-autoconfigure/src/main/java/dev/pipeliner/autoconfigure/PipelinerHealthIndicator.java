package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports Pipeliner up when it answers a cheap authenticated call, and down with the failure
 * otherwise: {@code serverAPIUtcDateTime} on v1, one entry of the {@code Entities} collection on
 * v100, which has no clock. Its details name the protocol, the team pipeline or space, and on v1
 * the server's clock; never the credentials.
 */
public class PipelinerHealthIndicator extends AbstractReactiveHealthIndicator {

	private final PipelinerClient client;

	public PipelinerHealthIndicator(PipelinerClient client) {
		super("Pipeliner health check failed");
		this.client = client;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		if (this.client.getProtocol() == PipelinerProtocol.V100) {
			return this.client.getEntities("Entities", Query.all().limit(1))
				.map((page) -> builder.up().withDetail("protocol", "v100").withDetail("space", this.client.getTeamPipeline())
					.build());
		}
		return this.client.getServerApiUtcDateTime()
			.map((serverTime) -> builder.up()
				.withDetail("teamPipeline", this.client.getTeamPipeline())
				.withDetail("serverTime", serverTime.toString())
				.build());
	}

}
