package dev.pipeliner.emulator;

import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.spring.AutoConfigurePipelinerEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigurePipelinerEmulator(protocol = V100)} connects the auto-configured client to
 * a v100 emulator and its space, whatever the properties say.
 */
@SpringBootTest(properties = { "pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Real" })
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO, protocol = Protocol.V100)
class SpringV100SupportTest {

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	PipelinerConnectionDetails connection;

	@Autowired
	PipelinerClient client;

	@Test
	void theClientSpeaksV100ToTheEmulatorsSpace() {
		assertThat(this.emulator.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(this.connection.getProtocol()).isEqualTo(PipelinerProtocol.V100);
		assertThat(this.connection.getSpace()).isEqualTo(this.emulator.getSpace());
		assertThat(this.client.getProtocol()).isEqualTo(PipelinerProtocol.V100);
		assertThat(this.client.getTeamPipeline()).isEqualTo(this.emulator.getSpace());
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
