package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingAndBulkTest extends WireMockTestSupport {

	@Test
	void aSlowSubscriberHoldsBackTheRequestsAndCancellingStopsThem() throws Exception {
		stubEntityPublic();
		for (int offset = 0; offset < 100; offset += 10) {
			ReadingTest.stubPage("Contacts", offset, 10, 100);
		}
		AtomicReference<Subscription> subscription = new AtomicReference<>();
		List<Entity> received = new ArrayList<>();
		clientBuilder().pageSize(10).build().streamEntities("Contacts", Query.all()).subscribe(new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription s) {
				subscription.set(s);
				s.request(1);
			}

			@Override
			protected void hookOnNext(Entity entity) {
				received.add(entity);
			}
		});

		Thread.sleep(500);
		assertThat(received).hasSize(1);
		// the page being read and two ahead
		assertThat(contactRequests()).isEqualTo(1 + PipelinerClient.DEFAULT_PREFETCH_PAGES);

		subscription.get().request(15);
		Thread.sleep(300);
		assertThat(received).hasSize(16);
		int requests = contactRequests();
		// two pages read from, two ahead
		assertThat(requests).isBetween(3, 2 + PipelinerClient.DEFAULT_PREFETCH_PAGES);

		subscription.get().cancel();
		Thread.sleep(300);
		assertThat(contactRequests()).isEqualTo(requests);
	}

	@Test
	void aStreamRetriesTheFailedPageAndNeverEmitsAnEntityTwice() {
		stubEntityPublic();
		ReadingTest.stubPage("Contacts", 0, 10, 30);
		ReadingTest.stubPage("Contacts", 20, 10, 30);
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("10"))
			.inScenario("page 2")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("10"))
			.inScenario("page 2")
			.whenScenarioStateIs("recovered")
			.willReturn(json(IntStream.range(10, 20).mapToObj((i) -> "{\"ID\":\"PY-" + i + "\"}")
				.collect(Collectors.joining(",", "[", "]"))).withHeader("Content-Range", "items 10-19/30")));
		PipelinerClient client = clientBuilder().pageSize(10)
			.retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 0.5, Duration.ofSeconds(1)))
			.build();

		List<String> ids = client.streamEntities("Contacts", Query.all()).map(Entity::id).collectList().block();

		assertThat(ids).containsExactlyElementsOf(ReadingTest.ids(0, 30));
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("10"))))
			.hasSize(2);
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("0"))))
			.hasSize(1);
	}

	@Test
	void byPageShowsThePagesAndResumesAtAnOffset() {
		stubEntityPublic();
		for (int offset = 0; offset < 30; offset += 10) {
			ReadingTest.stubPage("Contacts", offset, 10, 30);
		}
		PagedFlux<Entity> contacts = clientBuilder().pageSize(10).build().streamEntities("Contacts", Query.all());

		List<EntityPage<Entity>> pages = contacts.byPage().collectList().block();
		List<String> resumed = contacts.byPage(20).concatMapIterable(EntityPage::items).map(Entity::id).collectList().block();

		assertThat(pages).extracting(EntityPage::start).containsExactly(0L, 10L, 20L);
		assertThat(pages).extracting(EntityPage::nextOffset).containsExactly(10L, 20L, 30L);
		assertThat(pages.get(2).hasMore()).isFalse();
		assertThat(resumed).containsExactlyElementsOf(ReadingTest.ids(20, 30));
		assertThatThrownBy(() -> contacts.byPage(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aServerThatAnswersSmallerPagesIsFollowedPageByPage() {
		stubEntityPublic();
		// asked for 100, the server keeps to 25
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("0"))
			.withQueryParam("limit", equalTo("100"))
			.willReturn(json(items(0, 25)).withHeader("Content-Range", "items 0-24/60")));
		ReadingTest.stubPage("Contacts", 25, 25, 60);
		ReadingTest.stubPage("Contacts", 50, 25, 60);

		List<String> ids = this.client.streamEntities("Contacts", Query.all()).map(Entity::id).collectList().block();

		assertThat(ids).containsExactlyElementsOf(ReadingTest.ids(0, 60));
	}

	@Test
	void aPageOfWideEntitiesLargerThanTheCodecBufferIsRead() {
		stubEntityPublic();
		String wide = "x".repeat(2000);
		String body = IntStream.range(0, 1000)
			.mapToObj((i) -> "{\"ID\":\"PY-" + i + "\",\"DESCRIPTION\":\"" + wide + "\",\"NOTE\":\"" + wide + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
		server.stubFor(get(urlPathEqualTo(BASE + "/Accounts"))
			.willReturn(json(body).withHeader("Content-Range", "items 0-999/1000")));

		EntityPage<Entity> page = this.client.getEntities("Accounts", Query.all().limit(1000)).block();

		// far beyond the 256 KiB a codec holds in memory by default
		assertThat(body.length()).isGreaterThan(15 * 256 * 1024);
		assertThat(page.items()).hasSize(1000);
		assertThat(page.items().get(999).getString("NOTE")).hasSize(2000);
	}

	@Test
	void aBatchThatIgnoresFailuresIsSplitAndMergedInOrder() {
		stubEntityPublic();
		stubChunk(0, 100, "[" + ids(0, 100) + "]");
		stubChunk(100, 100, null);
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities"))
			.withRequestBody(matchingJsonPath("$[0].SURNAME", equalTo("S200")))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"errorcode\":1004,\"message\":\"Too many items\"}")));

		BatchResult result = clientBuilder().batchSize(100).build()
			.setEntities("Contacts", contacts(250), BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();

		assertThat(result.size()).isEqualTo(250);
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::index)
			.containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
		assertThat(result.outcomes().subList(0, 100)).allMatch(BatchResult.Outcome::isSuccess);
		assertThat(result.outcomes().get(99).id()).isEqualTo("PY-99");
		assertThat(result.outcomes().subList(100, 200)).allMatch((outcome) -> outcome.status() == Status.UNKNOWN
				&& outcome.message().contains("503"));
		assertThat(result.outcomes().subList(200, 250)).allMatch((outcome) -> outcome.status() == Status.FAILED
				&& outcome.errorCode() == 1004);
		server.verify(3, postRequestedFor(urlPathEqualTo(BASE + "/setEntities")).withQueryParam("flag", equalTo("8")));
	}

	@Test
	void anAllOrNothingBatchIsNeverSplit() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(json("[" + ids(0, 250) + "]")));

		BatchResult result = clientBuilder().batchSize(100).build().setEntities("Contacts", contacts(250)).block();

		assertThat(result.ids()).hasSize(250);
		server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/setEntities"))
			.withRequestBody(matchingJsonPath("$[249].SURNAME", equalTo("S249"))));
	}

	@Test
	void aStreamOfItemsIsSentInBatchesWithOutcomesInOrder() {
		stubEntityPublic();
		stubChunk(0, 100, "[" + ids(0, 100) + "]");
		stubChunk(100, 100, "[" + ids(100, 200) + "]");
		stubChunk(200, 50, "[" + ids(200, 250) + "]");

		List<BatchResult.Outcome> outcomes = clientBuilder().batchSize(100).build()
			.setEntities("Contact", Flux.fromIterable(contacts(250)), BatchFlag.IGNORE_ON_ERROR)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(outcomes).extracting(BatchResult.Outcome::id)
			.containsExactlyElementsOf(IntStream.range(0, 250).mapToObj((i) -> "PY-" + i).toList());
		assertThat(outcomes).extracting(BatchResult.Outcome::index)
			.containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
		assertThatThrownBy(() -> this.client.setEntities("Contact", Flux.just(Map.of("A", 1))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot be all or nothing");
		assertThatThrownBy(() -> this.client.deleteEntities("Contact", Flux.just("PY-1")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deletesAreSplitToo() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/deleteEntities")).withRequestBody(matchingJsonPath("$[0]", equalTo("PY-0")))
			.willReturn(json("[]")));
		server.stubFor(post(urlPathEqualTo(BASE + "/deleteEntities")).withRequestBody(matchingJsonPath("$[0]", equalTo("PY-3")))
			.willReturn(json("[\"PY-4\"]")));
		List<String> ids = IntStream.range(0, 5).mapToObj((i) -> "PY-" + i).toList();

		BatchResult result = clientBuilder().batchSize(3).build()
			.deleteEntities("Contacts", ids, BatchFlag.IGNORE_ON_ERROR, BatchFlag.GET_NO_DELETED_ID)
			.block();

		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.SUCCEEDED, Status.SUCCEEDED, Status.SUCCEEDED, Status.FAILED);
		assertThat(result.outcomes().get(4).index()).isEqualTo(4);
	}

	private static int contactRequests() {
		return server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Contacts"))).size();
	}

	private static List<Map<String, Object>> contacts(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> Map.<String, Object>of("SURNAME", "S" + i, "OWNER_ID", 1, "SALES_UNIT_ID", 1))
			.toList();
	}

	private static String ids(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "\"PY-" + i + "\"").collect(Collectors.joining(","));
	}

	private static String items(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "{\"ID\":\"PY-" + i + "\"}").collect(Collectors.joining(",", "[", "]"));
	}

	/** Answers the request whose first item is item {@code first}; a null answer is a 503. */
	private static void stubChunk(int first, int size, String answer) {
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities"))
			.withRequestBody(matchingJsonPath("$[0].SURNAME", equalTo("S" + first)))
			.withRequestBody(matchingJsonPath("$.length()", equalTo(Integer.toString(size))))
			.willReturn((answer != null) ? json(answer) : aResponse().withStatus(503)));
	}

}
