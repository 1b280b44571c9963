package dev.pipeliner.emulator.spring;

import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Connects the auto-configured client to an emulator: its URL, first team pipeline and
 * credentials.
 */
final class EmulatorConnectionDetails implements PipelinerConnectionDetails {

	private static final Log logger = LogFactory.getLog(EmulatorConnectionDetails.class);

	private final PipelinerEmulator emulator;

	EmulatorConnectionDetails(PipelinerEmulator emulator) {
		this.emulator = emulator;
	}

	static void logInUse(PipelinerEmulator emulator) {
		logger.info("The Pipeliner emulator is in use at " + emulator.getUrl() + " ("
				+ ((emulator.getProtocol() == Protocol.V100) ? "v100, space " + emulator.getSpace()
						: "v1, team pipeline " + emulator.getTeamPipeline())
				+ "): the PipelinerClient connects to it, whatever pipeliner.url says");
	}

	@Override
	public String getUrl() {
		return this.emulator.getUrl();
	}

	@Override
	public String getTeamPipeline() {
		return this.emulator.getTeamPipeline();
	}

	@Override
	public PipelinerProtocol getProtocol() {
		return (this.emulator.getProtocol() == Protocol.V100) ? PipelinerProtocol.V100 : PipelinerProtocol.V1;
	}

	@Override
	public @Nullable String getSpace() {
		return (this.emulator.getProtocol() == Protocol.V100) ? this.emulator.getSpace() : null;
	}

	@Override
	public Credentials getCredentials() {
		return new Credentials(this.emulator.getApiToken(), this.emulator.getApiPassword());
	}

	@Override
	public String toString() {
		return "EmulatorConnectionDetails[" + getProtocol() + ", url=" + getUrl() + ", "
				+ ((getSpace() != null) ? "space=" + getSpace() : "teamPipeline=" + getTeamPipeline()) + "]";
	}

}
