package dev.pipeliner.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Seed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs the benchmarks of docs/benchmarks.md and prints their tables. Every comparison is measured
 * in one run, against a baseline on the same machine at the same time, so the ratios mean more
 * than the absolute numbers.
 * <pre>
 * java -jar benchmarks/target/pipeliner-benchmarks-0.1.0-SNAPSHOT-exec.jar [overhead] [client] [streaming] [heap] [bulk] [emulator]
 *     [latency] [v100] [paging] [profile]
 * </pre>
 */
public final class Benchmarks {

	static final String TOKEN = "bench-token";

	static final String PASSWORD = "bench-password";

	private Benchmarks() {
	}

	public static void main(String[] args) {
		Set<String> only = Set.of(args);
		StringBuilder report = new StringBuilder();
		report.append(machine()).append('\n');
		if (only.isEmpty() || only.contains("overhead")) {
			report.append(CallOverhead.run()).append('\n');
		}
		if (only.isEmpty() || only.contains("client")) {
			report.append(ClientCost.run()).append('\n');
		}
		if (only.isEmpty() || only.contains("streaming")) {
			report.append(streaming()).append('\n');
		}
		if (only.isEmpty() || only.contains("heap")) {
			report.append(heap()).append('\n');
		}
		if (only.isEmpty() || only.contains("bulk")) {
			report.append(bulk()).append('\n');
		}
		if (only.isEmpty() || only.contains("emulator")) {
			report.append(emulator()).append('\n');
		}
		if (only.isEmpty() || only.contains("latency")) {
			report.append(LatencyBenchmarks.v1()).append('\n');
		}
		if (only.isEmpty() || only.contains("v100")) {
			report.append(LatencyBenchmarks.v100()).append('\n');
		}
		if (only.isEmpty() || only.contains("paging")) {
			report.append(LatencyBenchmarks.deepPage()).append('\n');
		}
		if (only.contains("profile")) {
			report.append(Profiling.profile(java.nio.file.Path.of(System.getProperty("profile.dir", ".")),
					Integer.getInteger("profile.calls", 200_000))).append('\n');
		}
		System.out.println(report);
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return "Machine: " + runtime.availableProcessors() + " cores, max heap " + (runtime.maxMemory() >> 20) + " MiB, "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n";
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	// 3. Streaming

	private static String streaming() {
		StringBuilder table = new StringBuilder("## Streaming 100,000 entities: streamEntities against a naive offset loop\n\n"
				+ "| server latency per page | page size | streamEntities (entities/s) | naive loop (entities/s) | ratio |\n"
				+ "|---|---|---|---|---|\n");
		long total = 100_000;
		for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(5))) {
			try (StubServer stub = new StubServer(latency, total)) {
				for (int pageSize : new int[] { 100, 1000 }) {
					PipelinerClient client = client(stub.url(), StubServer.TEAM_PIPELINE).pageSize(pageSize).build();
					stream(client, 20_000);
					naive(client, pageSize, 20_000);
					double ours = rate(() -> stream(client, total));
					double naive = rate(() -> naive(client, pageSize, total));
					table.append(String.format(Locale.ROOT, "| %d ms | %d | %.0f | %.0f | %.2f |%n", latency.toMillis(),
							pageSize, ours, naive, ours / naive));
				}
			}
		}
		return table.append("\nstreamEntities with its defaults: ").append(PipelinerClient.DEFAULT_PREFETCH_PAGES)
			.append(" page requests in flight to start with, adapting up to ").append(PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT)
			.append("; the naive loop asks for the next page when the last one has arrived.\n")
			.toString();
	}

	private static long stream(PipelinerClient client, long count) {
		return answer(client.streamEntities("Contacts", Query.all().limit((int) count)).count());
	}

	/** How the vendor SDKs page: one request at a time, offset by the page size, until the total. */
	private static long naive(PipelinerClient client, int pageSize, long count) {
		long read = 0;
		long offset = 0;
		while (true) {
			EntityPage<Entity> page = answer(
					client.getEntities("Contacts", Query.all().offset((int) offset).limit(pageSize)));
			read += page.items().size();
			offset += pageSize;
			if (offset >= Math.min(count, page.total())) {
				return read;
			}
		}
	}

	/** @return how many a second the run counted */
	static double rate(Supplier<Long> run) {
		long start = System.nanoTime();
		long count = run.get();
		return count / ((System.nanoTime() - start) / 1e9);
	}

	// 4. Heap while streaming

	private static String heap() {
		StringBuilder table = new StringBuilder("## Heap while streaming (page size 1000, no latency)\n\n"
				+ "| entities streamed | heap after, after GC (MiB) | highest heap seen while streaming (MiB) | seconds |\n"
				+ "|---|---|---|---|\n");
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (StubServer stub = new StubServer(Duration.ZERO, 1_000_000)) {
			PipelinerClient client = client(stub.url(), StubServer.TEAM_PIPELINE).pageSize(1000).build();
			stream(client, 50_000);
			List<Double> after = new ArrayList<>();
			for (long count : new long[] { 10_000, 1_000_000 }) {
				System.gc();
				AtomicLong peak = new AtomicLong();
				Thread sampler = new Thread(() -> {
					while (!Thread.currentThread().isInterrupted()) {
						peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
						try {
							Thread.sleep(10);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
				sampler.start();
				long start = System.nanoTime();
				long streamed = stream(client, count);
				double seconds = (System.nanoTime() - start) / 1e9;
				sampler.interrupt();
				System.gc();
				double used = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
				after.add(used);
				table.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f |%n", streamed, used, peak.get() / 1048576.0,
						seconds));
			}
			table.append(String.format(Locale.ROOT, "%nHeap after 1,000,000 minus heap after 10,000: %.1f MiB.%n",
					after.get(1) - after.get(0)));
		}
		return table.toString();
	}

	// 5. Bulk writes

	private static String bulk() {
		StringBuilder table = new StringBuilder("## Creating 10,000 contacts\n\n"
				+ "| server | how | seconds | contacts/s | speed-up over single calls |\n|---|---|---|---|---|\n");
		int count = 10_000;
		List<Map<String, Object>> contacts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			contacts.add(Map.of("FIRST_NAME", "Bulk", "SURNAME", "Contact " + i, "EMAIL1", "bulk." + i + "@example.com",
					"OWNER_ID", 1534, "SALES_UNIT_ID", 2));
		}
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().start()) {
			PipelinerClient client = PipelinerClient.builder()
				.url(emulator.getUrl())
				.teamPipeline(emulator.getTeamPipeline())
				.credentials(emulator.getApiToken(), emulator.getApiPassword())
				.build();
			Flux.fromIterable(contacts.subList(0, 1000)).concatMap((contact) -> client.setEntity("Contact", contact)).blockLast();
			client.setEntities("Contacts", contacts.subList(0, 2000), BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
			emulator.reset();

			double split = seconds(() -> requireAll(
					answer(client.setEntities("Contacts", contacts, BatchFlag.IGNORE_AND_RETURN_ERRORS)), count));
			emulator.reset();
			double whole = seconds(() -> requireAll(answer(client.setEntities("Contacts", contacts)), count));
			emulator.reset();
			double single = seconds(() -> {
				for (Map<String, Object> contact : contacts) {
					client.setEntity("Contact", contact).block();
				}
			});
			bulkRows(table, "emulator", count, split, whole, single);
		}
		try (StubServer stub = new StubServer(Duration.ofMillis(1), 0)) {
			PipelinerClient client = client(stub.url(), StubServer.TEAM_PIPELINE).build();
			client.setEntities("Contacts", contacts.subList(0, 2000), BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
			Flux.fromIterable(contacts.subList(0, 500)).concatMap((contact) -> client.setEntity("Contact", contact)).blockLast();
			double split = seconds(() -> requireAll(
					answer(client.setEntities("Contacts", contacts, BatchFlag.IGNORE_AND_RETURN_ERRORS)), count));
			double whole = seconds(() -> requireAll(answer(client.setEntities("Contacts", contacts)), count));
			double single = seconds(() -> {
				for (Map<String, Object> contact : contacts) {
					client.setEntity("Contact", contact).block();
				}
			});
			bulkRows(table, "stub, 1 ms per request", count, split, whole, single);
		}
		return table.toString();
	}

	private static void bulkRows(StringBuilder table, String server, int count, double split, double whole, double single) {
		row(table, server, "setEntities, IGNORE_AND_RETURN_ERRORS: " + PipelinerClient.DEFAULT_BATCH_SIZE + " per request, "
				+ PipelinerClient.DEFAULT_BATCH_CONCURRENCY + " in flight", split, count, single);
		row(table, server, "setEntities, all or nothing: one request", whole, count, single);
		row(table, server, "10,000 setEntity calls, one after another", single, count, single);
	}

	private static void requireAll(BatchResult result, int count) {
		if (result.size() != count || !result.allSucceeded()) {
			throw new IllegalStateException("not every contact was created: " + result.failures().size() + " failed");
		}
	}

	private static void row(StringBuilder table, String server, String how, double seconds, int count, double baseline) {
		table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.0f | %.1f |%n", server, how, seconds, count / seconds,
				baseline / seconds));
	}

	private static double seconds(Runnable run) {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1e9;
	}

	// 6. The emulator's own throughput

	private static String emulator() {
		StringBuilder table = new StringBuilder("## The emulator's throughput (bare WebClient, concurrency 64)\n\n"
				+ "| request | requests | requests/s |\n|---|---|---|\n");
		try (PipelinerEmulator emulator = PipelinerEmulator.start(Seed.DEMO)) {
			WebClient bare = WebClient.create();
			String authorization = basic(emulator.getApiToken(), emulator.getApiPassword());
			String base = emulator.getBaseUrl(emulator.getTeamPipeline()).toString();
			String id = answer(bare.get().uri(base + "/Contacts?limit=1").header(HttpHeaders.AUTHORIZATION, authorization)
				.retrieve().bodyToMono(JsonNode.class)).get(0).get("ID").asString();
			for (String path : List.of("/Contacts/" + id, "/Contacts?limit=25")) {
				URI uri = URI.create(base + path);
				Supplier<Mono<?>> get = () -> bare.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization)
					.retrieve().bodyToMono(byte[].class);
				CallOverhead.calls(get, 5000, 64);
				CallOverhead.Calls result = CallOverhead.calls(get, 20000, 64);
				table.append(String.format(Locale.ROOT, "| GET %s | %d | %.0f |%n", path.replace(id, "{id}"), 20000,
						result.perSecond()));
			}
		}
		return table.toString();
	}

	static PipelinerClientBuilder client(String url, String teamPipeline) {
		return PipelinerClient.builder().url(url).teamPipeline(teamPipeline).credentials(TOKEN, PASSWORD);
	}

	/**
	 * Waits for the answer of a call that always has one: a count, a page, a batch result or a
	 * decoded body. Completing empty would make the measurement meaningless, so it stops the run.
	 */
	static <T> T answer(Mono<T> call) {
		return Objects.requireNonNull(call.block(), "the call completed without an answer");
	}

	static String basic(String token, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((token + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
