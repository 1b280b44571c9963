package dev.pipeliner.emulator;

import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.autoconfigure.PipelinerClientsConnectionDetails;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.spring.AutoConfigurePipelinerEmulator;
import dev.pipeliner.emulator.spring.PipelinerEmulators;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A v100 default client beside a v1 named client, both configured for real accounts with
 * credentials that this test does not have: the annotation gives each an emulator of its protocol,
 * in the space it names, and checks them at startup.
 */
@SpringBootTest(properties = { "pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
		"pipeliner.space=fr_Real", "pipeliner.api-token=${UNSET_USERNAME}", "pipeliner.api-password=${UNSET_PASSWORD}",
		"pipeliner.clients.legacy.url=https://eu.pipelinersales.com", "pipeliner.clients.legacy.team-pipeline=eu_Real",
		"pipeliner.clients.legacy.api-token=${UNSET_LEGACY_TOKEN}",
		"pipeliner.clients.legacy.api-password=${UNSET_LEGACY_PASSWORD}" })
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO, protocol = Protocol.V100, space = "fr_Myself",
		clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1, space = "eu_Legacy"))
class SpringNamedClientsTest {

	@Autowired
	PipelinerClient client;

	@Autowired
	PipelinerClients clients;

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	PipelinerEmulators emulators;

	@Autowired
	PipelinerClientsConnectionDetails named;

	@Autowired
	Environment environment;

	@Test
	void theDefaultClientSpeaksV100InTheChosenSpace() {
		assertThat(this.emulator.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(this.emulators.get(PipelinerClients.DEFAULT)).isSameAs(this.emulator);
		assertThat(this.client.getProtocol()).isEqualTo(PipelinerProtocol.V100);
		assertThat(this.client.getTeamPipeline()).isEqualTo("fr_Myself");
		assertThat(this.client.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	@Test
	void theNamedClientSpeaksV1ToAnEmulatorOfItsOwnInItsChosenTeamPipeline() {
		PipelinerClient legacy = this.clients.get("legacy");
		PipelinerEmulator legacyEmulator = this.emulators.get("legacy");
		assertThat(legacyEmulator).isNotSameAs(this.emulator);
		assertThat(legacyEmulator.getProtocol()).isEqualTo(Protocol.V1);
		assertThat(legacyEmulator.getTeamPipelines()).containsExactly("eu_Legacy");
		assertThat(this.emulators.getSpace("legacy")).isEqualTo("eu_Legacy");
		assertThat(legacy.getProtocol()).isEqualTo(PipelinerProtocol.V1);
		assertThat(legacy.getTeamPipeline()).isEqualTo("eu_Legacy");
		assertThat(legacy.getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
		assertThat(this.named.getClients()).containsOnlyKeys("legacy");
		assertThat(this.named.getClients().get("legacy").getUrl()).isEqualTo(legacyEmulator.getUrl());
	}

	@Test
	void thePropertiesStayAsTheyAreAndTheClientsAreCheckedAtStartup() {
		assertThat(this.environment.getProperty("pipeliner.clients.legacy.url")).isEqualTo("https://eu.pipelinersales.com");
		assertThat(this.environment.getProperty("pipeliner.verify-on-startup")).isEqualTo("true");
		assertThat(this.emulators.names()).containsExactly(PipelinerClients.DEFAULT, "legacy");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
