package dev.pipeliner.emulator;

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

@SpringBootTest(properties = "pipeliner.url=https://eu.pipelinersales.com")
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO)
class SpringSupportTest {

	@Autowired
	PipelinerClient client;

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	Environment environment;

	@Test
	void theAutoConfiguredClientTalksToTheEmulator() {
		assertThat(this.environment.getProperty("pipeliner.url")).isEqualTo(this.emulator.getUrl());
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
