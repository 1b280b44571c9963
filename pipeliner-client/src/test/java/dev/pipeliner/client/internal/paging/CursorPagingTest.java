package dev.pipeliner.client.internal.paging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor paging engine on its own: the test answers each request when it chooses. */
class CursorPagingTest {

	private static final int PAGE = 10;

	private final Deque<Sinks.One<Boolean>> pending = new ArrayDeque<>();

	private final List<String> asked = new ArrayList<>();

	/** {@code total} numbers, a page per request, each answered when the test says. */
	private CursorPaging.Fetcher<Long> server(long total) {
		return (cursor, size) -> Mono.defer(() -> {
			this.asked.add(String.valueOf(cursor));
			Sinks.One<Boolean> answer = Sinks.one();
			this.pending.add(answer);
			return answer.asMono();
		}).map((ignored) -> {
			long from = (cursor != null) ? Long.parseLong(cursor) : 0;
			long to = Math.min(total, from + size);
			String next = (to < total) ? Long.toString(to) : null;
			return new EntityPage<>(LongStream.range(from, to).boxed().toList(), from, to - 1, total, next);
		});
	}

	private void answerOldest() {
		this.pending.poll().tryEmitValue(true);
	}

	@Test
	void theNextRequestLeavesAsSoonAsTheCursorIsKnownAndNoFurther() {
		PageSubscriber subscriber = new PageSubscriber();
		new CursorPaging(PAGE).pages("Numbers", server(100), null, Long.MAX_VALUE).subscribe(subscriber);
		subscriber.ask(1);

		answerOldest();
		assertThat(subscriber.pages).isEqualTo(1);
		assertThat(this.pending).as("the second page is asked for before the subscriber asks").hasSize(1);

		answerOldest();
		assertThat(this.pending).as("one page ahead at most").isEmpty();
		assertThat(this.asked).containsExactly("null", "10");

		subscriber.ask(1);
		assertThat(subscriber.pages).isEqualTo(2);
		assertThat(this.pending).as("taking the page ahead sends the next request").hasSize(1);
		subscriber.dispose();
	}

	@Test
	void readsEveryPageOnceAndStopsOnTheLast() {
		List<Long> items = new ArrayList<>();
		new CursorPaging(PAGE).pages("Numbers", server(95), null, Long.MAX_VALUE)
			.concatMapIterable(EntityPage::items, 1)
			.subscribe(items::add);
		while (!this.pending.isEmpty()) {
			answerOldest();
		}
		assertThat(items).isEqualTo(LongStream.range(0, 95).boxed().toList());
		assertThat(this.asked).hasSize(10);
	}

	@Test
	void aLimitEndsTheReadWithoutAnotherRequest() {
		List<Long> items = new ArrayList<>();
		new CursorPaging(PAGE).pages("Numbers", server(100), null, 25)
			.concatMapIterable(EntityPage::items, 1)
			.subscribe(items::add);
		while (!this.pending.isEmpty()) {
			answerOldest();
		}
		assertThat(items).isEqualTo(LongStream.range(0, 25).boxed().toList());
		assertThat(this.asked).containsExactly("null", "10", "20");
	}

	@Test
	void aCursorAnsweredTwiceFailsTheRead() {
		CursorPaging.Fetcher<Long> loops = (cursor, size) -> Mono.just(new EntityPage<>(List.of(1L), 0, 0, 5, "again"));
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", loops, null, Long.MAX_VALUE))
			.expectNextCount(2)
			.expectError(PipelinerDecodingException.class)
			.verify();
	}

	/** Takes pages only as asked. */
	private static final class PageSubscriber extends BaseSubscriber<EntityPage<Long>> {

		int pages;

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
		}

		@Override
		protected void hookOnNext(EntityPage<Long> page) {
			this.pages++;
		}

		void ask(long n) {
			request(n);
		}

	}

}
