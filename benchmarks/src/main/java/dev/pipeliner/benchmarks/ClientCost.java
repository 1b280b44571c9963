package dev.pipeliner.benchmarks;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

import dev.pipeliner.client.PipelinerClient;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client's own work per call, without a network: {@code getEntity} and a bare
 * {@code WebClient} GET through an exchange function that answers at once on the calling thread,
 * one call after another. No socket, event loop or server takes part, so what differs is what
 * the client does around the {@code WebClient}, measured with less noise than over loopback.
 */
final class ClientCost {

	private static final String ENTITY = """
			{"ID":"PY-7FFFFFFF-42","FIRST_NAME":"Ada","LAST_NAME":"Lovelace","EMAIL1":"ada@example.com",\
			"MODIFIED":"2024-01-01 00:00:00"}""";

	private static final int CALLS = 200_000;

	private static final int ROUNDS = 7;

	private ClientCost() {
	}

	static String run() {
		ExchangeFunction answers = (request) -> Mono.just(ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(request.url().getPath().endsWith("/entityPublic") ? "{\"Contacts\":\"Contact\"}" : ENTITY)
			.build());
		String service = "https://eu-central.api.pipelinersales.com";
		PipelinerClient client = PipelinerClient.builder()
			.url(service)
			.teamPipeline(StubServer.TEAM_PIPELINE)
			.credentials(Benchmarks.TOKEN, Benchmarks.PASSWORD)
			.webClientBuilder(WebClient.builder().exchangeFunction(answers))
			.build();
		WebClient bare = WebClient.builder().exchangeFunction(answers).build();
		URI uri = URI.create(service + "/rest_services/v1/" + StubServer.TEAM_PIPELINE + "/Contacts/PY-7FFFFFFF-42");
		Supplier<Mono<?>> ours = () -> client.getEntity("Contacts", "PY-7FFFFFFF-42");
		Supplier<Mono<?>> plain = CallOverhead.bareGet(bare, uri);
		for (int warm = 0; warm < 3; warm++) {
			nanosPerCall(ours);
			nanosPerCall(plain);
		}
		double[] oursNanos = new double[ROUNDS];
		double[] bareNanos = new double[ROUNDS];
		double[] ratios = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			oursNanos[round] = nanosPerCall(ours);
			bareNanos[round] = nanosPerCall(plain);
			ratios[round] = oursNanos[round] / bareNanos[round];
		}
		return String.format(Locale.ROOT, "## The client's own work per call, without a network%n%n"
				+ "| calls | getEntity (µs per call) | bare WebClient GET (µs per call) | difference (µs) | ratio |%n"
				+ "|---|---|---|---|---|%n| %d | %.2f | %.2f | %.2f | %.2f |%n%n"
				+ "An exchange function answers at once on the calling thread; one call after another. The median of %d"
				+ " rounds, the two alternating, after a warm-up; the ratio is the median of the rounds' ratios.%n",
				CALLS, Benchmarks.median(oursNanos) / 1000, Benchmarks.median(bareNanos) / 1000, (Benchmarks.median(oursNanos) - Benchmarks.median(bareNanos)) / 1000,
				Benchmarks.median(ratios), ROUNDS);
	}

	private static double nanosPerCall(Supplier<Mono<?>> call) {
		long start = System.nanoTime();
		for (int i = 0; i < CALLS; i++) {
			Benchmarks.answer(call.get());
		}
		return (System.nanoTime() - start) / (double) CALLS;
	}

}
