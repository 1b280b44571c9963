package dev.pipeliner.client.internal.paging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.internal.http.Throttling;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offset paging engine adapts the page requests in flight to its subscriber and to the
 * server, without HTTP: the test answers each request when it chooses, in the order asked.
 */
class AdaptivePagingTest {

	private static final int PAGE = 10;

	/** Requests not answered yet, oldest first. */
	private final Deque<Pending> pending = new ArrayDeque<>();

	private final List<Long> asked = new ArrayList<>();

	/** How many requests were in flight as each was sent. */
	private final List<Integer> inFlightWhenAsked = new ArrayList<>();

	/** Offsets whose first answer is 429. */
	private final List<Long> throttledAt = new ArrayList<>();

	private record Pending(long offset, int limit, Sinks.One<EntityPage<Long>> answer) {
	}

	private OffsetPaging.Fetcher<Long> server(long total) {
		return (offset, limit) -> Mono.deferContextual((context) -> {
			if (this.throttledAt.remove(offset)) {
				Throttling.report(context);
			}
			Sinks.One<EntityPage<Long>> answer = Sinks.one();
			this.inFlightWhenAsked.add(this.pending.size());
			this.pending.add(new Pending(offset, limit, answer));
			this.asked.add(offset);
			return answer.asMono();
		}).map((page) -> {
			long n = Math.max(0, Math.min(limit, total - offset));
			return new EntityPage<>(LongStream.range(offset, offset + n).boxed().toList(), offset, offset + n - 1, total);
		});
	}

	/** Answers the oldest request. */
	private void answerOldest() {
		Pending next = this.pending.poll();
		next.answer().tryEmitValue(new EntityPage<>(List.of(), 0, -1, 0));
	}

	@Test
	void keepsMorePagesInFlightWhileTheSubscriberWaitsUpToTheMaximum() {
		List<Long> items = new ArrayList<>();
		new OffsetPaging(PAGE, 2, 5).pages("Numbers", server(300), String::valueOf, 0, Long.MAX_VALUE)
			.concatMapIterable(EntityPage::items, 1)
			.subscribe(items::add);

		List<Integer> inFlight = new ArrayList<>();
		while (!this.pending.isEmpty()) {
			inFlight.add(this.pending.size());
			answerOldest();
		}

		assertThat(items).isEqualTo(LongStream.range(0, 300).boxed().toList());
		assertThat(inFlight).as("requests in flight before each answer").startsWith(1, 2).contains(5)
			.allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(5));
	}

	@Test
	void aSubscriberThatStopsAskingHoldsNoMoreThanTheMaximumAndTheWindowShrinks() {
		PageSubscriber subscriber = new PageSubscriber();
		new OffsetPaging(PAGE, 2, 6).pages("Numbers", server(10_000), String::valueOf, 0, Long.MAX_VALUE)
			.subscribe(subscriber);

		subscriber.ask(20);
		while (subscriber.pages < 20) {
			answerOldest();
		}
		int grown = this.pending.size();
		while (!this.pending.isEmpty()) {
			answerOldest();
		}
		int held = this.asked.size() - subscriber.pages;

		assertThat(grown).as("in flight while the subscriber waited").isEqualTo(6);
		assertThat(held).as("pages held for a subscriber that asks for nothing").isLessThanOrEqualTo(6);

		subscriber.ask(1);
		while (!this.pending.isEmpty()) {
			answerOldest();
		}
		assertThat(this.asked.size() - subscriber.pages).as("after a lagging spell, fewer are read ahead")
			.isLessThan(held);
		subscriber.dispose();
	}

	@Test
	void aSlowSubscriberKeepsTheWindowWhereItStarted() {
		PageSubscriber subscriber = new PageSubscriber();
		new OffsetPaging(PAGE, 2, 8).pages("Numbers", (offset, limit) -> {
			this.asked.add(offset);
			return Mono.just(new EntityPage<>(LongStream.range(offset, offset + limit).boxed().toList(), offset,
					offset + limit - 1, 1000L));
		}, String::valueOf, 0, Long.MAX_VALUE).subscribe(subscriber);

		for (int i = 0; i < 10; i++) {
			subscriber.ask(1);
			assertThat(this.asked.size() - subscriber.pages).as("pages read ahead").isLessThanOrEqualTo(2);
		}
		subscriber.dispose();
	}

	@Test
	void backsOffWhenTheServerThrottlesAndNeverReturnsToTheRefusedWindow() {
		List<Long> items = new ArrayList<>();
		this.throttledAt.add(300L);
		new OffsetPaging(PAGE, 2, 6).pages("Numbers", server(1000), String::valueOf, 0, Long.MAX_VALUE)
			.concatMapIterable(EntityPage::items, 1)
			.subscribe(items::add);

		List<Integer> before = new ArrayList<>();
		List<Integer> after = new ArrayList<>();
		while (!this.pending.isEmpty()) {
			(this.asked.contains(300L) ? after : before).add(this.pending.size());
			answerOldest();
		}

		assertThat(items).isEqualTo(LongStream.range(0, 1000).boxed().toList());
		assertThat(before).contains(6);
		assertThat(after).as("in flight after the 429").isNotEmpty().allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(6));
		assertThat(after.subList(1, after.size())).as("never back to the refused window").doesNotContain(6);
		int next = this.asked.indexOf(310L);
		assertThat(this.inFlightWhenAsked.get(next)).as("the next request waits until the halved window has room")
			.isLessThanOrEqualTo(3);
	}

	@Test
	void theWindowStartsWithinItsCeilingAndAThrottleAtOneKeepsItAtOne() {
		assertThat(new PageWindow(2, 8).size()).isEqualTo(2);
		assertThat(new PageWindow(12, 8).size()).isEqualTo(8);
		PageWindow window = new PageWindow(2, 8);
		window.throttled();
		assertThat(window.size()).isEqualTo(1);
		window.requested(1);
		window.arrived();
		assertThat(window.size()).as("the ceiling fell to one").isEqualTo(1);
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
