package dev.pipeliner.client.internal.paging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The offset paging engine on its own, with pages answered from memory. */
class OffsetPagingTest {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	/** A collection of {@code total} numbers whose server answers at most {@code cap} per page. */
	private OffsetPaging.Fetcher<Long> collection(long total, int cap) {
		return (offset, limit) -> {
			this.requests.add(offset + "+" + limit);
			long n = Math.max(0, Math.min(Math.min(limit, cap), total - offset));
			List<Long> items = LongStream.range(offset, offset + n).boxed().toList();
			return Mono.just(new EntityPage<>(items, offset, offset + n - 1, total));
		};
	}

	@Test
	void followsAServerThatCapsItsPagesAndStopsAtTheEnd() {
		StepVerifier.create(new OffsetPaging(10, 2).pages("Numbers", collection(25, 4), String::valueOf, 0, Long.MAX_VALUE)
			.concatMapIterable(EntityPage::items)
			.collectList())
			.assertNext((items) -> assertThat(items).isEqualTo(LongStream.range(0, 25).boxed().toList()))
			.verifyComplete();
		assertThat(this.requests).containsExactly("0+10", "4+4", "8+4", "12+4", "16+4", "20+4", "24+4");
	}

	@Test
	void fillsAShortPageBeforeGoingOn() {
		OffsetPaging.Fetcher<Long> full = collection(30, 10);
		OffsetPaging.Fetcher<Long> shortOnce = (offset, limit) -> (offset == 10 && limit == 10)
				? collection(30, 3).fetch(offset, limit) : full.fetch(offset, limit);
		StepVerifier.create(new OffsetPaging(10, 1).pages("Numbers", shortOnce, String::valueOf, 0, Long.MAX_VALUE)
			.map((page) -> page.start() + "-" + page.end()))
			.expectNext("0-9", "10-12", "13-19", "20-29")
			.verifyComplete();
	}

	@Test
	void failsWhenAPageStartsElsewhere() {
		OffsetPaging.Fetcher<Long> ignoresOffset = (offset, limit) -> collection(30, 10).fetch(0, limit);
		StepVerifier.create(new OffsetPaging(10, 2).pages("Numbers", ignoresOffset, String::valueOf, 0, Long.MAX_VALUE))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PipelinerDecodingException.class)
				.hasMessageContaining("asked for 10 entities at offset 10")
				.hasMessageContaining("starts at 0"))
			.verify();
	}

	@Test
	void stopsAtTheEndOfTheRange() {
		StepVerifier.create(new OffsetPaging(10, 2).pages("Numbers", collection(100, 10), String::valueOf, 5, 27)
			.concatMapIterable(EntityPage::items))
			.expectNextSequence(LongStream.range(5, 27).boxed().toList())
			.verifyComplete();
		assertThat(this.requests).containsExactly("5+10", "15+10", "25+2");
	}

}
