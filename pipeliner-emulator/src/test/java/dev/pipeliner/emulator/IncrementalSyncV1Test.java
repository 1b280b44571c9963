package dev.pipeliner.emulator;

import java.util.List;

import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incremental sync on v1: pages by offset, asked afresh from the last key read; whole-second times. */
class IncrementalSyncV1Test extends IncrementalSyncSuite {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Seed.DEMO);

	@Override
	PipelinerEmulator emulator() {
		return pipeliner.get();
	}

	@Override
	boolean reportsDeletions() {
		return false;
	}

	@Override
	List<String> fields() {
		return List.of("ID", "MODIFIED", "SURNAME", "OWNER_ID", "SALES_UNIT_ID");
	}

}
