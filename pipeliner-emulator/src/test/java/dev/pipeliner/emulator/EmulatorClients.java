package dev.pipeliner.emulator;

import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.PipelinerProtocol;

/** Client builders connected to an emulator in the protocol it speaks, as an application would connect. */
final class EmulatorClients {

	private EmulatorClients() {
	}

	/**
	 * @return a builder with the emulator's URL, its first space (v100) or team pipeline (v1) and
	 * its credentials
	 */
	static PipelinerClientBuilder builder(PipelinerEmulator emulator) {
		PipelinerClientBuilder builder = PipelinerClient.builder().url(emulator.getUrl());
		if (emulator.getProtocol() == Protocol.V100) {
			return builder.protocol(PipelinerProtocol.V100)
				.space(emulator.getSpace())
				.credentials(emulator.getUsername(), emulator.getPassword());
		}
		return builder.teamPipeline(emulator.getTeamPipeline()).credentials(emulator.getApiToken(), emulator.getApiPassword());
	}

}
