package dev.pipeliner.emulator;

import java.util.List;

import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incremental sync on v100: the service's keyset cursors, microsecond times, deleted entities included. */
class IncrementalSyncV100Test extends IncrementalSyncSuite {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Protocol.V100, Seed.DEMO);

	@Override
	PipelinerEmulator emulator() {
		return pipeliner.get();
	}

	@Override
	boolean reportsDeletions() {
		return true;
	}

	@Override
	List<String> fields() {
		return List.of("id", "modified", "last_name", "owner_id", "unit_id");
	}

}
