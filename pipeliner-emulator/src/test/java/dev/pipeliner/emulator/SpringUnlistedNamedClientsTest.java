package dev.pipeliner.emulator;

import dev.pipeliner.autoconfigure.PipelinerClients;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named clients the annotation does not list are served too, each with the protocol its
 * properties name, in the space or team pipeline they name when it is a plain id: no test of a
 * class with the annotation reaches a real account. A client the annotation lists that the
 * properties lack is added.
 */
@SpringBootTest(properties = { "pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Sales",
		"pipeliner.api-token=${UNSET_TOKEN}", "pipeliner.clients.cloud.protocol=v100",
		"pipeliner.clients.cloud.url=https://us-east.api.pipelinersales.com", "pipeliner.clients.cloud.space=us_Cloud",
		"pipeliner.clients.cloud.api-token=${UNSET_CLOUD_USER}", "pipeliner.clients.emea.url=https://eu.pipelinersales.com",
		"pipeliner.clients.emea.team-pipeline=${UNSET_EMEA_TEAM_PIPELINE}" })
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO,
		clients = @AutoConfigurePipelinerEmulator.Client(name = "extra", protocol = Protocol.V100))
class SpringUnlistedNamedClientsTest {

	@Autowired
	PipelinerClients clients;

	@Autowired
	PipelinerEmulators emulators;

	@Test
	void eachClientIsServedAsItsPropertiesSay() {
		assertThat(this.clients.names()).containsExactly(PipelinerClients.DEFAULT, "cloud", "emea", "extra");
		assertThat(this.emulators.getSpace(PipelinerClients.DEFAULT)).isEqualTo("eu_Sales");
		assertThat(this.emulators.getSpace("cloud")).isEqualTo("us_Cloud");
		assertThat(this.emulators.getSpace("emea")).as("a placeholder is no id").isEqualTo(PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
		assertThat(this.emulators.getSpace("extra")).isEqualTo(PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
		assertThat(this.clients.get("cloud").getProtocol()).isEqualTo(PipelinerProtocol.V100);
		assertThat(this.clients.get("emea").getProtocol()).isEqualTo(PipelinerProtocol.V1);
		assertThat(this.clients.get("extra").getProtocol()).isEqualTo(PipelinerProtocol.V100);
		for (String name : this.clients.names()) {
			PipelinerClient client = this.clients.get(name);
			assertThat(client.getTeamPipeline()).as(name).isEqualTo(this.emulators.getSpace(name));
			assertThat(client.getEntities("Accounts", Query.all()).block().total()).as(name).isEqualTo(12);
		}
	}

	@Test
	void clientsOfOneProtocolShareAnEmulatorAndKeepTheirOwnData() {
		PipelinerEmulator v1 = this.emulators.get(PipelinerClients.DEFAULT);
		assertThat(this.emulators.get("emea")).isSameAs(v1);
		assertThat(v1.getTeamPipelines()).containsExactly("eu_Sales", PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
		PipelinerEmulator v100 = this.emulators.get("cloud");
		assertThat(this.emulators.get("extra")).isSameAs(v100);
		assertThat(v100.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(v100.getTeamPipelines()).containsExactly("us_Cloud", PipelinerEmulator.DEFAULT_TEAM_PIPELINE);

		this.clients.get("emea").deleteEntity("Accounts", firstAccount("emea")).block();
		try {
			assertThat(this.clients.get("emea").getEntities("Accounts", Query.all()).block().total()).isEqualTo(11);
			assertThat(this.clients.get(PipelinerClients.DEFAULT).getEntities("Accounts", Query.all()).block().total())
				.isEqualTo(12);
		}
		finally {
			this.emulators.reset();
		}
		assertThat(this.clients.get("emea").getEntities("Accounts", Query.all()).block().total()).isEqualTo(12);
	}

	private String firstAccount(String client) {
		String id = this.clients.get(client).getEntities("Accounts", Query.all().limit(1)).block().items().get(0).id();
		assertThat(id).isNotNull();
		return id;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
