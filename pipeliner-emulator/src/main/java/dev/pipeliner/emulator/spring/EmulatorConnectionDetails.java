package dev.pipeliner.emulator.spring;

import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * Connects a client to an emulator: its URL, protocol and credentials, and the space (v100) or
 * team pipeline (v1) the client uses there.
 */
final class EmulatorConnectionDetails implements PipelinerConnectionDetails {

	private final PipelinerEmulator emulator;

	private final String space;

	/**
	 * @param space one of the emulator's spaces or team pipelines
	 */
	EmulatorConnectionDetails(PipelinerEmulator emulator, String space) {
		this.emulator = emulator;
		this.space = space;
	}

	@Override
	public String getUrl() {
		return this.emulator.getUrl();
	}

	@Override
	public @Nullable String getTeamPipeline() {
		return (this.emulator.getProtocol() == Protocol.V100) ? null : this.space;
	}

	@Override
	public PipelinerProtocol getProtocol() {
		return (this.emulator.getProtocol() == Protocol.V100) ? PipelinerProtocol.V100 : PipelinerProtocol.V1;
	}

	@Override
	public @Nullable String getSpace() {
		return (this.emulator.getProtocol() == Protocol.V100) ? this.space : null;
	}

	@Override
	public Credentials getCredentials() {
		return new Credentials(this.emulator.getApiToken(), this.emulator.getApiPassword());
	}

	@Override
	public String toString() {
		return "EmulatorConnectionDetails[" + getProtocol() + ", url=" + getUrl() + ", "
				+ ((this.emulator.getProtocol() == Protocol.V100) ? "space=" : "teamPipeline=") + this.space + "]";
	}

}
