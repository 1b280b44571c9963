package dev.pipeliner.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Supplier;

import dev.pipeliner.client.PipelinerClient;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Records a flight recording of the per-call path: {@code getEntity} through the client, then a
 * bare {@code WebClient} GET of the same URL, each alone against the stub with no latency, one
 * call at a time and then 64 at a time, into {@code ours.jfr} and {@code bare.jfr} in a
 * directory. Comparing the two shows where the client's own work goes.
 */
final class Profiling {

	private Profiling() {
	}

	static String profile(Path directory, int calls) {
		try (StubServer stub = new StubServer(Duration.ZERO, 0)) {
			PipelinerClient client = Benchmarks.client(stub.url(), StubServer.TEAM_PIPELINE).build();
			WebClient bare = WebClient.create();
			URI uri = URI.create(stub.url() + "/rest_services/v1/" + StubServer.TEAM_PIPELINE + "/Contacts/PY-7FFFFFFF-42");
			Supplier<Mono<?>> ours = () -> client.getEntity("Contacts", "PY-7FFFFFFF-42");
			Supplier<Mono<?>> plain = CallOverhead.bareGet(bare, uri);
			run(ours, calls / 4);
			run(plain, calls / 4);
			Path oursFile = record(directory.resolve("ours.jfr"), ours, calls);
			Path bareFile = record(directory.resolve("bare.jfr"), plain, calls);
			return "## Profile\n\nRecorded " + oursFile + " and " + bareFile + ", " + calls
					+ " calls each at concurrency 1 and 64.\n";
		}
	}

	private static Path record(Path file, Supplier<Mono<?>> call, int calls) {
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
			recording.start();
			run(call, calls);
			recording.stop();
			recording.dump(file);
			return file;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Could not record " + file, ex);
		}
	}

	private static void run(Supplier<Mono<?>> call, int calls) {
		for (int concurrency : new int[] { 1, 64 }) {
			Flux.range(0, calls).flatMap((i) -> Mono.defer(call::get), concurrency).blockLast();
		}
	}

}
