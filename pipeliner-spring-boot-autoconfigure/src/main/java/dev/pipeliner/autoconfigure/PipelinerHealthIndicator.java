package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;
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
		return PipelinerProbe.call(this.client).map((details) -> builder.up().withDetails(details).build());
	}

}
