package dev.pipeliner.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v1 wire forms the vendor's SDKs use, and the raw forms they let a caller pass. */
class WireFidelityTest extends WireMockTestSupport {

	record Meeting(String NAME, Instant START_DATE, boolean IS_PRIVATE, LocalDate DUE) {
	}

	@BeforeEach
	void stubs() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", BASE + "/Contacts/PY-1")));
	}

	@Test
	void datesAndBooleansInBodiesTakeTheV1Forms() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("FIRST_NAME", "Ann");
		data.put("IS_ARCHIVE", true);
		data.put("IS_DELETED", Boolean.FALSE);
		data.put("BIRTHDAY", LocalDate.of(1990, 4, 1));
		data.put("MODIFIED", Instant.parse("2024-05-06T14:00:02.123Z"));
		data.put("CREATED", OffsetDateTime.of(2024, 5, 6, 16, 0, 2, 0, ZoneOffset.ofHours(2)));
		this.client.setEntity("Contacts", data).block();
		server.verify(postRequestedFor(urlEqualTo(BASE + "/Contacts")).withRequestBody(equalToJson("""
				{"FIRST_NAME":"Ann","IS_ARCHIVE":1,"IS_DELETED":0,"BIRTHDAY":"1990-04-01",
				 "MODIFIED":"2024-05-06 14:00:02","CREATED":"2024-05-06 14:00:02"}""")));
	}

	@Test
	void recordsTakeTheV1FormsToo() {
		this.client.setEntity("Contacts", new Meeting("Call", Instant.parse("2024-01-02T03:04:05Z"), true, LocalDate.of(2024, 1, 3)))
			.block();
		server.verify(postRequestedFor(urlEqualTo(BASE + "/Contacts")).withRequestBody(equalToJson("""
				{"NAME":"Call","START_DATE":"2024-01-02 03:04:05","IS_PRIVATE":1,"DUE":"2024-01-03"}""")));
	}

	@Test
	void dataMayBeRawJsonText() {
		this.client.setEntity("Contacts", "{\"FIRST_NAME\":\"Ann\",\"IS_ARCHIVE\":0}").block();
		server.verify(postRequestedFor(urlEqualTo(BASE + "/Contacts"))
			.withRequestBody(equalToJson("{\"FIRST_NAME\":\"Ann\",\"IS_ARCHIVE\":0}")));
	}

	@Test
	void aRawQueryStringIsSentAsItIs() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));
		this.client.getEntities("Contacts", Query.raw("limit=5&filter=FIRST_NAME::Todd%7CLAST_NAME::Bo&custom=x:y")).block();
		server.verify(getRequestedFor(urlEqualTo(BASE + "/Contacts?limit=5&filter=FIRST_NAME::Todd%7CLAST_NAME::Bo&custom=x:y")));
	}

	@Test
	void aRawQueryStringHasItsUnsafeCharactersEncoded() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));
		this.client.getEntities("Contacts", Query.raw("?filter=FIRST_NAME::Todd|LAST_NAME::Bö")).block();
		server.verify(getRequestedFor(urlEqualTo(BASE + "/Contacts?filter=FIRST_NAME::Todd%7CLAST_NAME::B%C3%B6")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=5#x", "limit=5&filter=A B", "limit=5\r\nX-Evil: 1", "filter=%zz", "filter=%4" })
	void aRawQueryStringThatWouldBreakTheRequestIsRefused(String raw) {
		assertThatThrownBy(() -> Query.raw(raw)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("query");
	}

	@Test
	void anEntityThatEntityPublicDoesNotListIsSentAsNamed() {
		server.stubFor(get(urlPathEqualTo(BASE + "/CustomEntity_Projects/CE-1")).willReturn(json("{\"ID\":\"CE-1\"}")));
		assertThat(this.client.getEntity("CustomEntity_Projects", "CE-1").block().id()).isEqualTo("CE-1");
	}

	@Test
	void aStreamOverARawQueryAddsItsPaging() {
		server.stubFor(get(urlEqualTo(BASE + "/Contacts?filter=A::1&limit=100&offset=0"))
			.willReturn(json("[{\"ID\":\"PY-1\"}]").withHeader("Content-Range", "items 0-0/1")));
		assertThat(this.client.streamEntities("Contacts", Query.raw("filter=A::1")).map(Entity::id).collectList().block())
			.containsExactly("PY-1");
		server.verify(getRequestedFor(urlEqualTo(BASE + "/Contacts?filter=A::1&limit=100&offset=0"))
			.withHeader("Authorization", equalTo(AUTHORIZATION)));
	}

}
