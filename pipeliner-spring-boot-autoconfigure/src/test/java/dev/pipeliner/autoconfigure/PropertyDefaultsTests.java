package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@code pipeliner.*} are written as literals, so that the configuration metadata
 * shows them; they must stay the client's own defaults.
 */
class PropertyDefaultsTests {

	@Test
	void thePropertiesDefaultToTheClientsDefaults() {
		PipelinerProperties properties = new PipelinerProperties();
		assertThat(properties.getConnectTimeout()).isEqualTo(PipelinerClient.DEFAULT_CONNECT_TIMEOUT);
		assertThat(properties.getReadTimeout()).isEqualTo(PipelinerClient.DEFAULT_READ_TIMEOUT);
		assertThat(properties.getCallTimeout()).isEqualTo(PipelinerClient.DEFAULT_CALL_TIMEOUT);
		assertThat(properties.getMaxResponseSize()).isEqualTo(PipelinerClient.DEFAULT_MAX_RESPONSE_SIZE);
		assertThat(properties.getPageSize()).isEqualTo(PipelinerClient.DEFAULT_PAGE_SIZE);
		assertThat(properties.getPrefetchPages()).isEqualTo(PipelinerClient.DEFAULT_PREFETCH_PAGES);
		assertThat(properties.getMaxPagesInFlight()).isEqualTo(PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT);
		assertThat(properties.isSlicedReads()).isEqualTo(PipelinerClient.DEFAULT_SLICED_READS);
		assertThat(properties.getBatch().getSize()).isEqualTo(PipelinerClient.DEFAULT_BATCH_SIZE);
		assertThat(properties.getBatch().getConcurrency()).isEqualTo(PipelinerClient.DEFAULT_BATCH_CONCURRENCY);
		PipelinerProperties.Retry retry = properties.getRetry();
		assertThat(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getJitter(), retry.getMaxRetryAfter())).isEqualTo(RetryPolicy.DEFAULT);
	}

}
