package dev.pipeliner.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an emulator on its own, for clients in other languages and for exploring with curl:
 * <pre>
 * java -jar pipeliner-emulator-exec.jar --port=8080 --seed=demo
 * </pre>
 * Options: {@code --port} (8080), {@code --host} (127.0.0.1), {@code --team-pipeline} (one or more,
 * comma-separated; {@value PipelinerEmulator#DEFAULT_TEAM_PIPELINE}), {@code --seed} ({@code demo},
 * {@code empty} or a JSON file; {@code demo}), {@code --api-token} and {@code --api-password}.
 */
public final class PipelinerEmulatorMain {

	private PipelinerEmulatorMain() {
	}

	public static void main(String[] args) {
		Map<String, String> options;
		PipelinerEmulator emulator;
		try {
			options = parse(args);
			emulator = start(options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("pipeliner-emulator: " + ex.getMessage());
			System.err.println("usage: java -jar pipeliner-emulator-exec.jar [--port=8080] [--host=127.0.0.1]"
					+ " [--team-pipeline=eu_Emulator[,eu_Other]] [--seed=demo|empty|FILE.json]"
					+ " [--api-token=TOKEN] [--api-password=PASSWORD]");
			System.exit(2);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "pipeliner-emulator-shutdown"));
		System.out.println("Pipeliner emulator listening at " + emulator.getUrl());
		for (String teamPipeline : emulator.getTeamPipelines()) {
			System.out.println("  team pipeline " + teamPipeline + ": " + emulator.getBaseUrl(teamPipeline));
		}
		boolean ownPassword = options.containsKey("api-password");
		System.out.println("  API token: " + emulator.getApiToken()
				+ (ownPassword ? ", API password as given" : ", API password: " + emulator.getApiPassword()));
		System.out.println("Try: curl -u '" + emulator.getApiToken() + ":" + (ownPassword ? "PASSWORD" : emulator.getApiPassword())
				+ "' '" + emulator.getBaseUrl(emulator.getTeamPipeline()) + "/Accounts?limit=2'");
		Object lock = new Object();
		synchronized (lock) {
			while (true) {
				try {
					lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	static PipelinerEmulator start(Map<String, String> options) {
		PipelinerEmulator.Builder builder = PipelinerEmulator.builder()
			.host(options.getOrDefault("host", "127.0.0.1"))
			.port(port(options.getOrDefault("port", "8080")));
		if (options.containsKey("api-token") || options.containsKey("api-password")) {
			builder.credentials(options.getOrDefault("api-token", PipelinerEmulator.DEFAULT_API_TOKEN),
					options.getOrDefault("api-password", PipelinerEmulator.DEFAULT_API_PASSWORD));
		}
		String seed = options.getOrDefault("seed", "demo");
		for (String teamPipeline : options.getOrDefault("team-pipeline", PipelinerEmulator.DEFAULT_TEAM_PIPELINE).split(",")) {
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
			if (!java.util.Set.of("port", "host", "team-pipeline", "seed", "api-token", "api-password").contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			options.put(name, arg.substring(equals + 1));
		}
		return options;
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
