package dev.pipeliner.emulator.junit;

import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator for a test class and stops it after the class. Either register it on a
 * static field, to choose its settings:
 * <pre>{@code
 * @RegisterExtension
 * static PipelinerEmulatorExtension pipeliner = new PipelinerEmulatorExtension(Seed.DEMO);
 * }</pre>
 * {@code new PipelinerEmulatorExtension(Protocol.V100, Seed.DEMO)} speaks the Cloud API v100. Or
 * extend a class with it ({@code @ExtendWith(PipelinerEmulatorExtension.class)}, an empty team
 * pipeline). Either way, a test method or constructor may declare a {@link PipelinerEmulator}
 * parameter to receive it. The data lasts for the class; call {@link PipelinerEmulator#reset()} to
 * start a test from the seed again.
 */
public class PipelinerEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final PipelinerEmulator.Builder builder;

	/** The running emulator, from {@code beforeAll} to {@code afterAll}; else {@code null}. */
	private @Nullable PipelinerEmulator emulator;

	/** An emulator with {@link PipelinerEmulator#DEFAULT_TEAM_PIPELINE} and no data. */
	public PipelinerEmulatorExtension() {
		this(Seed.EMPTY);
	}

	/** @param seed the data {@link PipelinerEmulator#DEFAULT_TEAM_PIPELINE} starts with */
	public PipelinerEmulatorExtension(Seed seed) {
		this(PipelinerEmulator.builder().teamPipeline(PipelinerEmulator.DEFAULT_TEAM_PIPELINE, seed));
	}

	/**
	 * @param protocol the API the emulator speaks
	 * @param seed the data {@link PipelinerEmulator#DEFAULT_TEAM_PIPELINE} (on v100, the space)
	 * starts with
	 */
	public PipelinerEmulatorExtension(Protocol protocol, Seed seed) {
		this(PipelinerEmulator.builder().protocol(protocol).teamPipeline(PipelinerEmulator.DEFAULT_TEAM_PIPELINE, seed));
	}

	/** @param builder the settings of the emulator to start */
	public PipelinerEmulatorExtension(PipelinerEmulator.Builder builder) {
		this.builder = builder;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator = this.builder.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

	/** @return the running emulator */
	public PipelinerEmulator get() {
		if (this.emulator == null) {
			throw new IllegalStateException("The emulator runs from beforeAll to afterAll of the test class");
		}
		return this.emulator;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == PipelinerEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return get();
	}

}
