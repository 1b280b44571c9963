package dev.pipeliner.emulator.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which client the emulators serve with which protocol, in which space, read from the properties
 * and the annotation's choices; and which test classes share a context.
 */
class EmulatedClientsTests {

	@Test
	void eachClientGetsTheProtocolAndThePlainIdItsPropertiesName() {
		// in order, as application.yml is read
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("pipeliner.protocol", "V100");
		properties.put("pipeliner.space", "fr_Myself");
		properties.put("pipeliner.team-pipeline", "eu_Ignored");
		properties.put("pipeliner.clients.legacy.team-pipeline", "eu_Legacy");
		properties.put("pipeliner.clients.us.team-pipeline", "${UNSET_TEAM_PIPELINE}");
		properties.put("pipeliner.clients.us.space", "us_OnlyOnV100");
		properties.put("pipeliner.clients.cloud.protocol", "v100");
		properties.put("pipeliner.clients.cloud.space", "us/Not-an-id");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));

		try (PipelinerEmulators emulators = EmulatedClients.of(environment).start(Seed.EMPTY)) {
			assertThat(emulators.names()).containsExactly(PipelinerClients.DEFAULT, "legacy", "us", "cloud");
			assertServed(emulators, PipelinerClients.DEFAULT, Protocol.V100, "fr_Myself");
			assertServed(emulators, "legacy", Protocol.V1, "eu_Legacy");
			assertServed(emulators, "us", Protocol.V1, PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
			assertServed(emulators, "cloud", Protocol.V100, PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
			assertThat(emulators.get("cloud")).isSameAs(emulators.get(PipelinerClients.DEFAULT));
			assertThat(emulators.get(PipelinerClients.DEFAULT).getTeamPipelines()).containsExactly("fr_Myself",
					PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
			assertThat(emulators.get("us")).isSameAs(emulators.get("legacy"));
			assertThat(emulators.get("us").getTeamPipelines()).containsExactly("eu_Legacy",
					PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
		}
	}

	@Test
	void choicesWinOverThePropertiesAndAddClients() {
		MockEnvironment environment = new MockEnvironment().withProperty("pipeliner.protocol", "v100")
			.withProperty("pipeliner.space", "fr_Configured")
			.withProperty("pipeliner.clients.legacy.protocol", "v100")
			.withProperty("pipeliner.clients.legacy.space", "eu_Configured");

		try (PipelinerEmulators emulators = EmulatedClients
			.of(environment, Protocol.V1, "eu_Chosen", List.of(new EmulatedClients.Choice("legacy", Protocol.V1, ""),
					new EmulatedClients.Choice("added", Protocol.V100, "us_Added")))
			.start(Seed.DEMO)) {
			assertServed(emulators, PipelinerClients.DEFAULT, Protocol.V1, "eu_Chosen");
			assertServed(emulators, "legacy", Protocol.V1, PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
			assertServed(emulators, "added", Protocol.V100, "us_Added");
			assertThat(emulators.names()).containsExactly(PipelinerClients.DEFAULT, "legacy", "added");
			EmulatorClientsConnectionDetails named = new EmulatorClientsConnectionDetails(emulators);
			assertThat(named.getClients()).containsOnlyKeys("legacy", "added");
			PipelinerConnectionDetails added = named.getClients().get("added");
			assertThat(added.getProtocol()).isEqualTo(PipelinerProtocol.V100);
			assertThat(added.getSpace()).isEqualTo("us_Added");
			assertThat(added.getTeamPipeline()).isNull();
			assertThat(added.getUrl()).isEqualTo(emulators.get("added").getUrl());
			assertThat(added.getCredentials()).isEqualTo(new PipelinerConnectionDetails.Credentials(
					PipelinerEmulator.DEFAULT_API_TOKEN, PipelinerEmulator.DEFAULT_API_PASSWORD));
			PipelinerConnectionDetails legacy = named.getClients().get("legacy");
			assertThat(legacy.getTeamPipeline()).isEqualTo(PipelinerEmulator.DEFAULT_TEAM_PIPELINE);
			assertThat(legacy.getSpace()).isNull();
			assertThat(named + " " + emulators).doesNotContain(PipelinerEmulator.DEFAULT_API_PASSWORD);
		}
	}

	@Test
	void aChoiceMayNotNameTheDefaultClient() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatedClients.of(new MockEnvironment(), null, "",
					List.of(new EmulatedClients.Choice(PipelinerClients.DEFAULT, Protocol.V1, ""))))
			.withMessageContaining("clients: 'default' is the default client's name");
	}

	@Test
	void aClientNoEmulatorServesIsRefusedNamingThoseItServes() {
		try (PipelinerEmulators emulators = EmulatedClients.of(new MockEnvironment()).start(Seed.EMPTY)) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulators.get("other"))
				.withMessageContaining("'other'")
				.withMessageContaining("[default]");
		}
	}

	@Test
	void testClassesWithTheSameSettingsShareAContextAndOthersDoNot() {
		PipelinerEmulatorContextCustomizerFactory factory = new PipelinerEmulatorContextCustomizerFactory();
		ContextCustomizer first = factory.createContextCustomizer(First.class, List.of());
		assertThat(first).isNotNull()
			.isEqualTo(factory.createContextCustomizer(Same.class, List.of()))
			.hasSameHashCodeAs(factory.createContextCustomizer(Same.class, List.of()))
			.isNotEqualTo(factory.createContextCustomizer(OtherSpace.class, List.of()))
			.isNotEqualTo(factory.createContextCustomizer(OtherClient.class, List.of()))
			.isNotEqualTo(factory.createContextCustomizer(ConfiguredProtocol.class, List.of()));
		assertThat(factory.createContextCustomizer(EmulatedClientsTests.class, List.of())).isNull();
	}

	@Test
	void theDefaultClientSpeaksOneProtocol() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PipelinerEmulatorContextCustomizerFactory().createContextCustomizer(TwoProtocols.class,
					List.of()))
			.withMessageContaining(TwoProtocols.class.getName())
			.withMessageContaining("names 2 protocols, [V1, V100]")
			.withMessageContaining("leave it out for the one pipeliner.protocol names");
	}

	private static void assertServed(PipelinerEmulators emulators, String client, Protocol protocol, String space) {
		assertThat(emulators.get(client).getProtocol()).as(client).isEqualTo(protocol);
		assertThat(emulators.getSpace(client)).as(client).isEqualTo(space);
		assertThat(emulators.get(client).getTeamPipelines()).as(client).contains(space);
	}

	@AutoConfigurePipelinerEmulator(protocol = Protocol.V100, space = "fr_A",
			clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1))
	static class First {

	}

	@AutoConfigurePipelinerEmulator(protocol = Protocol.V100, space = "fr_A",
			clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1))
	static class Same {

	}

	@AutoConfigurePipelinerEmulator(protocol = Protocol.V100, space = "fr_B",
			clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1))
	static class OtherSpace {

	}

	@AutoConfigurePipelinerEmulator(protocol = Protocol.V100, space = "fr_A",
			clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1, space = "eu_L"))
	static class OtherClient {

	}

	@AutoConfigurePipelinerEmulator(space = "fr_A",
			clients = @AutoConfigurePipelinerEmulator.Client(name = "legacy", protocol = Protocol.V1))
	static class ConfiguredProtocol {

	}

	@AutoConfigurePipelinerEmulator(protocol = { Protocol.V1, Protocol.V100 })
	static class TwoProtocols {

	}

}
