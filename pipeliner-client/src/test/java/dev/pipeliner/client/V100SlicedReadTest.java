package dev.pipeliner.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.ScriptedV100Server.Request;
import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v100 streams read in slices of {@code created}: what each request says, and when a stream is
 * read by one cursor instead. The server keeps contacts created a minute apart and answers
 * {@code order-by}, {@code filter[created]} {@code gte}, {@code first} and {@code after} with
 * keyset cursors, as the service does.
 */
class V100SlicedReadTest {

	private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

	private static final Instant EPOCH = Instant.parse("2024-03-01T08:00:00Z");

	/** A contact: its index and when it was created (some pairs at the same instant). */
	private record Contact(int index, Instant created) {

		String id() {
			return String.format("00000000-0000-0000-0000-%012d", this.index);
		}

		String json() {
			return "{\"id\":\"" + id() + "\",\"first_name\":\"Ann\",\"created\":\""
					+ FORM.format(this.created.atOffset(ZoneOffset.UTC)) + "\",\"modified\":\"2025-01-01 00:00:00.000000+00:00\"}";
		}

	}

	private static List<Contact> contacts(int count) {
		return IntStream.range(0, count).mapToObj((i) -> new Contact(i, EPOCH.plus(i / 2, ChronoUnit.MINUTES))).toList();
	}

	/** Answers reads of the contacts as the service does. */
	private static Reply answer(List<Contact> contacts, Request request) {
		Map<String, String> query = request.query();
		String order = query.getOrDefault("order-by", "id");
		Comparator<Contact> byId = Comparator.comparing(Contact::id);
		Comparator<Contact> sort = switch (order) {
			case "created" -> Comparator.comparing(Contact::created).thenComparing(byId);
			case "-created" -> Comparator.comparing(Contact::created).reversed().thenComparing(byId);
			default -> byId;
		};
		List<Contact> matching = new ArrayList<>(contacts.stream().filter((contact) -> {
			String from = query.get("filter[created]");
			return from == null || !contact.created().isBefore(DateTimes.parse(from));
		}).sorted(sort).toList());
		int start = 0;
		if (query.containsKey("after")) {
			String after = query.get("after");
			start = IntStream.range(0, matching.size()).filter((i) -> matching.get(i).id().equals(after)).findFirst().orElseThrow() + 1;
		}
		int first = Integer.parseInt(query.getOrDefault("first", "30"));
		List<Contact> page = matching.subList(start, Math.min(matching.size(), start + first));
		boolean more = start + page.size() < matching.size();
		String cursor = page.isEmpty() ? null : "\"" + page.get(page.size() - 1).id() + "\"";
		return Reply.ok("{\"success\":true,\"total\":" + matching.size() + ",\"page_info\":{\"start_cursor\":null,\"end_cursor\":"
				+ cursor + ",\"has_previous_page\":false,\"has_next_page\":" + more + "},\"data\":["
				+ page.stream().map(Contact::json).collect(Collectors.joining(",")) + "]}");
	}

	private static ScriptedV100Server server(List<Contact> contacts) throws Exception {
		return new ScriptedV100Server((n, request) -> answer(contacts, request));
	}

	private static List<String> ids(List<Contact> contacts) {
		return contacts.stream()
			.sorted(Comparator.comparing(Contact::created).thenComparing(Contact::id))
			.map(Contact::id)
			.toList();
	}

	private static List<String> read(PipelinerClient client, Query query) {
		return client.streamEntities("Contacts", query).map(Entity::id).collectList().block(Duration.ofSeconds(30));
	}

	@Test
	void aLargeReadIsSlicedByCreatedWithDocumentedOperatorsAndReadsEveryEntityOnceInThatOrder() throws Exception {
		List<Contact> contacts = contacts(2_000);
		try (ScriptedV100Server server = server(contacts)) {
			assertThat(read(server.clientBuilder().pageSize(100).build(), Query.all())).isEqualTo(ids(contacts));
			List<Request> requests = server.requestsTo("/Contacts");
			assertThat(requests).allSatisfy((request) -> assertThat(request.method()).isEqualTo("GET"));
			assertThat(requests.get(0).query()).isEqualTo(Map.of("order-by", "created", "first", "100"));
			assertThat(requests.get(1).query()).as("the newest entity: the other end of the slices")
				.isEqualTo(Map.of("order-by", "-created", "first", "1"));
			List<Request> slices = requests.stream().filter((request) -> request.query().containsKey("filter[created]")).toList();
			assertThat(slices).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.query()).containsEntry("order-by", "created")
					.containsEntry("filter-op[created]", "gte")
					.containsEntry("first", "100");
				assertThat(request.query().keySet()).isSubsetOf("order-by", "filter[created]", "filter-op[created]", "first", "after");
				assertThat(request.query().get("filter[created]")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
			});
			assertThat(slices.stream().map((request) -> request.query().get("filter[created]")).distinct().count())
				.as("several slices").isGreaterThan(2);
			assertThat(requests).as("about one request more per slice than the pages").hasSizeLessThanOrEqualTo(20 + 2 + 5);
		}
	}

	@Test
	void theQuerysFilterAndFieldsGoIntoEverySlice() throws Exception {
		List<Contact> contacts = contacts(1_000);
		try (ScriptedV100Server server = server(contacts)) {
			Query query = Query.filter(Filter.eq("first_name", "Ann")).loadOnly("id", "created");
			assertThat(read(server.clientBuilder().pageSize(50).build(), query)).isEqualTo(ids(contacts));
			assertThat(server.requestsTo("/Contacts")).hasSizeGreaterThan(3).allSatisfy((request) -> assertThat(request.query())
				.containsEntry("filter[first_name]", "Ann")
				.containsEntry("load-only", "id,created"));
		}
	}

	@Test
	void aReadThatFitsInOnePageCostsOneRequest() throws Exception {
		List<Contact> contacts = contacts(100);
		try (ScriptedV100Server server = server(contacts)) {
			assertThat(read(server.clientBuilder().build(), Query.all())).isEqualTo(ids(contacts));
			assertThat(server.requestsTo("/Contacts")).hasSize(1);
		}
	}

	@Test
	void readsWhereSlicingCouldChangeTheResultOrThatAskNotToAreReadByOneCursor() throws Exception {
		List<Contact> contacts = contacts(1_000);
		Map<String, Function<PipelinerClientBuilder, List<String>>> reads = Map.of(
				"a sort on another field", (builder) -> read(builder.build(), Query.all().sort(Sort.asc("id"))),
				"a condition on created", (builder) -> read(builder.build(),
						Query.filter(Filter.ge("created", EPOCH.plus(1, ChronoUnit.MINUTES)))),
				"a raw query", (builder) -> read(builder.build(), Query.raw("order-by=id")),
				"fields loaded without created", (builder) -> read(builder.build(), Query.all().loadOnly("id")),
				"slicedReads(false)", (builder) -> read(builder.slicedReads(false).build(), Query.all()),
				"byPage()", (builder) -> builder.build()
					.streamEntities("Contacts", Query.all())
					.byPage()
					.concatMapIterable(EntityPage::items)
					.map(Entity::id)
					.collectList()
					.block(Duration.ofSeconds(30)));
		for (Map.Entry<String, Function<PipelinerClientBuilder, List<String>>> read : reads.entrySet()) {
			try (ScriptedV100Server server = server(contacts)) {
				List<String> ids = read.getValue().apply(server.clientBuilder().pageSize(100));
				assertThat(ids).as(read.getKey()).hasSizeBetween(998, 1_000).doesNotHaveDuplicates();
				List<Request> requests = server.requestsTo("/Contacts");
				assertThat(requests).as(read.getKey() + ": one request per page, one after the other").hasSize(10);
				assertThat(requests).as(read.getKey()).noneSatisfy((request) -> assertThat(request.query())
					.containsEntry("order-by", "-created"));
				for (int i = 1; i < requests.size(); i++) {
					assertThat(requests.get(i).query()).as(read.getKey()).containsKey("after");
				}
			}
		}
	}

	@Test
	void aLimitEndsASlicedRead() throws Exception {
		List<Contact> contacts = contacts(3_000);
		try (ScriptedV100Server server = server(contacts)) {
			assertThat(read(server.clientBuilder().pageSize(100).build(), Query.all().limit(1_234)))
				.isEqualTo(ids(contacts).subList(0, 1_234));
			assertThat(server.requestsTo("/Contacts")).as("about a page per slice past the limit").hasSizeLessThanOrEqualTo(13 + 1 + 4 + 8);
		}
	}

}
