package dev.pipeliner.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.pipeliner.client.PipelinerClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The per-call overhead: {@code getEntity} through the client against a bare {@code WebClient}
 * GET of the same URL on the stub, and against one whose connector sets a response timeout,
 * 64 calls at a time and one at a time, with and without server latency; latency, throughput
 * and the process's CPU time per call.
 */
final class CallOverhead {

	private static final int ROUNDS = 7;

	private CallOverhead() {
	}

	/** @return a GET of the URL by the bare client, with the benchmarks' credentials, its body decoded into a {@code JsonNode} */
	static Supplier<Mono<?>> bareGet(WebClient web, URI uri) {
		String authorization = Benchmarks.basic(Benchmarks.TOKEN, Benchmarks.PASSWORD);
		return () -> web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization).retrieve().bodyToMono(JsonNode.class);
	}

	static String run() {
		StringBuilder table = new StringBuilder("## Per-call overhead: getEntity against a bare WebClient GET\n\n"
				+ "| server latency | concurrency | calls | ours mean latency (µs) | bare mean latency (µs) | latency ratio "
				+ "| ours p99 (µs) | bare p99 (µs) | ours calls/s | bare calls/s | throughput ratio "
				+ "| ours CPU per call (µs) | bare CPU per call (µs) | CPU ratio "
				+ "| latency ratio to bare with a response timeout | throughput ratio to it |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(1))) {
			overhead(table, latency);
		}
		return table.append("\nEach row shows the round of median throughput of ").append(ROUNDS)
			.append(" rounds, ours and bare alternating, after a warm-up; the ratios are the medians of the ratios of each round.")
			.append(" 64 at a time comes first: its first warm-up round is the first burst of a client that has made no call")
			.append(" before, and the rounds after it use the connections that burst opened. The last two columns compare with")
			.append(" a bare WebClient whose requests have a response timeout, as the client's have (its read timeout), set on")
			.append(" its Reactor Netty connector.\n")
			.toString();
	}

	private static void overhead(StringBuilder table, Duration latency) {
		try (StubServer stub = new StubServer(latency, 0)) {
			PipelinerClient client = Benchmarks.client(stub.url(), StubServer.TEAM_PIPELINE).build();
			WebClient bare = WebClient.create();
			URI uri = URI.create(stub.url() + "/rest_services/v1/" + StubServer.TEAM_PIPELINE + "/Contacts/PY-7FFFFFFF-42");
			Supplier<Mono<?>> ours = () -> client.getEntity("Contacts", "PY-7FFFFFFF-42");
			Supplier<Mono<?>> plain = bareGet(bare, uri);
			Supplier<Mono<?>> timed = bareGet(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(PipelinerClient.DEFAULT_READ_TIMEOUT)))
				.build(), uri);
			for (int concurrency : new int[] { 64, 1 }) {
				int calls = (concurrency == 64) ? 20000 : latency.isZero() ? 8000 : 1000;
				for (int warm = 0; warm < 3; warm++) {
					calls(ours, calls, concurrency);
					calls(plain, calls, concurrency);
					calls(timed, calls, concurrency);
				}
				double[] latencyRatios = new double[ROUNDS];
				double[] throughputRatios = new double[ROUNDS];
				double[] cpuRatios = new double[ROUNDS];
				double[] timedLatencyRatios = new double[ROUNDS];
				double[] timedThroughputRatios = new double[ROUNDS];
				List<Calls> oursRounds = new ArrayList<>();
				List<Calls> bareRounds = new ArrayList<>();
				for (int round = 0; round < ROUNDS; round++) {
					Calls a = calls(ours, calls, concurrency);
					Calls b = calls(plain, calls, concurrency);
					Calls c = calls(timed, calls, concurrency);
					timedLatencyRatios[round] = a.meanMicros / c.meanMicros;
					timedThroughputRatios[round] = a.perSecond / c.perSecond;
					oursRounds.add(a);
					bareRounds.add(b);
					latencyRatios[round] = a.meanMicros / b.meanMicros;
					throughputRatios[round] = a.perSecond / b.perSecond;
					cpuRatios[round] = a.cpuMicros / b.cpuMicros;
				}
				Calls a = median(oursRounds);
				Calls b = median(bareRounds);
				table.append(String.format(Locale.ROOT,
						"| %d ms | %d | %d | %.0f | %.0f | %.3f | %.0f | %.0f | %.0f | %.0f | %.3f | %.1f | %.1f | %.3f | %.3f | %.3f |%n",
						latency.toMillis(), concurrency, calls, a.meanMicros, b.meanMicros, Benchmarks.median(latencyRatios), a.p99Micros, b.p99Micros,
						a.perSecond, b.perSecond, Benchmarks.median(throughputRatios), a.cpuMicros, b.cpuMicros, Benchmarks.median(cpuRatios),
						Benchmarks.median(timedLatencyRatios), Benchmarks.median(timedThroughputRatios)));
			}
		}
	}

	/** Latency, throughput, and the CPU time of the whole process (client and stub) per call. */
	record Calls(double meanMicros, double p99Micros, double perSecond, double cpuMicros) {
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static Calls calls(Supplier<Mono<?>> call, int count, int concurrency) {
		long[] latencies = new long[count];
		long cpu = cpuNanos();
		long start = System.nanoTime();
		Flux.range(0, count).flatMap((i) -> Mono.defer(() -> {
			long begin = System.nanoTime();
			return call.get().doOnSuccess((value) -> latencies[i] = System.nanoTime() - begin);
		}), concurrency).blockLast();
		long elapsed = System.nanoTime() - start;
		double cpuMicros = (cpuNanos() - cpu) / 1000.0 / count;
		Arrays.sort(latencies);
		double mean = Arrays.stream(latencies).average().orElse(0) / 1000.0;
		return new Calls(mean, latencies[(int) (count * 0.99)] / 1000.0, count / (elapsed / 1e9), cpuMicros);
	}

	private static Calls median(List<Calls> rounds) {
		List<Calls> sorted = new ArrayList<>(rounds);
		sorted.sort((x, y) -> Double.compare(x.perSecond, y.perSecond));
		return sorted.get(sorted.size() / 2);
	}

}
