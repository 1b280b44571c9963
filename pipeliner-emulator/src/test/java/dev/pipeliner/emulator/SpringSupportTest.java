package dev.pipeliner.emulator;

import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.spring.AutoConfigurePipelinerEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "pipeliner.url=https://eu.pipelinersales.com", "pipeliner.api-token=${UNSET_TOKEN}" })
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO)
class SpringSupportTest {

	@Autowired
	PipelinerClient client;

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	PipelinerConnectionDetails connection;

	@Autowired
	Environment environment;

	@Test
	void theAutoConfiguredClientTalksToTheEmulatorThroughItsConnectionDetails() {
		assertThat(this.connection.getUrl()).isEqualTo(this.emulator.getUrl());
		assertThat(this.connection.getCredentials().apiToken()).isEqualTo(this.emulator.getApiToken());
		assertThat(this.environment.getProperty("pipeliner.url")).isEqualTo("https://eu.pipelinersales.com");
		assertThat(this.client.getTeamPipeline()).isEqualTo(this.emulator.getTeamPipeline());
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
