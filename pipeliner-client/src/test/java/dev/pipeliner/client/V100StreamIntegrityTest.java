package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.paging.CursorPaging;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A v100 stream never ends short or long without saying so: whatever the server answers, it
 * emits every entity once, in order, or fails with a typed error after a prefix without gaps or
 * repeats. The server's cursors here are keyset cursors: {@code k<n>} reads on from entity
 * {@code n}.
 */
class V100StreamIntegrityTest {

	private static final int TOTAL = 30;

	/** One page as a server may answer it. */
	record Page(int from, int count, String pageInfo, String total) {

		/** A truthful page of entities {@code from}.. of {@code TOTAL}, at most {@code count}. */
		static Page of(int from, int count) {
			int n = Math.max(0, Math.min(count, TOTAL - from));
			boolean more = from + n < TOTAL;
			return new Page(from, n, info(more, more ? "k" + (from + n) : null), Integer.toString(TOTAL));
		}

		Page withInfo(String pageInfo) {
			return new Page(this.from, this.count, pageInfo, this.total);
		}

		String json() {
			String data = IntStream.range(this.from, this.from + this.count)
				.mapToObj(V100StreamIntegrityTest::entity)
				.collect(Collectors.joining(","));
			return "{\"success\":true" + ((this.total != null) ? ",\"total\":" + this.total : "")
					+ ((this.pageInfo != null) ? ",\"page_info\":" + this.pageInfo : "") + ",\"data\":[" + data + "]}";
		}

	}

	static String info(boolean more, String cursor) {
		return "{\"start_cursor\":null,\"end_cursor\":" + ((cursor != null) ? "\"" + cursor + "\"" : "null")
				+ ",\"has_previous_page\":false,\"has_next_page\":" + more + "}";
	}

	static String entity(int i) {
		return "{\"id\":\"" + id(i) + "\",\"name\":\"Contact " + i + "\"}";
	}

	static String id(int i) {
		return String.format("c-%05d", i);
	}

	/** Decides a page from where the request starts and how many it asks for. */
	interface Pages {

		Page answer(int number, int from, int first);

	}

	static Stream<Arguments> servers() {
		return Stream.of(
				Arguments.of("pages shorter and longer than asked", true,
						(Pages) (n, from, first) -> Page.of(from, (n % 2 == 0) ? first - 3 : first + 4)),
				Arguments.of("empty pages with new cursors in between", true,
						(Pages) (n, from, first) -> (n % 3 == 1)
								? new Page(from, 0, info(true, "k" + from + "-" + n), Integer.toString(TOTAL))
								: Page.of(from, first)),
				Arguments.of("page_info without has_next_page, with an end_cursor, while the total says more", true,
						(Pages) (n, from, first) -> (n == 1)
								? Page.of(from, first).withInfo("{\"end_cursor\":\"k" + (from + first) + "\"}")
								: Page.of(from, first)),
				Arguments.of("no page_info on the page that completes the total", true,
						(Pages) (n, from, first) -> (from + first >= TOTAL) ? Page.of(from, first).withInfo(null)
								: Page.of(from, first)),
				Arguments.of("no page_info while the total says more", false,
						(Pages) (n, from, first) -> (n == 1) ? Page.of(from, first).withInfo(null) : Page.of(from, first)),
				Arguments.of("page_info without has_next_page and without a cursor, while the total says more", false,
						(Pages) (n, from, first) -> (n == 1) ? Page.of(from, first).withInfo("{\"start_cursor\":null}")
								: Page.of(from, first)),
				Arguments.of("after ignored, a fresh cursor every time", false,
						(Pages) (n, from, first) -> new Page(0, first, info(true, "fresh-" + n), Integer.toString(TOTAL))),
				Arguments.of("empty pages with new cursors, without end", false,
						(Pages) (n, from, first) -> (n == 0) ? Page.of(from, first)
								: new Page(from, 0, info(true, "empty-" + n), Integer.toString(TOTAL))),
				Arguments.of("a cursor answered twice", false,
						(Pages) (n, from, first) -> (n == 1) ? Page.of(from, first).withInfo(info(true, "k" + from))
								: Page.of(from, first)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void aStreamEmitsEveryEntityOnceOrFailsTyped(String name, boolean followable, Pages pages) throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(pages
			.answer(n, from(request.query().get("after")), Integer.parseInt(request.query().get("first"))).json()))) {
			Reads read = Reads.of(server.clientBuilder().pageSize(10).build().streamEntities("Contacts", Query.all()));
			List<String> ids = read.ids();
			Throwable failure = read.failure();
			assertThat(ids).as(name + ": emitted before the end").isEqualTo(ids(0, ids.size()));
			if (followable) {
				assertThat(failure).as(name).isNull();
				assertThat(ids).as(name).hasSize(TOTAL);
			}
			else {
				assertThat(failure).as(name).isInstanceOf(PipelinerDecodingException.class);
				assertThat(ids).as(name).hasSizeLessThan(TOTAL);
				assertThat(server.requests).as(name + ": requests")
					.hasSizeLessThanOrEqualTo(CursorPaging.MAX_EMPTY_PAGES + 2);
			}
		}
	}

	@Test
	void randomPagesNeverLoseOrRepeatAnEntity() throws Exception {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			int total = 1 + random.nextInt(120);
			try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> {
				int from = from(request.query().get("after"));
				int count = (random.nextInt(5) == 0) ? 0 : 1 + random.nextInt(Integer.parseInt(request.query().get("first")) + 10);
				int sent = Math.max(0, Math.min(count, total - from));
				boolean more = from + sent < total;
				String cursor = (sent == 0 && more) ? "k" + from + "-" + n : more ? "k" + (from + sent) : null;
				String json = new Page(from, sent, random.nextBoolean() || more ? info(more, cursor) : null,
						Integer.toString(total)).json();
				return Reply.ok(json);
			})) {
				List<String> ids = server.clientBuilder()
					.pageSize(1 + random.nextInt(40))
					.build()
					.streamEntities("Contacts", Query.all())
					.map(Entity::id)
					.collectList()
					.block(Duration.ofSeconds(20));
				assertThat(ids).as("seed " + seed).isEqualTo(ids(0, total));
			}
		}
	}

	@Test
	void aKeysetReadMayReadAnEntityAgainWhenItChanged() throws Exception {
		// the entity c-00005 is modified while the read runs, and sorts again after the cursor
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> {
			int from = from(request.query().get("after"));
			if (from == 10) {
				return Reply.ok("{\"success\":true,\"total\":30,\"page_info\":" + info(true, "k20") + ",\"data\":["
						+ IntStream.range(10, 20).mapToObj(V100StreamIntegrityTest::entity).collect(Collectors.joining(","))
						+ ",{\"id\":\"" + id(5) + "\",\"name\":\"Contact 5, renamed\"}]}");
			}
			return Reply.ok(Page.of(from, 10).json());
		})) {
			List<String> ids = server.clientBuilder().pageSize(10).build().streamEntities("Contacts", Query.all())
				.map(Entity::id).collectList().block(Duration.ofSeconds(20));
			assertThat(ids).hasSize(31);
			assertThat(ids.stream().distinct().sorted().toList()).isEqualTo(ids(0, 30));
			assertThat(ids.stream().filter(id(5)::equals)).hasSize(2);
		}
	}

	@Test
	void aResumedReadCountsItsCursorAsSeen() throws Exception {
		// a server stuck on the cursor the read resumes from
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(
				new Page(10, 10, info(true, "k10"), "30").json()))) {
			List<String> ids = new ArrayList<>();
			Throwable failure = null;
			try {
				server.clientBuilder().pageSize(10).build().streamEntities("Contacts", Query.all()).byPage("10:k10")
					.doOnNext((page) -> page.items().forEach((entity) -> ids.add(entity.id())))
					.blockLast(Duration.ofSeconds(20));
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			assertThat(failure).isInstanceOf(PipelinerDecodingException.class).hasMessageContaining("k10");
			assertThat(ids).as("entities emitted before the error").isEmpty();
			assertThat(server.requests).hasSize(1);
		}
	}

	@Test
	void getEntitiesReturnsAtMostItsLimitAndAnEmptyPageWithANewCursorIsAPage() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok((n == 0) ? Page.of(0, 8).json()
				: new Page(0, 0, info(true, "k0-new"), "30").json()))) {
			PipelinerClient client = server.clientBuilder().build();
			EntityPage<Entity> page = client.getEntities("Contacts", Query.all().limit(5)).block();
			assertThat(page.items()).extracting(Entity::id).isEqualTo(ids(0, 5));
			assertThat(page.total()).isEqualTo(30);
			EntityPage<Entity> empty = client.getEntities("Contacts", Query.all().limit(5)).block();
			assertThat(empty.items()).isEmpty();
			assertThat(empty.continuationToken()).isEqualTo("0:k0-new");
			assertThat(server.requests.get(0).query()).containsEntry("first", "5");
		}
	}

	private static int from(String after) {
		if (after == null || !after.startsWith("k")) {
			return 0;
		}
		String position = after.substring(1);
		int dash = position.indexOf('-');
		return Integer.parseInt((dash >= 0) ? position.substring(0, dash) : position);
	}

	private static List<String> ids(int from, int to) {
		return IntStream.range(from, to).mapToObj(V100StreamIntegrityTest::id).toList();
	}

}
