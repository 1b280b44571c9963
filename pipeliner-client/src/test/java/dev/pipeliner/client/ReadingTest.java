package dev.pipeliner.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ReadingTest extends WireMockTestSupport {

	static final String TODD = """
			{"ID":"PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987","FIRST_NAME":"Todd","SURNAME":"Smith",
			 "EMAIL1":"todd@example.com","OWNER_ID":1534,"IS_DELETED":0,"QUOTA":"1250.50",
			 "MODIFIED":"2024-05-06 14:00:02","ACCOUNT_RELATIONS":[{"ACCOUNT_ID":"PY-7FFFFFFF-A1","IS_PRIMARY":1}]}""";

	record Contact(@JsonProperty("ID") String id, @JsonProperty("FIRST_NAME") String firstName,
			@JsonProperty("OWNER_ID") long ownerId) {
	}

	@Test
	void getEntitiesReadsOnePageAndItsContentRange() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts"))
			.willReturn(json("[" + TODD + "]").withHeader("Content-Range", "items 25-25/26")));

		Query query = Query.filter(Filter.eq("FIRST_NAME", "Todd").and(Filter.startsWith("EMAIL1", "todd@")))
			.sort(Sort.asc("SURNAME").thenDesc("MODIFIED"))
			.limit(25)
			.offset(25)
			.modifiedAfter(Instant.parse("2024-01-02T03:04:05Z"))
			.loadOnly("ID", "FIRST_NAME", "EMAIL1");
		EntityPage<Entity> page = this.client.getEntities("Contact", query).block();

		assertThat(page.start()).isEqualTo(25);
		assertThat(page.end()).isEqualTo(25);
		assertThat(page.total()).isEqualTo(26);
		assertThat(page.hasMore()).isFalse();
		Entity todd = page.items().get(0);
		assertThat(todd.id()).isEqualTo("PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987");
		assertThat(todd.getString("FIRST_NAME")).isEqualTo("Todd");
		assertThat(todd.getLong("OWNER_ID")).isEqualTo(1534L);
		assertThat(todd.getBoolean("IS_DELETED")).isFalse();
		assertThat(todd.getDecimal("QUOTA")).isEqualTo(new BigDecimal("1250.50"));
		assertThat(todd.getDateTime("MODIFIED")).isEqualTo(Instant.parse("2024-05-06T14:00:02Z"));
		assertThat(todd.getString("MISSING")).isNull();
		assertThat(todd.toMap()).containsKey("ACCOUNT_RELATIONS");
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withQueryParam("filter", equalTo("FIRST_NAME::Todd|EMAIL1::todd@::ll"))
			.withQueryParam("sort", equalTo("SURNAME|-MODIFIED"))
			.withQueryParam("limit", equalTo("25"))
			.withQueryParam("offset", equalTo("25"))
			.withQueryParam("after", equalTo("2024-01-02 03:04:05"))
			.withQueryParam("loadonly", equalTo("ID|FIRST_NAME|EMAIL1")));
	}

	@Test
	void queryValuesAreUrlEncodedOnTheWire() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Accounts")).willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));

		this.client.getEntities("Accounts", Query.filter(Filter.eq("ORGANIZATION", "Smith & Sons+Co"))).block();

		server.verify(getRequestedFor(urlEqualTo(BASE + "/Accounts?filter=ORGANIZATION%3A%3ASmith%20%26%20Sons%2BCo")));
	}

	@Test
	void anEmptyResultAnswersEndMinusOne() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Leads")).willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));

		EntityPage<Entity> page = this.client.getEntities("Lead", Query.all()).block();

		assertThat(page.items()).isEmpty();
		assertThat(page.end()).isEqualTo(-1);
		assertThat(page.total()).isZero();
		assertThat(page.hasMore()).isFalse();
		server.verify(getRequestedFor(urlEqualTo(BASE + "/Leads")));
	}

	@Test
	void getEntitiesMapsOntoAUserType() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts"))
			.willReturn(json("[" + TODD + "]").withHeader("Content-Range", "items 0-0/1")));

		EntityPage<Contact> page = this.client.getEntities("Contacts", Query.all(), Contact.class).block();

		assertThat(page.items()).containsExactly(new Contact("PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987", "Todd", 1534));
	}

	@Test
	void getEntityReadsById() {
		stubEntityPublic();
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987"))
			.willReturn(json(TODD)));

		Entity todd = this.client.getEntity("Contact", "PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987").block();
		Contact typed = this.client.getEntity("Contacts", "PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987", Contact.class)
			.block();

		assertThat(todd.getString("EMAIL1")).isEqualTo("todd@example.com");
		assertThat(typed.firstName()).isEqualTo("Todd");
		server.verify(2, getRequestedFor(urlEqualTo(BASE + "/Contacts/PY-7FFFFFFF-1A5F8328-D6E8-4D4D-88A2-79D929834987"))
			.withHeader("Authorization", equalTo(AUTHORIZATION)));
	}

	@Test
	void streamEntitiesWalksEveryPageUntilTheTotal() {
		stubEntityPublic();
		stubPage("Contacts", 0, 25, 66);
		stubPage("Contacts", 25, 25, 66);
		stubPage("Contacts", 50, 25, 66);
		PipelinerClient paged = clientBuilder().pageSize(25).build();

		List<String> ids = paged.streamEntities("Contact", Query.filter(Filter.eq("IS_DELETED", 0)))
			.map(Entity::id)
			.collectList()
			.block();

		assertThat(ids).containsExactlyElementsOf(ids(0, 66));
		for (int offset : new int[] { 0, 25, 50 }) {
			server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo(Integer.toString(offset)))
				.withQueryParam("limit", equalTo("25"))
				.withQueryParam("filter", equalTo("IS_DELETED::0")));
		}
		server.verify(3, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")));
	}

	@Test
	void streamEntitiesStopsAtATotalThatIsAMultipleOfThePageSize() {
		stubEntityPublic();
		stubPage("Contacts", 0, 25, 50);
		stubPage("Contacts", 25, 25, 50);

		List<Entity> all = clientBuilder().pageSize(25).build().streamEntities("Contacts", Query.all()).collectList().block();

		assertThat(all).extracting(Entity::id).containsExactlyElementsOf(ids(0, 50));
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")));
	}

	@Test
	void streamEntitiesOfAnEmptyResultSendsOneRequest() {
		stubEntityPublic();
		stubPage("Contacts", 0, PipelinerClient.DEFAULT_PAGE_SIZE, 0);

		assertThat(this.client.streamEntities("Contacts", Query.all()).collectList().block()).isEmpty();
		server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")));
	}

	@Test
	void streamEntitiesStartsAtTheOffsetAndCapsAtTheLimit() {
		stubEntityPublic();
		stubPage("Contacts", 10, 25, 66);
		stubPage("Contacts", 35, 5, 66);

		List<Entity> some = clientBuilder().pageSize(25)
			.build()
			.streamEntities("Contacts", Query.all().offset(10).limit(30))
			.collectList()
			.block();

		assertThat(some).extracting(Entity::id).containsExactlyElementsOf(ids(10, 40));
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("10"))
			.withQueryParam("limit", equalTo("25")));
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("35"))
			.withQueryParam("limit", equalTo("5")));
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")));
	}

	@Test
	void streamEntitiesStopsRequestingWhenTheSubscriberCancels() {
		stubEntityPublic();
		stubPage("Contacts", 0, 25, 66);
		stubPage("Contacts", 25, 25, 66);
		stubPage("Contacts", 50, 25, 66);

		List<Entity> first = clientBuilder().pageSize(25).build().streamEntities("Contacts", Query.all()).take(10).collectList().block();

		assertThat(first).extracting(Entity::id).containsExactlyElementsOf(ids(0, 10));
		// at most prefetchPages pages are fetched ahead of the subscriber
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Contacts"))))
			.hasSizeLessThanOrEqualTo(1 + PipelinerClient.DEFAULT_PREFETCH_PAGES);
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("offset", equalTo("0"))
			.withQueryParam("filter", absent()));
	}

	/** Stubs the page at {@code offset} of a collection of {@code total} entities, as asked for with {@code limit}. */
	static void stubPage(String collection, int offset, int limit, int total) {
		int end = Math.min(total, offset + limit) - 1;
		String body = IntStream.rangeClosed(offset, end)
			.mapToObj((i) -> "{\"ID\":\"PY-" + i + "\",\"FIRST_NAME\":\"Name" + i + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
		server.stubFor(get(urlPathEqualTo(BASE + "/" + collection)).withQueryParam("offset", equalTo(Integer.toString(offset)))
			.withQueryParam("limit", equalTo(Integer.toString(limit)))
			.willReturn(json(body).withHeader("Content-Range", "items " + offset + "-" + end + "/" + total)));
	}

	static List<String> ids(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "PY-" + i).toList();
	}

}
