package dev.pipeliner.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinerEmulatorMainTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void aPortInUseGivesOneLineThatNamesThePortAndHowToChooseAnother() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();

			int status = run("--port=" + port, "--seed=empty");

			assertThat(status).isEqualTo(PipelinerEmulatorMain.CANNOT_LISTEN).isNotZero();
			assertThat(text(this.err).lines()).singleElement()
				.asString()
				.contains("port " + port, "in use", "--port=")
				.doesNotContain("Exception", "\tat ");
			assertThat(text(this.out)).isEmpty();
		}
	}

	@Test
	void aBadOptionGivesTheReasonAndTheUsage() {
		int status = run("--colour=blue");

		assertThat(status).isEqualTo(PipelinerEmulatorMain.USAGE);
		assertThat(text(this.err)).contains("unknown option --colour", "usage: java -jar pipeliner-emulator-exec.jar");
	}

	@Test
	void servesUntilInterruptedAndThenEndsWithZero() throws Exception {
		CompletableFuture<Integer> status = new CompletableFuture<>();
		Thread server = new Thread(() -> {
			try {
				status.complete(run("--port=0", "--seed=demo", "--team-pipeline=eu_Cli"));
			}
			catch (Throwable ex) {
				status.completeExceptionally(ex);
			}
		});
		server.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!text(this.out).contains("Try: curl") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		String url = text(this.out).lines().filter((line) -> line.contains("team pipeline eu_Cli: ")).findFirst()
			.orElseThrow().replaceFirst(".*eu_Cli: ", "");
		RawHttp http = new RawHttp(url, PipelinerEmulator.DEFAULT_API_TOKEN, PipelinerEmulator.DEFAULT_API_PASSWORD);
		assertThat(http.get("/Accounts?limit=2").json().size()).isEqualTo(2);

		server.interrupt();

		assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void protocolV100ServesASpace() throws Exception {
		CompletableFuture<Integer> status = new CompletableFuture<>();
		Thread server = new Thread(() -> {
			try {
				status.complete(run("--port=0", "--protocol=v100", "--space=fr_Cli"));
			}
			catch (Throwable ex) {
				status.completeExceptionally(ex);
			}
		});
		server.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!text(this.out).contains("Try: curl") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		String base = text(this.out).lines().filter((line) -> line.contains("space fr_Cli: ")).findFirst()
			.orElseThrow().replaceFirst(".*fr_Cli: ", "");
		RawHttp http = new RawHttp(base, PipelinerEmulator.DEFAULT_API_TOKEN, PipelinerEmulator.DEFAULT_API_PASSWORD);

		assertThat(base).endsWith("/api/v100/rest/spaces/fr_Cli");
		assertThat(http.get("/entities/Accounts?first=2").json().get("data").size()).isEqualTo(2);
		assertThat(text(this.out)).contains("/entities/Accounts?first=2");
		server.interrupt();
		assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
		assertThat(run("--protocol=v2")).isEqualTo(PipelinerEmulatorMain.USAGE);
		assertThat(text(this.err)).contains("--protocol must be v1 or v100");
	}

	private int run(String... args) {
		return PipelinerEmulatorMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
