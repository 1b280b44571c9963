package dev.pipeliner.client.internal.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerValidationException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch engine on its own, with requests answered from memory. */
class BatchingTest {

	private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

	private Mono<BatchResult> answer(List<String> ids, int from, int to) {
		this.sent.add(from + "-" + to);
		if (from == 4) {
			return Mono.error(new PipelinerValidationException(422, 7, "refused", HttpMethod.POST, null));
		}
		if (from == 8) {
			return Mono.error(new PipelinerServerException(503, null, null, HttpMethod.POST, null, null));
		}
		List<BatchResult.Outcome> outcomes = new ArrayList<>();
		for (int i = from; i < to; i++) {
			outcomes.add(new BatchResult.Outcome(i - from, BatchResult.Status.SUCCEEDED, ids.get(i), null, null));
		}
		return Mono.just(new BatchResult(outcomes));
	}

	@Test
	void splitsMergesInInputOrderAndAccountsForFailedRequests() {
		List<String> ids = IntStream.range(0, 10).mapToObj((i) -> "ID-" + i).toList();
		BatchResult result = new Batching(4, 2).send(ids, true, (from, to) -> answer(ids, from, to)).block();
		assertThat(this.sent).containsExactlyInAnyOrder("0-4", "4-8", "8-10");
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::index).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status).containsExactly(BatchResult.Status.SUCCEEDED,
				BatchResult.Status.SUCCEEDED, BatchResult.Status.SUCCEEDED, BatchResult.Status.SUCCEEDED, BatchResult.Status.FAILED,
				BatchResult.Status.FAILED, BatchResult.Status.FAILED, BatchResult.Status.FAILED, BatchResult.Status.UNKNOWN,
				BatchResult.Status.UNKNOWN);
	}

	@Test
	void anAllOrNothingBatchIsOneRequest() {
		List<String> ids = IntStream.range(0, 10).mapToObj((i) -> "ID-" + i).toList();
		new Batching(4, 2).send(ids, false, (from, to) -> answer(ids, from, to)).block();
		assertThat(this.sent).containsExactly("0-10");
	}

	@Test
	void aStreamIsCutIntoRequestsOfTheBatchSize() {
		List<String> ids = IntStream.range(0, 6).mapToObj((i) -> "ID-" + i).toList();
		List<BatchResult.Outcome> outcomes = new Batching(3, 2).stream(Flux.fromIterable(ids),
				(base, chunk) -> new Batching.Request(chunk, answer(ids, base, base + chunk.size())))
			.collectList()
			.block();
		assertThat(outcomes).extracting(BatchResult.Outcome::id).containsExactlyElementsOf(ids);
		assertThat(this.sent).containsExactlyInAnyOrder("0-3", "3-6");
	}

}
