package dev.pipeliner.emulator;

import dev.pipeliner.emulator.junit.PipelinerEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One emulator for the test class, emptied before each test, and raw HTTP to its team pipeline.
 */
abstract class EmptyEmulatorTestSupport {

	@RegisterExtension
	static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension();

	PipelinerEmulator emulator;

	RawHttp http;

	@BeforeEach
	void startEmpty(PipelinerEmulator emulator) {
		emulator.reset();
		this.emulator = emulator;
		this.http = new RawHttp(emulator);
	}

}
