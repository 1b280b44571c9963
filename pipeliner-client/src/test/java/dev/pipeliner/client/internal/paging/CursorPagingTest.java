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
		return (cursor, size, position) -> Mono.defer(() -> {
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
		CursorPaging.Fetcher<Long> loops = (cursor, size, position) -> Mono.just(new EntityPage<>(List.of(1L), 0, 0, 5, "again"));
		// the second answer repeats the first page: it fails before it is emitted
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", loops, null, Long.MAX_VALUE))
			.expectNextCount(1)
			.expectError(PipelinerDecodingException.class)
			.verify();
		int[] calls = { 0 };
		CursorPaging.Fetcher<Long> cycles = (cursor, size, position) -> Mono.just(new EntityPage<>(List.of((long) calls[0]++),
				0, 0, 5, "again"));
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", cycles, null, Long.MAX_VALUE))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("a second time"))
			.verify();
	}

	@Test
	void theFetcherIsToldThePositionOfEachPage() {
		List<Long> positions = new ArrayList<>();
		CursorPaging.Fetcher<Long> numbers = (cursor, size, position) -> {
			positions.add(position);
			long from = (cursor != null) ? Long.parseLong(cursor) : 0;
			long to = Math.min(25, from + size);
			return Mono.just(new EntityPage<>(LongStream.range(from, to).boxed().toList(), 0, to - from - 1, 25,
					(to < 25) ? Long.toString(to) : null));
		};
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", numbers, "10:10", Long.MAX_VALUE))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(positions).containsExactly(10L, 20L);
	}

	@Test
	void aPageEqualToThePageBeforeFailsTheReadBeforeItIsEmittedButAChangedEntityMayComeAgain() {
		int[] calls = { 0 };
		CursorPaging.Fetcher<String> ignoresTheCursor = (cursor, size, position) -> Mono.just(
				new EntityPage<>(List.of("a", "b"), 0, 1, 9, "fresh-" + calls[0]++));
		StepVerifier.create(new CursorPaging(PAGE).pages("Letters", ignoresTheCursor, null, Long.MAX_VALUE))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PipelinerDecodingException.class)
				.hasMessageContaining("same 2 entities"))
			.verify();
		CursorPaging.Fetcher<String> keyset = (cursor, size, position) -> Mono.just((cursor == null)
				? new EntityPage<>(List.of("a", "b"), 0, 1, 3, "k1")
				: new EntityPage<>(List.of("c", "a'"), 0, 1, 3, null));
		StepVerifier.create(new CursorPaging(PAGE).pages("Letters", keyset, null, Long.MAX_VALUE).concatMapIterable(EntityPage::items))
			.expectNext("a", "b", "c", "a'")
			.verifyComplete();
	}

	@Test
	void emptyPagesWithNewCursorsAreFollowedUpToTheBound() {
		int[] calls = { 0 };
		CursorPaging.Fetcher<Long> sparse = (cursor, size, position) -> {
			int call = calls[0]++;
			return Mono.just((call == CursorPaging.MAX_EMPTY_PAGES) ? new EntityPage<>(List.of(7L), 0, 0, 1, null)
					: new EntityPage<>(List.of(), 0, -1, 1, "e" + call));
		};
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", sparse, null, Long.MAX_VALUE))
			.expectNextMatches((page) -> page.items().equals(List.of(7L)) && page.start() == 0)
			.verifyComplete();
		calls[0] = 0;
		CursorPaging.Fetcher<Long> endless = (cursor, size, position) -> Mono.just(
				new EntityPage<>(List.of(), 0, -1, 1, "e" + calls[0]++));
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", endless, null, Long.MAX_VALUE))
			.expectError(PipelinerDecodingException.class)
			.verify();
		assertThat(calls[0]).isEqualTo(CursorPaging.MAX_EMPTY_PAGES + 1);
	}

	@Test
	void theCursorAReadResumesFromCountsAsAnswered() {
		CursorPaging.Fetcher<Long> stuck = (cursor, size, position) -> Mono.just(new EntityPage<>(List.of(1L), 0, 0, 5, "c9"));
		StepVerifier.create(new CursorPaging(PAGE).pages("Numbers", stuck, "3:c9", Long.MAX_VALUE))
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
