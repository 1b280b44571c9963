package dev.pipeliner.client.internal.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The batch engine: cuts many items into requests of the batch size, keeps a few in flight, and
 * merges their outcomes back in input order. A request that fails accounts for each of its items
 * ({@code FAILED} when the server refused it, {@code UNKNOWN} when no answer came) instead of
 * failing the whole. Knows nothing of the wire: the caller sends each request. Not part of the
 * public API.
 */
public final class Batching {

	/** One request of a stream: the ids of its items ({@code null} for creates) and its answer. */
	public record Request(List<@Nullable String> ids, Mono<BatchResult> answer) {
	}

	private final int size;

	private final int concurrency;

	/**
	 * @param size the most items per request
	 * @param concurrency the most requests in flight
	 */
	public Batching(int size, int concurrency) {
		this.size = size;
		this.concurrency = concurrency;
	}

	/**
	 * @param ids the ids of the items, in order ({@code null} for creates)
	 * @param split whether the items may be sent as several requests; an all-or-nothing batch
	 * may not, since splitting it would lose its atomicity
	 * @param send sends the items from index {@code from} (inclusive) to {@code to} (exclusive)
	 * @return one outcome per item, in input order
	 */
	public Mono<BatchResult> send(List<@Nullable String> ids, boolean split, BiFunction<Integer, Integer,
			Mono<BatchResult>> send) {
		if (!split || ids.size() <= this.size) {
			return send.apply(0, ids.size());
		}
		return Flux.range(0, (ids.size() + this.size - 1) / this.size)
			.flatMapSequential((chunk) -> {
				int from = chunk * this.size;
				int to = Math.min(ids.size(), from + this.size);
				return accounted(send.apply(from, to), from, ids.subList(from, to));
			}, this.concurrency, 1)
			.concatMapIterable(BatchResult::outcomes)
			.collectList()
			.map(BatchResult::new);
	}

	/**
	 * @param items an unbounded stream of items
	 * @param prepare turns the items of one request, the first at index {@code base}, into the request
	 * @return one outcome per item, in input order, as their requests are answered
	 */
	public <T> Flux<BatchResult.Outcome> stream(Flux<T> items, BiFunction<Integer, List<T>, Request> prepare) {
		return items.buffer(this.size)
			.index()
			.flatMapSequential((chunk) -> {
				int base = Math.toIntExact(chunk.getT1() * this.size);
				Request request = prepare.apply(base, chunk.getT2());
				return accounted(request.answer(), base, request.ids());
			}, this.concurrency, 1)
			.concatMapIterable(BatchResult::outcomes);
	}

	/**
	 * The result of one request, its indexes shifted to the whole input; a failed request
	 * accounts for each of its items instead of failing the call.
	 */
	static Mono<BatchResult> accounted(Mono<BatchResult> request, int base, List<@Nullable String> ids) {
		return request.map((result) -> shifted(result, base)).onErrorResume(PipelinerException.class, (ex) -> {
			boolean refused = ex instanceof PipelinerApiException api && api.getStatus() < 500;
			List<BatchResult.Outcome> outcomes = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				outcomes.add(refused ? BatchResult.Outcome.failed(base + i, ids.get(i), ((PipelinerApiException) ex).getServerError())
						: BatchResult.Outcome.unknown(base + i, ids.get(i), String.valueOf(ex.getMessage())));
			}
			return Mono.just(new BatchResult(outcomes));
		});
	}

	private static BatchResult shifted(BatchResult result, int base) {
		if (base == 0) {
			return result;
		}
		List<BatchResult.Outcome> outcomes = new ArrayList<>(result.size());
		for (BatchResult.Outcome outcome : result.outcomes()) {
			outcomes.add(outcome.at(outcome.index() + base));
		}
		return new BatchResult(outcomes);
	}

}
