package dev.pipeliner.emulator;

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
 * {@code @AutoConfigurePipelinerEmulator} without a protocol serves the default client in the
 * protocol its properties name: a v100 application is tested against a v100 emulator, in the
 * space it names.
 */
@SpringBootTest(properties = { "pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
		"pipeliner.space=fr_Myself", "pipeliner.api-token=${UNSET_USERNAME}", "pipeliner.api-password=${UNSET_PASSWORD}" })
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO)
class SpringConfiguredProtocolTest {

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	PipelinerClient client;

	@Test
	void theClientSpeaksTheConfiguredProtocolToItsEmulator() {
		assertThat(this.emulator.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(this.client.getProtocol()).isEqualTo(PipelinerProtocol.V100);
		assertThat(this.client.getTeamPipeline()).isEqualTo("fr_Myself").isEqualTo(this.emulator.getSpace());
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
