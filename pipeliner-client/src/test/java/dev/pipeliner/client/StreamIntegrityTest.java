package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.pipeliner.client.ScriptedServer.Answer;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A stream never silently loses or repeats an entity: whatever the server answers, it either
 * emits every entity exactly once, in order, or fails with a typed error after a gap-free,
 * repeat-free prefix.
 */
class StreamIntegrityTest {

	private static final int TOTAL = 1000;

	private static final int PAGE = 100;

	/** A server that answers the truth except where a misbehaviour says otherwise. */
	static Stream<Arguments> servers() {
		return Stream.of(
				Arguments.of("a short page in the middle", true,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 300)
								? Answer.truthful(offset, 40, TOTAL) : Answer.truthful(offset, limit, TOTAL)),
				Arguments.of("short pages everywhere after the first", true,
						(ScriptedServer.Script) (n, offset, limit) -> Answer.truthful(offset,
								(offset == 0) ? limit : Math.max(1, limit / 3), TOTAL)),
				Arguments.of("a page with more items than asked", true,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 200)
								? Answer.truthful(offset, limit + 50, TOTAL) : Answer.truthful(offset, limit, TOTAL)),
				Arguments.of("every page larger than asked", true,
						(ScriptedServer.Script) (n, offset, limit) -> Answer.truthful(offset, limit * 2, TOTAL)),
				Arguments.of("a page from another offset", false,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 300)
								? Answer.truthful(0, limit, TOTAL) : Answer.truthful(offset, limit, TOTAL)),
				Arguments.of("Content-Range start off by one", false,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 300)
								? new Answer(301, limit, "items 301-400/" + TOTAL) : Answer.truthful(offset, limit, TOTAL)),
				Arguments.of("the offset ignored", false,
						(ScriptedServer.Script) (n, offset, limit) -> Answer.truthful(0, limit, TOTAL)),
				Arguments.of("the offset ignored but echoed in Content-Range", false,
						(ScriptedServer.Script) (n, offset, limit) -> new Answer(0, limit,
								"items " + offset + "-" + (offset + limit - 1) + "/" + TOTAL)),
				Arguments.of("a Content-Range that counts more items than the body", false,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 500)
								? new Answer(offset, 60, "items 500-599/" + TOTAL) : Answer.truthful(offset, limit, TOTAL)),
				Arguments.of("an empty page in the middle while the total stands", false,
						(ScriptedServer.Script) (n, offset, limit) -> (offset == 400)
								? new Answer(offset, 0, "items 400-399/" + TOTAL) : Answer.truthful(offset, limit, TOTAL)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void aStreamEmitsEveryEntityOnceOrFailsTyped(String name, boolean followable, ScriptedServer.Script script)
			throws Exception {
		try (ScriptedServer server = new ScriptedServer(script)) {
			Reads read = Reads.of(server.clientBuilder().pageSize(PAGE).build().streamEntities("Contacts", Query.all()));
			List<String> ids = read.ids();
			Throwable failure = read.failure();
			assertThat(ids).as("emitted before the end").isEqualTo(expectedIds(0, ids.size()));
			if (followable) {
				assertThat(failure).as(name).isNull();
				assertThat(ids).hasSize(TOTAL);
			}
			else {
				assertThat(failure).as(name).isInstanceOf(PipelinerDecodingException.class);
				assertThat(ids).hasSizeLessThan(TOTAL);
			}
		}
	}

	@Test
	void randomPageSizesNeverLoseOrRepeatAnEntity() throws Exception {
		for (long seed = 1; seed <= 10; seed++) {
			Random random = new Random(seed);
			int total = 50 + random.nextInt(200);
			try (ScriptedServer server = new ScriptedServer((n, offset, limit) -> Answer.truthful(offset,
					1 + random.nextInt(limit + 20), total))) {
				List<String> ids = server.clientBuilder()
					.pageSize(5 + random.nextInt(60))
					.build()
					.streamEntities("Contacts", Query.all())
					.map(Entity::id)
					.collectList()
					.block(Duration.ofSeconds(20));
				assertThat(ids).as("seed " + seed).isEqualTo(expectedIds(0, total));
			}
		}
	}

	@Test
	void aLimitIsKeptWhenPagesAreLargerThanAsked() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n, offset, limit) -> Answer.truthful(offset, limit + 7, TOTAL))) {
			List<String> ids = server.clientBuilder()
				.pageSize(10)
				.build()
				.streamEntities("Contacts", Query.all().offset(5).limit(33))
				.map(Entity::id)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(ids).isEqualTo(expectedIds(5, 38));
		}
	}

	@Test
	void whenTheTotalShrinksTheStreamStopsAsking() throws Exception {
		try (ScriptedServer server = new ScriptedServer((n, offset, limit) -> (n == 0)
				? Answer.truthful(offset, limit, TOTAL) : Answer.truthful(offset, limit, 20))) {
			List<String> ids = server.clientBuilder()
				.pageSize(10)
				.build()
				.streamEntities("Contacts", Query.all())
				.map(Entity::id)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(ids).isEqualTo(expectedIds(0, 20));
			// the first page, the one that showed the new total, and those already in flight
			assertThat(server.pageRequests).hasSizeLessThanOrEqualTo(2 + PipelinerClient.DEFAULT_PREFETCH_PAGES);
		}
		catch (IllegalStateException ex) {
			fail("stream did not end", ex);
		}
	}

	private static List<String> expectedIds(int from, int to) {
		List<String> ids = new ArrayList<>();
		for (int i = from; i < to; i++) {
			ids.add("PY-" + i);
		}
		return ids;
	}

}
