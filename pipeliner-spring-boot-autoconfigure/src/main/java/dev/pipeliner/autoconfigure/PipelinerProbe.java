package dev.pipeliner.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import reactor.core.publisher.Mono;

/**
 * The cheapest authenticated call a client can make, for the health check and the check at
 * startup: {@code serverAPIUtcDateTime} on v1, one entry of the {@code Entities} collection on
 * v100, which has no clock.
 */
final class PipelinerProbe {

	private PipelinerProbe() {
	}

	/**
	 * @return on success, what the call showed: the protocol and space on v100, the team
	 * pipeline and the server's clock on v1; never the credentials. Fails as the call failed.
	 */
	static Mono<Map<String, Object>> call(PipelinerClient client) {
		if (client.getProtocol() == PipelinerProtocol.V100) {
			return client.getEntities("Entities", Query.all().limit(1)).map((page) -> {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("protocol", "v100");
				details.put("space", client.getTeamPipeline());
				return details;
			});
		}
		return client.getServerApiUtcDateTime().map((serverTime) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("teamPipeline", client.getTeamPipeline());
			details.put("serverTime", serverTime.toString());
			return details;
		});
	}

}
