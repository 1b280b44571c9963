package dev.pipeliner.emulator;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import reactor.netty.ChannelBindException;

/**
 * Runs an emulator on its own, for clients in other languages and for exploring with curl:
 * <pre>
 * java -jar pipeliner-emulator-exec.jar --port=8080 --seed=demo
 * </pre>
 * Options: {@code --port} (8080), {@code --host} (127.0.0.1), {@code --protocol} ({@code v1} or
 * {@code v100}; {@code v1}), {@code --team-pipeline} or {@code --space} (one or more,
 * comma-separated; {@value PipelinerEmulator#DEFAULT_TEAM_PIPELINE}), {@code --seed} ({@code demo},
 * {@code empty} or a JSON file; {@code demo}), {@code --api-token} and {@code --api-password} (on
 * v100 the API application's username and password).
 */
public final class PipelinerEmulatorMain {

	private PipelinerEmulatorMain() {
	}

	/** Exit status when the arguments are not valid. */
	static final int USAGE = 2;

	/** Exit status when the emulator cannot listen where it was told to. */
	static final int CANNOT_LISTEN = 1;

	private static final String USAGE_LINE = "usage: java -jar pipeliner-emulator-exec.jar [--port=8080] [--host=127.0.0.1]"
			+ " [--protocol=v1|v100] [--team-pipeline=eu_Emulator[,eu_Other] | --space=…] [--seed=demo|empty|FILE.json]"
			+ " [--api-token=TOKEN] [--api-password=PASSWORD]";

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Starts an emulator and serves until the thread is interrupted or the JVM stops.
	 * @return the exit status: 0 after serving, {@link #USAGE} or {@link #CANNOT_LISTEN} when it
	 * could not start, with one line on {@code err} that says why
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options;
		PipelinerEmulator emulator;
		try {
			options = parse(args);
			emulator = start(options);
		}
		catch (IllegalArgumentException ex) {
			err.println("pipeliner-emulator: " + ex.getMessage());
			err.println(USAGE_LINE);
			return USAGE;
		}
		catch (ChannelBindException ex) {
			err.println("pipeliner-emulator: " + cannotListen(ex));
			return CANNOT_LISTEN;
		}
		Thread shutdown = new Thread(emulator::close, "pipeliner-emulator-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdown);
		describe(emulator, options.containsKey("api-password"), out);
		Object lock = new Object();
		synchronized (lock) {
			while (true) {
				try {
					lock.wait();
				}
				catch (InterruptedException ex) {
					Runtime.getRuntime().removeShutdownHook(shutdown);
					emulator.close();
					Thread.currentThread().interrupt();
					return 0;
				}
			}
		}
	}

	private static String cannotListen(ChannelBindException ex) {
		String where = ex.localHost() + ":" + ex.localPort();
		Throwable cause = ex.getCause();
		String reason = (cause != null && cause.getMessage() != null) ? cause.getMessage() : "";
		if (cause instanceof BindException || reason.contains("Address already in use")) {
			return "port " + ex.localPort() + " on " + ex.localHost() + " is already in use; choose another with"
					+ " --port=PORT (--port=0 picks a free one)";
		}
		return "cannot listen on " + where + (reason.isEmpty() ? "" : " (" + reason + ")")
				+ "; choose another address with --host=HOST or another port with --port=PORT";
	}

	private static void describe(PipelinerEmulator emulator, boolean ownPassword, PrintStream out) {
		boolean v100 = emulator.getProtocol() == Protocol.V100;
		out.println("Pipeliner emulator (" + (v100 ? "Cloud API v100" : "REST API v1") + ") listening at " + emulator.getUrl());
		for (String teamPipeline : emulator.getTeamPipelines()) {
			out.println("  " + (v100 ? "space " : "team pipeline ") + teamPipeline + ": " + emulator.getBaseUrl(teamPipeline));
		}
		out.println((v100 ? "  username: " : "  API token: ") + emulator.getApiToken()
				+ (ownPassword ? ", password as given" : ", password: " + emulator.getApiPassword()));
		out.println("Try: curl -u '" + emulator.getApiToken() + ":" + (ownPassword ? "PASSWORD" : emulator.getApiPassword())
				+ "' '" + emulator.getBaseUrl(emulator.getTeamPipeline())
				+ (v100 ? "/entities/Accounts?first=2'" : "/Accounts?limit=2'"));
	}

	static PipelinerEmulator start(Map<String, String> options) {
		PipelinerEmulator.Builder builder = PipelinerEmulator.builder()
			.host(options.getOrDefault("host", "127.0.0.1"))
			.port(port(options.getOrDefault("port", "8080")))
			.protocol(protocol(options.getOrDefault("protocol", "v1")));
		if (options.containsKey("api-token") || options.containsKey("api-password")) {
			builder.credentials(options.getOrDefault("api-token", PipelinerEmulator.DEFAULT_API_TOKEN),
					options.getOrDefault("api-password", PipelinerEmulator.DEFAULT_API_PASSWORD));
		}
		String seed = options.getOrDefault("seed", "demo");
		if (options.containsKey("team-pipeline") && options.containsKey("space")) {
			throw new IllegalArgumentException("--space and --team-pipeline name the same thing; give one of them");
		}
		String names = options.getOrDefault("space", options.getOrDefault("team-pipeline", PipelinerEmulator.DEFAULT_TEAM_PIPELINE));
		for (String teamPipeline : names.split(",")) {
			switch (seed.toLowerCase(Locale.ROOT)) {
				case "demo" -> builder.teamPipeline(teamPipeline.trim(), Seed.DEMO);
				case "empty" -> builder.teamPipeline(teamPipeline.trim(), Seed.EMPTY);
				default -> builder.teamPipeline(teamPipeline.trim(), Path.of(seed));
			}
		}
		return builder.start();
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("'" + arg + "' is not an option of the form --name=value");
			}
			String name = arg.substring(2, equals);
			if (!java.util.Set.of("port", "host", "protocol", "team-pipeline", "space", "seed", "api-token", "api-password").contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			options.put(name, arg.substring(equals + 1));
		}
		return options;
	}

	private static Protocol protocol(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "v1" -> Protocol.V1;
			case "v100" -> Protocol.V100;
			default -> throw new IllegalArgumentException("--protocol must be v1 or v100, but was '" + value + "'");
		};
	}

	private static int port(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port must be a number, but was '" + value + "'");
		}
	}

}
