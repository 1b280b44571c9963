package dev.pipeliner.client.v100;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records and their constants through a v100 client at the wire: the constants, enum values
 * included, become the query's parameters, and answers shaped as the contract says map onto the
 * records, one entity or pages of them, relations expanded or not.
 */
class V100EntitiesWireTest {

	static final String USER = "app-user-4d2";

	static final String PASSWORD = "app-Pa55word";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	static final String BASE = "/api/v100/rest/spaces/fr_Myself/entities";

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	PipelinerClient client;

	@BeforeEach
	void createClient() {
		this.client = PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(server.baseUrl())
			.space("fr_Myself")
			.credentials(USER, PASSWORD)
			.build();
		server.stubFor(get(urlPathEqualTo(BASE + "/Entities")).willReturn(json("{\"success\":true,\"total\":2,"
				+ "\"page_info\":{\"start_cursor\":null,\"end_cursor\":null,\"has_previous_page\":false,\"has_next_page\":false},"
				+ "\"data\":[{\"name_singular\":\"Contact\",\"name_plural\":\"Contacts\"},"
				+ "{\"name_singular\":\"Opportunity\",\"name_plural\":\"Opportunities\"}]}")));
	}

	@Test
	void getEntityReadsOneAnswerIntoItsRecord() throws ReflectiveOperationException {
		Map<String, Object> answer = new ContractSamples(11, false).answer(ContractSamples.entities().get("Contact"));
		String id = (String) answer.get(Contact.ID);
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/" + id)).willReturn(json(one(answer))));

		Contact contact = this.client.getEntity(Contact.COLLECTION, id, Contact.class).block();

		assertThat(contact.id()).isEqualTo(id);
		assertThat(contact.ownerId()).isEqualTo(answer.get(Contact.OWNER_ID));
		assertThat(contact.otherFields().get(Contact.OWNER)).isEqualTo(answer.get(Contact.OWNER));
		assertThat(contact.customFields()).containsEntry("cf_region", answer.get("cf_region")).containsKey("cf_unset");
		assertThat(contact.otherFields()).containsKey("property_from_a_later_release");
		for (java.lang.reflect.RecordComponent component : V100EntitiesTest.components(Contact.class)) {
			String property = V100EntitiesTest.property(component);
			V100EntitiesTest.assertValue("Contact." + property, component.getAccessor().invoke(contact),
					ContractSamples.entities().get("Contact").path("properties").path(property), answer.get(property));
		}
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts/" + id)).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void theConstantsAndEnumValuesBecomeTheQueryAndPagesMapOntoTheRecords() {
		JsonNode schema = ContractSamples.entities().get("Opportunity");
		List<Map<String, Object>> opportunities = List.of(new ContractSamples(1, true).answer(schema),
				new ContractSamples(2, true).answer(schema), new ContractSamples(3, true).answer(schema));
		server.stubFor(get(urlPathEqualTo(BASE + "/Opportunities")).withQueryParam("after", absent())
			.willReturn(json(page(opportunities.subList(0, 2), "WyIwMiJd", true))));
		server.stubFor(get(urlPathEqualTo(BASE + "/Opportunities")).withQueryParam("after", equalTo("WyIwMiJd"))
			.willReturn(json(page(opportunities.subList(2, 3), "WyIwMyJd", false))));
		String owner = "00000000-0000-0001-0000-000000008e97";
		Query query = Query.filter(Filter.eq(Opportunity.STATUS, Opportunity.Status.WON)
			.and(Filter.eq(Opportunity.OWNER_ID, owner))
			.and(Filter.isNotNull(Opportunity.REASON_OF_CLOSE_ID)))
			.sort(Sort.desc(Opportunity.MODIFIED).thenAsc(Opportunity.ID))
			.expand(Opportunity.OWNER, Opportunity.PRIMARY_CONTACT);

		List<Opportunity> read = this.client.streamEntities(Opportunity.COLLECTION, query, Opportunity.class)
			.collectList()
			.block();

		assertThat(read).extracting(Opportunity::id)
			.containsExactlyElementsOf(opportunities.stream().map((opportunity) -> (String) opportunity.get(Opportunity.ID)).toList());
		assertThat(read.get(0).value().currencyId()).isEqualTo(
				((Map<?, ?>) opportunities.get(0).get(Opportunity.VALUE)).get("currency_id"));
		assertThat(read.get(0).otherFields().get(Opportunity.OWNER)).as("the expanded owner")
			.isEqualTo(opportunities.get(0).get(Opportunity.OWNER))
			.isInstanceOf(Map.class);
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Opportunities"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withQueryParam("filter[status]", equalTo("3"))
			.withQueryParam("filter-op[status]", absent())
			.withQueryParam("filter[owner_id]", equalTo(owner))
			.withQueryParam("filter-op[reason_of_close_id]", equalTo("not-null"))
			.withQueryParam("order-by", equalTo("-modified,id"))
			.withQueryParam("expand", equalTo("owner,primary_contact")));
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Opportunities")).withQueryParam("after", equalTo("WyIwMiJd")));
	}

	/** A part of an entity, as load-only reads it, named with the constants. */
	record Mail(@JsonProperty(Contact.ID) String id, @JsonProperty(Contact.EMAIL1) @Nullable String email) {
	}

	@Test
	void aPartOfAnEntityReadsIntoARecordThatNamesItsFieldsWithTheConstantsAndNotIntoTheWholeRecord() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json(page(List.of(
				Map.of("id", "00000000-0000-0000-0000-000000000001", "email1", "ann@example.com")), null, false))));
		Query query = Query.all().loadOnly(Contact.ID, Contact.EMAIL1).limit(10);

		assertThat(this.client.getEntities(Contact.COLLECTION, query, Mail.class).block().items())
			.containsExactly(new Mail("00000000-0000-0000-0000-000000000001", "ann@example.com"));
		assertThatThrownBy(() -> this.client.getEntities(Contact.COLLECTION, query, Contact.class).block())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("onto " + Contact.class.getName())
			.hasMessageContaining("is_delete_protected of Contact is null or missing");
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("load-only", equalTo("id,email1"))
			.withQueryParam("first", equalTo("10")));
	}

	@Test
	void anAnswerWithoutAFieldThatIsNeverNullFailsTheStreamNamingTheField() {
		Map<String, Object> broken = new LinkedHashMap<>(
				new ContractSamples(5, false).answer(ContractSamples.entities().get("Opportunity")));
		broken.remove(Opportunity.OWNER_ID);
		server.stubFor(get(urlPathEqualTo(BASE + "/Opportunities")).willReturn(json(page(List.of(broken), null, false))));

		assertThatThrownBy(() -> this.client.streamEntities(Opportunity.COLLECTION, Query.all(), Opportunity.class).blockLast())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("Cannot map entity " + broken.get(Opportunity.ID))
			.hasMessageContaining("owner_id of Opportunity is null or missing");
	}

	private static String one(Map<String, Object> entity) {
		return MAPPER.writeValueAsString(Map.of("success", true, "data", entity));
	}

	private static String page(List<? extends Map<String, ?>> entities, @Nullable String endCursor, boolean more) {
		Map<String, Object> pageInfo = new LinkedHashMap<>();
		pageInfo.put("start_cursor", (endCursor != null) ? "WyIwMSJd" : null);
		pageInfo.put("end_cursor", endCursor);
		pageInfo.put("has_previous_page", false);
		pageInfo.put("has_next_page", more);
		return MAPPER.writeValueAsString(Map.of("success", true, "total", 3, "page_info", pageInfo, "data", entities));
	}

	private static ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
