package dev.pipeliner.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reading a collection from the emulator at the round-trip times users see, injected by a
 * {@link DelayProxy}: the client's stream against the sequential page-after-page loop, on v1
 * and on v100, each pair measured side by side in one run; and what a page deep in a large
 * collection costs the emulator.
 */
final class LatencyBenchmarks {

	private static final List<Duration> ROUND_TRIPS = List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(50));

	private static final int ENTITIES = 20_000;

	private static final int PAGE = 100;

	private LatencyBenchmarks() {
	}

	// v1: streamEntities against the sequential loop

	static String v1() {
		StringBuilder table = new StringBuilder("## Streaming " + String.format(Locale.ROOT, "%,d", ENTITIES)
				+ " entities from the v1 emulator at a round-trip time\n\n"
				+ "| round trip | streamEntities, defaults (entities/s) | streamEntities, 2 in flight (entities/s) "
				+ "| sequential loop (entities/s) | defaults ÷ loop | 2 in flight ÷ loop |\n|---|---|---|---|---|---|\n");
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().start()) {
			List<Map<String, Object>> products = new ArrayList<>(ENTITIES);
			for (int i = 0; i < ENTITIES; i++) {
				products.add(Map.of("NAME", "Product " + i));
			}
			emulator.insert(emulator.getTeamPipeline(), "Products", products);
			for (Duration roundTrip : ROUND_TRIPS) {
				try (DelayProxy proxy = roundTrip.isZero() ? null : new DelayProxy(emulator.getPort(), roundTrip)) {
					String url = (proxy != null) ? proxy.url() : emulator.getUrl();
					PipelinerClientBuilder builder = PipelinerClient.builder()
						.url(url)
						.teamPipeline(emulator.getTeamPipeline())
						.credentials(emulator.getApiToken(), emulator.getApiPassword());
					PipelinerClient adaptive = builder.build();
					PipelinerClient fixed = builder.prefetchPages(2).maxPagesInFlight(2).build();
					int rounds = roundTrip.isZero() ? 5 : 1;
					double[] ours = new double[rounds];
					double[] two = new double[rounds];
					double[] loop = new double[rounds];
					stream(adaptive, 2_000);
					loop(adaptive, 2_000);
					for (int round = 0; round < rounds; round++) {
						ours[round] = Benchmarks.rate(() -> stream(adaptive, ENTITIES));
						two[round] = Benchmarks.rate(() -> stream(fixed, ENTITIES));
						loop[round] = Benchmarks.rate(() -> loop(adaptive, ENTITIES));
					}
					double a = Benchmarks.median(ours);
					double b = Benchmarks.median(two);
					double c = Benchmarks.median(loop);
					table.append(String.format(Locale.ROOT, "| %d ms | %.0f | %.0f | %.0f | %.2f | %.2f |%n",
							roundTrip.toMillis(), a, b, c, a / c, b / c));
				}
			}
		}
		return table.append("\nPages of ").append(PAGE).append(". Defaults: ").append(PipelinerClient.DEFAULT_PREFETCH_PAGES)
			.append(" page requests in flight to start with, adapting up to ").append(PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT)
			.append(". The loop asks for the next page when the last has arrived. At 0 ms, the median of 5 rounds.\n")
			.toString();
	}

	private static long stream(PipelinerClient client, int count) {
		return Benchmarks.answer(client.streamEntities("Products", Query.all().limit(count)).count());
	}

	/** How the vendor SDKs page: one request at a time, offset by the page size, until the total. */
	private static long loop(PipelinerClient client, int count) {
		long read = 0;
		for (long offset = 0;; offset += PAGE) {
			EntityPage<Entity> page = Benchmarks
				.answer(client.getEntities("Products", Query.all().offset((int) offset).limit(PAGE)));
			read += page.items().size();
			if (offset + PAGE >= Math.min(count, page.total())) {
				return read;
			}
		}
	}

	// v100: streamEntities in slices and by one cursor against a plain cursor loop, and legacy offsets in parallel

	static String v100() {
		StringBuilder table = new StringBuilder("## Streaming " + String.format(Locale.ROOT, "%,d", ENTITIES)
				+ " entities from the v100 emulator at a round-trip time\n\n"
				+ "| round trip | streamEntities, slices (entities/s) | streamEntities, one cursor (entities/s) "
				+ "| plain cursor loop (entities/s) | legacy offsets, sequential (entities/s) "
				+ "| legacy offsets, 8 in flight (entities/s) | slices ÷ loop (min–max) | one cursor ÷ loop "
				+ "| 8 offsets in flight ÷ loop |\n|---|---|---|---|---|---|---|---|---|\n");
		long[] requests = new long[3];
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().protocol(Protocol.V100).start()) {
			List<Map<String, Object>> notes = new ArrayList<>(ENTITIES);
			for (int i = 0; i < ENTITIES; i++) {
				notes.add(Map.of("note", "Note " + i, "owner_id", "00000000-0000-0001-0000-0000000005fe"));
			}
			emulator.insert(emulator.getSpace(), "Notes", notes);
			String authorization = Benchmarks.basic(emulator.getUsername(), emulator.getPassword());
			String path = emulator.getBaseUrl(emulator.getSpace()).getPath() + "/entities/Notes";
			WebClient bare = WebClient.create();
			for (Duration roundTrip : ROUND_TRIPS) {
				try (DelayProxy proxy = roundTrip.isZero() ? null : new DelayProxy(emulator.getPort(), roundTrip)) {
					String url = (proxy != null) ? proxy.url() : emulator.getUrl();
					PipelinerClientBuilder builder = PipelinerClient.builder()
						.protocol(PipelinerProtocol.V100)
						.url(url)
						.space(emulator.getSpace())
						.credentials(emulator.getUsername(), emulator.getPassword());
					PipelinerClient sliced = builder.build();
					PipelinerClient oneCursor = builder.slicedReads(false).build();
					Bare v100 = new Bare(bare, url + path, authorization);
					int rounds = roundTrip.isZero() ? 7 : 3;
					double[][] rates = new double[5][rounds];
					// with no latency, whole reads first, so that the rounds time compiled code, not the compiler
					for (int i = 0; i < (roundTrip.isZero() ? 3 : 1); i++) {
						notes(sliced, roundTrip.isZero() ? ENTITIES : 2_000);
						notes(oneCursor, roundTrip.isZero() ? ENTITIES : 2_000);
						v100.cursors(roundTrip.isZero() ? ENTITIES : 2_000);
						v100.offsets(roundTrip.isZero() ? ENTITIES : 2_000, 1);
						v100.offsets(roundTrip.isZero() ? ENTITIES : 2_000, 8);
					}
					for (int round = 0; round < rounds; round++) {
						rates[0][round] = Benchmarks.rate(() -> notes(sliced, ENTITIES));
						rates[1][round] = Benchmarks.rate(() -> notes(oneCursor, ENTITIES));
						rates[2][round] = Benchmarks.rate(() -> v100.cursors(ENTITIES));
						rates[3][round] = Benchmarks.rate(() -> v100.offsets(ENTITIES, 1));
						rates[4][round] = Benchmarks.rate(() -> v100.offsets(ENTITIES, 8));
					}
					double loop = Benchmarks.median(rates[2]);
					double[] ratios = new double[rounds];
					for (int round = 0; round < rounds; round++) {
						ratios[round] = rates[0][round] / rates[2][round];
					}
					table.append(String.format(Locale.ROOT,
							"| %d ms | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f (%.2f–%.2f) | %.2f | %.2f |%n", roundTrip.toMillis(),
							Benchmarks.median(rates[0]), Benchmarks.median(rates[1]), loop, Benchmarks.median(rates[3]), Benchmarks.median(rates[4]), Benchmarks.median(ratios),
							Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
							Benchmarks.median(rates[1]) / loop, Benchmarks.median(rates[4]) / loop));
				}
			}
			requests[0] = counted(emulator, true, ENTITIES);
			requests[1] = counted(emulator, false, ENTITIES);
			requests[2] = counted(emulator, true, 100);
		}
		return table.append("\nPages of ").append(PAGE).append(" (v100's largest). The plain loop and the legacy offset reads")
			.append(" are a bare WebClient that decodes each answer into a JsonNode. Slices: the defaults, slices of `created`, up to ")
			.append(2 * PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT).append(" under way, at most ").append(PipelinerClient.DEFAULT_MAX_PAGES_IN_FLIGHT)
			.append(" requests in flight. At 0 ms, after three whole reads of each kind, the median of 7")
			.append(" rounds, at 20 and 50 ms of 3; the ratio of slices to the loop is the median of the rounds' ratios, with")
			.append(" their spread. Requests per read of ").append(String.format(Locale.ROOT, "%,d", ENTITIES)).append(": ")
			.append(requests[0]).append(" in slices, ").append(requests[1]).append(" by one cursor (the loop's number); a read")
			.append(" of 100 in slices: ").append(requests[2]).append(".\n")
			.toString();
	}

	private static long notes(PipelinerClient client, int count) {
		return Benchmarks.answer(client.streamEntities("Notes", Query.all().limit(count)).count());
	}

	/** @return how many requests one read of {@code count} notes sends, the entity-name lookup left out */
	private static long counted(PipelinerEmulator emulator, boolean sliced, int count) {
		AtomicLong requests = new AtomicLong();
		PipelinerClient client = PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(emulator.getUrl())
			.space(emulator.getSpace())
			.credentials(emulator.getUsername(), emulator.getPassword())
			.slicedReads(sliced)
			.webClientBuilder(WebClient.builder().filter((request, next) -> {
				if (request.url().getPath().endsWith("/Notes")) {
					requests.incrementAndGet();
				}
				return next.exchange(request);
			}))
			.build();
		notes(client, count);
		return requests.get();
	}

	/** Reads of the v100 emulator with a bare WebClient. */
	private record Bare(WebClient web, String collection, String authorization) {

		private JsonNode get(String query) {
			return Benchmarks.answer(this.web.get()
				.uri(URI.create(this.collection + "?" + query))
				.header(HttpHeaders.AUTHORIZATION, this.authorization)
				.retrieve()
				.bodyToMono(JsonNode.class));
		}

		/** A cursor loop: the next request once the last answer's cursor is known. */
		long cursors(int count) {
			long read = 0;
			String after = null;
			while (true) {
				JsonNode answer = get("first=" + PAGE + ((after != null) ? "&after=" + after : ""));
				read += answer.get("data").size();
				JsonNode pageInfo = answer.get("page_info");
				if (read >= count || !pageInfo.get("has_next_page").asBoolean()) {
					return read;
				}
				after = pageInfo.get("end_cursor").asString();
			}
		}

		/** Legacy limit and offset, {@code inFlight} requests at a time, in order. */
		long offsets(int count, int inFlight) {
			return Benchmarks.answer(Flux.range(0, (count + PAGE - 1) / PAGE)
				.flatMapSequential((page) -> this.web.get()
					.uri(URI.create(this.collection + "?limit=" + PAGE + "&offset=" + (page * PAGE)))
					.header(HttpHeaders.AUTHORIZATION, this.authorization)
					.retrieve()
					.bodyToMono(JsonNode.class), inFlight, 1)
				.map((answer) -> (long) answer.get("data").size())
				.reduce(0L, Long::sum));
		}

	}

	// The emulator: a page deep in a large collection against the first

	static String deepPage() {
		int size = 1_000_000;
		StringBuilder table = new StringBuilder("## The emulator: a page deep in " + String.format(Locale.ROOT, "%,d", size)
				+ " entities against the first page\n\n"
				+ "| request | median latency (µs) | mean latency (µs) | ratio to offset 0 (median) |\n|---|---|---|---|\n");
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().start()) {
			List<Map<String, Object>> products = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				products.add(Map.of("NAME", "Product " + i));
			}
			emulator.insert(emulator.getTeamPipeline(), "Products", products);
			products.clear();
			WebClient bare = WebClient.create();
			String authorization = Benchmarks.basic(emulator.getApiToken(), emulator.getApiPassword());
			String base = emulator.getBaseUrl(emulator.getTeamPipeline()) + "/Products?limit=" + PAGE + "&offset=";
			Supplier<Long> first = () -> timed(bare, base + 0, authorization);
			Supplier<Long> deep = () -> timed(bare, base + 900_000, authorization);
			for (int i = 0; i < 300; i++) {
				first.get();
				deep.get();
			}
			int calls = 500;
			long[] atStart = new long[calls];
			long[] atDepth = new long[calls];
			for (int i = 0; i < calls; i++) {
				atStart[i] = first.get();
				atDepth[i] = deep.get();
			}
			double startMedian = medianMicros(atStart);
			double depthMedian = medianMicros(atDepth);
			table.append(String.format(Locale.ROOT, "| GET /Products?limit=%d&offset=0 | %.0f | %.0f | 1.00 |%n", PAGE, startMedian,
					meanMicros(atStart)));
			table.append(String.format(Locale.ROOT, "| GET /Products?limit=%d&offset=900000 | %.0f | %.0f | %.2f |%n", PAGE,
					depthMedian, meanMicros(atDepth), depthMedian / startMedian));
		}
		return table.append("\nA bare WebClient, one request at a time, the two alternating; each answer read whole.\n").toString();
	}

	private static long timed(WebClient web, String url, String authorization) {
		long start = System.nanoTime();
		web.get().uri(URI.create(url)).header(HttpHeaders.AUTHORIZATION, authorization).retrieve().bodyToMono(byte[].class).block();
		return System.nanoTime() - start;
	}

	private static double medianMicros(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1000.0;
	}

	private static double meanMicros(long[] nanos) {
		return Arrays.stream(nanos).average().orElse(0) / 1000.0;
	}

}
