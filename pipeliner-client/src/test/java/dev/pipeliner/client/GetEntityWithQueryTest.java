package dev.pipeliner.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code getEntity} with a query reads the collection filtered by the id, since the one-entity
 * endpoints take no parameters, and holds the answer to exactly that entity.
 */
class GetEntityWithQueryTest {

	static final String USER = "app-user-5d2";

	static final String PASSWORD = "app-Pa55word-5d2";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	static final String V100_BASE = "/api/v100/rest/spaces/fr_Myself/entities";

	static final String V1_BASE = "/rest_services/v1/eu_Pipeline1";

	static final String ENTITIES = """
			{"success":true,"total":1,"page_info":{"start_cursor":"WyIwMSJd","end_cursor":"WyIwMSJd",\
			"has_previous_page":false,"has_next_page":false},"data":[\
			{"id":"00000000-0000-0001-0000-000000000001","name_singular":"Account","name_plural":"Accounts","entity_type":1}]}""";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ACCOUNT_ID = "00000000-0000-0001-0000-0000000000a1";

	static final String ONE_ACCOUNT = """
			{"success":true,"total":1,"page_info":{"start_cursor":"WyIxIl0=","end_cursor":"WyIxIl0=",\
			"has_previous_page":false,"has_next_page":false},"data":[{"id":"%s","name":"Acme",\
			"owner_id":"00000000-0000-0001-0000-0000000005fe","owner":{"id":"00000000-0000-0001-0000-0000000005fe",\
			"email":"owner@example.com"}}]}""";

	static final String NO_ACCOUNT = """
			{"success":true,"total":0,"page_info":{"start_cursor":null,"end_cursor":null,\
			"has_previous_page":false,"has_next_page":false},"data":[]}""";

	@Test
	void onV100TheCollectionIsReadByIdWithTheQuerysParameters() {
				server.stubFor(get(urlPathEqualTo(V100_BASE + "/Accounts"))
			.willReturn(json(ONE_ACCOUNT.formatted(ACCOUNT_ID))));

		Entity account = v100().getEntity("Account", ACCOUNT_ID, Query.all().expand("owner").loadOnly("id", "name"))
			.block();

		assertThat(account.id()).isEqualTo(ACCOUNT_ID);
		assertThat(account.get("owner")).isInstanceOf(java.util.Map.class);
		server.verify(getRequestedFor(urlPathEqualTo(V100_BASE + "/Accounts"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withQueryParam("filter[id]", equalTo(ACCOUNT_ID))
			.withQueryParam("filter-op[id]", absent())
			.withQueryParam("first", equalTo("1"))
			.withQueryParam("expand", equalTo("owner"))
			.withQueryParam("load-only", equalTo("id,name")));
	}

	@Test
	void onV100NoEntityIsNotFoundAndAnotherOneIsTheServersFault() {
				server.stubFor(get(urlPathEqualTo(V100_BASE + "/Accounts"))
			.withQueryParam("filter[id]", equalTo(ACCOUNT_ID))
			.willReturn(json(NO_ACCOUNT)));
		server.stubFor(get(urlPathEqualTo(V100_BASE + "/Accounts"))
			.withQueryParam("filter[id]", equalTo("00000000-0000-0001-0000-0000000000b2"))
			.willReturn(json(ONE_ACCOUNT.formatted(ACCOUNT_ID))));

		assertThatThrownBy(() -> v100().getEntity("Accounts", ACCOUNT_ID, Query.all().expand("owner")).block())
			.isInstanceOf(PipelinerNotFoundException.class)
			.hasMessageContaining("no entity with the id");
		assertThatThrownBy(() -> v100().getEntity("Accounts", "00000000-0000-0001-0000-0000000000b2",
				Query.all().expand("owner")).block())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("not that one entity");
	}

	@Test
	void aQueryThatSaysMoreThanOneEntityTakesIsRefusedBeforeAnythingIsSent() {
		for (Query query : new Query[] { Query.filter(Filter.eq("name", "Acme")), Query.all().sort(Sort.asc("name")),
				Query.all().limit(1), Query.raw("expand=owner") }) {
			assertThatThrownBy(() -> v100().getEntity("Accounts", ACCOUNT_ID, query))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("query: getEntity takes only expand, loadOnly and includeDeleted");
		}
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void onV1TheCollectionIsReadByAnIdFilter() {
		server.stubFor(get(urlPathEqualTo(V1_BASE + "/entityPublic"))
			.willReturn(json("{\"Accounts\":\"Account\"}")));
		server.stubFor(get(urlPathEqualTo(V1_BASE + "/Accounts"))
			.willReturn(json("[{\"ID\":\"PY-1\",\"ORGANIZATION\":\"Acme\"}]")
				.withHeader("Content-Range", "items 0-0/1")));

		Entity account = v1().getEntity("Account", "PY-1", Query.all().loadOnly("ID", "ORGANIZATION")).block();

		assertThat(account.getString("ORGANIZATION")).isEqualTo("Acme");
		server.verify(getRequestedFor(urlPathEqualTo(V1_BASE + "/Accounts"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withQueryParam("filter", equalTo("ID::PY-1"))
			.withQueryParam("limit", equalTo("1"))
			.withQueryParam("loadonly", equalTo("ID|ORGANIZATION")));
	}

	private static PipelinerClient v100() {
		server.stubFor(get(urlPathEqualTo(V100_BASE + "/Entities")).willReturn(json(ENTITIES)));
		return PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(server.baseUrl())
			.space("fr_Myself")
			.credentials(USER, PASSWORD)
			.build();
	}

	private static PipelinerClient v1() {
		return PipelinerClient.builder()
			.url(server.baseUrl())
			.teamPipeline("eu_Pipeline1")
			.credentials(USER, PASSWORD)
			.build();
	}

	private static ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
