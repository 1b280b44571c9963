package dev.pipeliner.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerUnsupportedOperationException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every v100 request at the wire, and answers shaped as the v100 OpenAPI document and the
 * service's captured answers show them.
 */
class V100WireTest {

	static final String USER = "app-user-9c1";

	static final String PASSWORD = "app-Pa55word";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	static final String BASE = "/api/v100/rest/spaces/fr_Myself/entities";

	static final String ENTITIES_PAGE_1 = """
			{"success":true,"total":3,"page_info":{"start_cursor":"WyIwMSJd","end_cursor":"WyIwMiJd",\
			"has_previous_page":false,"has_next_page":true},"data":[\
			{"id":"00000000-0000-0001-0000-000000000001","name_singular":"Account","name_plural":"Accounts","entity_type":1},\
			{"id":"00000000-0000-0001-0000-000000000002","name_singular":"Contact","name_plural":"Contacts","entity_type":1}]}""";

	static final String ENTITIES_PAGE_2 = """
			{"success":true,"total":3,"page_info":{"start_cursor":"WyIwMyJd","end_cursor":"WyIwMyJd",\
			"has_previous_page":true,"has_next_page":false},"data":[\
			{"id":"00000000-0000-0001-0000-000000000003","name_singular":"Project","name_plural":"Projects","entity_type":2}]}""";

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
		server.stubFor(get(urlPathEqualTo(BASE + "/Entities")).withQueryParam("after", absent())
			.willReturn(json(ENTITIES_PAGE_1)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Entities")).withQueryParam("after", equalTo("WyIwMiJd"))
			.willReturn(json(ENTITIES_PAGE_2)));
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	static String contact(int i) {
		return "{\"id\":\"00000000-0000-0000-0000-00000000000" + i + "\",\"first_name\":\"Ann" + i + "\","
				+ "\"owner\":\"https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/fr_Myself/entities/Clients/"
				+ "00000000-0000-0000-0000-000000008e97\",\"modified\":\"2023-03-23 14:20:54.529536+00:00\","
				+ "\"is_archived\":false}";
	}

	@Test
	void getEntitiesSendsTheQueryAsV100ParametersAndReadsTheListAnswer() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("{\"success\":true,\"total\":42,"
				+ "\"page_info\":{\"start_cursor\":\"WyIwMSJd\",\"end_cursor\":\"WyIwMiJd\",\"has_previous_page\":false,"
				+ "\"has_next_page\":true},\"data\":[" + contact(1) + "," + contact(2) + "]}")));
		Query query = Query.filter(Filter.eq("first_name", "Todd").and(Filter.of("email1", FilterOperator.ICONTAINS, "@acme"))
			.and(Filter.between("revision", 3, 9)))
			.sort(Sort.asc("last_name").thenDesc("modified"))
			.limit(2)
			.loadOnly("id", "first_name")
			.expand("owner")
			.includeDeleted(true);

		EntityPage<Entity> page = this.client.getEntities("Contact", query).block();

		assertThat(page.items()).extracting(Entity::id)
			.containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
		assertThat(page.total()).isEqualTo(42);
		assertThat(page.continuationToken()).isEqualTo("2:WyIwMiJd");
		assertThat(page.items().get(0).getDateTime("modified")).isEqualTo(Instant.parse("2023-03-23T14:20:54.529536Z"));
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Accept", equalTo("application/json"))
			.withQueryParam("first", equalTo("2"))
			.withQueryParam("filter[first_name]", equalTo("Todd"))
			.withQueryParam("filter-op[first_name]", absent())
			.withQueryParam("filter[email1]", equalTo("@acme"))
			.withQueryParam("filter-op[email1]", equalTo("icontains"))
			.withQueryParam("filter[revision]", equalTo("3,9"))
			.withQueryParam("filter-op[revision]", equalTo("between"))
			.withQueryParam("order-by", equalTo("last_name,-modified"))
			.withQueryParam("load-only", equalTo("id,first_name"))
			.withQueryParam("expand", equalTo("owner"))
			.withQueryParam("include-deleted", equalTo("true")));
	}

	@Test
	void aStreamFollowsCursorsAndStopsOnHasNextPageFalseEvenWithACursor() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("after", absent()).willReturn(json(
				"{\"success\":true,\"total\":3,\"page_info\":{\"start_cursor\":\"A\",\"end_cursor\":\"B\","
						+ "\"has_previous_page\":false,\"has_next_page\":true},\"data\":[" + contact(1) + "," + contact(2) + "]}")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("after", equalTo("B")).willReturn(json(
				"{\"success\":true,\"total\":3,\"page_info\":{\"start_cursor\":\"C\",\"end_cursor\":\"C\","
						+ "\"has_previous_page\":true,\"has_next_page\":false},\"data\":[" + contact(3) + "]}")));

		List<EntityPage<Entity>> pages = this.client.streamEntities("Contacts", Query.filter(Filter.eq("first_name", "Ann")))
			.byPage()
			.collectList()
			.block();

		assertThat(pages).hasSize(2);
		assertThat(pages.get(0).continuationToken()).isEqualTo("2:B");
		assertThat(pages.get(1).continuationToken()).isNull();
		assertThat(pages.get(1).start()).isEqualTo(2);
		assertThat(pages.stream().flatMap((page) -> page.items().stream()).map(Entity::id))
			.containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002",
					"00000000-0000-0000-0000-000000000003");
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withQueryParam("first", equalTo("100"))
			.withQueryParam("filter[first_name]", equalTo("Ann")));
		assertThat(this.client.streamEntities("Contacts", Query.all()).byPage("B").blockLast().items()).hasSize(1);
		EntityPage<Entity> resumed = this.client.streamEntities("Contacts", Query.all()).byPage("2:B").blockLast();
		assertThat(resumed.start()).isEqualTo(2);
		assertThat(resumed.items()).hasSize(1);
		int requests = server.getAllServeEvents().size();
		assertThat(this.client.streamEntities("Contacts", Query.all().limit(2)).byPage("2:B").collectList().block())
			.as("a resumed read whose limit is reached reads nothing")
			.isEmpty();
		assertThat(server.getAllServeEvents()).hasSize(requests);
	}

	@Test
	void aServerThatRepeatsACursorFailsTheStream() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json(
				"{\"success\":true,\"page_info\":{\"end_cursor\":\"SAME\",\"has_next_page\":true},\"data\":[" + contact(1) + "]}")));
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.all()).blockLast())
			.isInstanceOf(dev.pipeliner.client.error.PipelinerDecodingException.class)
			.hasMessageContaining("SAME");
	}

	@Test
	void endlessEmptyPagesThatClaimMoreFailTheStreamAndARepeatedCursorTheNameLookup() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json(
				"{\"success\":true,\"page_info\":{\"end_cursor\":\"C{{randomValue length=8 type='ALPHANUMERIC'}}\","
						+ "\"has_next_page\":true},\"data\":[]}").withTransformers("response-template")));
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.all()).blockLast())
			.isInstanceOf(dev.pipeliner.client.error.PipelinerDecodingException.class)
			.hasMessageContaining("empty pages in a row");
		server.verify(dev.pipeliner.client.internal.paging.CursorPaging.MAX_EMPTY_PAGES + 1,
				getRequestedFor(urlPathEqualTo(BASE + "/Contacts")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Entities")).willReturn(json(
				"{\"success\":true,\"page_info\":{\"end_cursor\":\"SAME\",\"has_next_page\":true},\"data\":["
						+ "{\"name_singular\":\"Contact\",\"name_plural\":\"Contacts\"}]}")));
		PipelinerClient fresh = this.client.withCredentials(USER, PASSWORD);
		assertThatThrownBy(() -> fresh.getEntityPublic().block())
			.isInstanceOf(dev.pipeliner.client.error.PipelinerDecodingException.class)
			.hasMessageContaining("SAME");
	}

	@Test
	void aRawQueryReadAsAStreamMustNotSetTheV100PagingParameters() {
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.raw("first=5&filter[name]=x")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("first");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void createPostsAndReadsTheCreatedEntityAndUpdatePatches() {
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("{\"success\":true,\"data\":" + contact(7) + "}")
			.withStatus(201)));
		server.stubFor(patch(urlPathEqualTo(BASE + "/Contacts/00000000-0000-0000-0000-000000000007"))
			.willReturn(json("{\"success\":true,\"data\":" + contact(7) + "}")));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("first_name", "Ann");
		data.put("is_archived", true);
		data.put("modified", Instant.parse("2024-05-06T14:00:02.5Z"));

		assertThat(this.client.setEntity("Contacts", data).block()).isEqualTo("00000000-0000-0000-0000-000000000007");
		data.put("id", "00000000-0000-0000-0000-000000000007");
		assertThat(this.client.setEntity("Contact", data).block()).isEqualTo("00000000-0000-0000-0000-000000000007");

		server.verify(postRequestedFor(urlPathEqualTo(BASE + "/Contacts")).withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Content-Type", matching("application/json.*"))
			.withRequestBody(equalToJson("{\"first_name\":\"Ann\",\"is_archived\":true,"
					+ "\"modified\":\"2024-05-06 14:00:02.500000+00:00\"}")));
		server.verify(patchRequestedFor(urlPathEqualTo(BASE + "/Contacts/00000000-0000-0000-0000-000000000007"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withRequestBody(equalToJson("{\"id\":\"00000000-0000-0000-0000-000000000007\",\"first_name\":\"Ann\","
					+ "\"is_archived\":true,\"modified\":\"2024-05-06 14:00:02.500000+00:00\"}")));
	}

	@Test
	void deleteSendsDeleteAndReadsTheIdAnswer() {
		server.stubFor(delete(urlPathEqualTo(BASE + "/Contacts/0190978c-d6d1-de35-3f6d-7cf0a0e264db"))
			.willReturn(json("{\"success\": true, \"data\": \"0190978c-d6d1-de35-3f6d-7cf0a0e264db\"}")));
		this.client.deleteEntity("Contacts", "0190978c-d6d1-de35-3f6d-7cf0a0e264db").block();
		server.verify(deleteRequestedFor(urlPathEqualTo(BASE + "/Contacts/0190978c-d6d1-de35-3f6d-7cf0a0e264db"))
			.withHeader("Authorization", equalTo(AUTHORIZATION)));
	}

	@Test
	void batchesMapFlagsAndReadOneOutcomePerItemInOrder() {
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts/batch-modify")).willReturn(json("""
				{"success":true,"data":["00000000-0000-0000-0000-000000000001",
				 {"code":40000,"name":"ERROR_ENTITY_VALIDATION","message":"Non-null field 'owner_id' is null or empty.",
				  "field_errors":[{"field_name":"owner_id","code":40002,"errors":[{"code":119,
				  "message":"Non-null field 'owner_id' is null or empty."}]}],"entity_index":1,"http_status":422,"success":false}]}""")));
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts/batch-delete"))
			.willReturn(json("{\"success\":true,\"data\":[\"00000000-0000-0000-0000-000000000001\"]}")));

		BatchResult result = this.client.setEntities("Contact", List.of(Map.of("first_name", "A"), Map.of("first_name", "B")),
				BatchFlag.IGNORE_AND_RETURN_ERRORS, BatchFlag.VALIDATE_ONLY_UPDATED_FIELDS).block();
		BatchResult deleted = this.client.deleteEntities("Contacts", List.of("00000000-0000-0000-0000-000000000001")).block();

		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(BatchResult.Status.SUCCEEDED, BatchResult.Status.FAILED);
		assertThat(result.outcomes().get(1).errorCode()).isEqualTo(40000);
		assertThat(result.outcomes().get(1).message()).contains("owner_id");
		assertThat(deleted.outcomes()).extracting(BatchResult.Outcome::status).containsExactly(BatchResult.Status.SUCCEEDED);
		server.verify(postRequestedFor(urlPathEqualTo(BASE + "/Contacts/batch-modify"))
			.withQueryParam("rollback-method", equalTo("1"))
			.withQueryParam("validation-level", equalTo("2"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withRequestBody(equalToJson("[{\"first_name\":\"A\"},{\"first_name\":\"B\"}]")));
		server.verify(postRequestedFor(urlPathEqualTo(BASE + "/Contacts/batch-delete"))
			.withQueryParam("rollback-method", absent())
			.withRequestBody(equalToJson("[\"00000000-0000-0000-0000-000000000001\"]")));
	}

	@Test
	void bothErrorShapesParseAndA422ExposesItsFieldErrors() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/00000000-0000-0000-0000-000000000009")).willReturn(json(
				"{\"code\": 2006, \"name\": \"ERROR_NOT_FOUND\", \"message\": \"Entity not found.\", \"http_status\": 404,"
						+ " \"success\": false}").withStatus(404)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Projects/00000000-0000-0000-0000-000000000009")).willReturn(json(
				"{\"status\": 404, \"message\": \"The requested URL was not found on the server.\", \"errorcode\": null,"
						+ " \"traceback\": null}").withStatus(404)));
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("""
				{"code": 40000, "name": "ERROR_ENTITY_VALIDATION", "message": "\\nNon-null field 'note' is null or empty.",
				 "entity_id": "01909781-5963-26bc-28ff-747e10a79a52", "entity_name": "Note",
				 "entity_errors": [{"code": 119, "name": "ERROR_PARAMETER_MISSING", "message": "Non-null field 'note' is null or empty."}],
				 "field_errors": [{"field_id": "200398aa-3921-0557-9bda-bb8f3e529a57", "field_name": "owner_id",
				   "name": "ERROR_FIELD_VALIDATION", "code": 40002,
				   "errors": [{"code": 119, "name": "ERROR_PARAMETER_MISSING", "message": "Non-null field 'owner' is null or empty.",
				     "field_id": "200398aa-3921-0557-9bda-bb8f3e529a57", "field_name": "owner_id"}]}],
				 "step_checklist_errors": [], "entity_index": null, "http_status": 422, "success": false}""").withStatus(422)));

		assertThatThrownBy(() -> this.client.getEntity("Contacts", "00000000-0000-0000-0000-000000000009").block())
			.isInstanceOf(PipelinerNotFoundException.class)
			.hasMessageContaining("Entity not found");
		assertThatThrownBy(() -> this.client.getEntity("Project", "00000000-0000-0000-0000-000000000009").block())
			.isInstanceOf(PipelinerNotFoundException.class)
			.hasMessageContaining("requested URL was not found");
		assertThatThrownBy(() -> this.client.setEntity("Contacts", Map.of("first_name", "Ann")).block())
			.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(40000);
				assertThat(ex.getFieldErrors()).containsEntry("owner_id", List.of("Non-null field 'owner' is null or empty."));
			});
	}

	@Test
	void namesComeFromTheEntitiesCollectionOnceAndIncludeCustomEntities() {
		assertThat(this.client.getEntityPublic().block()).containsEntry("Projects", "Project");
		assertThat(this.client.getEntityPublic().block()).containsEntry("Contacts", "Contact");
		server.stubFor(get(urlPathEqualTo(BASE + "/Projects/p-1")).willReturn(json("{\"success\":true,\"data\":{\"id\":\"p-1\"}}")));
		assertThat(this.client.getEntity("Project", "p-1").block().id()).isEqualTo("p-1");
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Entities")).withHeader("Authorization", equalTo(AUTHORIZATION))
			.withQueryParam("first", equalTo("100")));
	}

	@Test
	void collectionsAreThePluralsOfTheEntitiesCollectionReadOnce() {
		assertThat(this.client.getCollections().block()).containsExactly("Accounts", "Contacts", "Projects");
		assertThat(this.client.getCollections().block()).containsExactly("Accounts", "Contacts", "Projects");
		assertThat(this.client.getEntityPublic().block()).hasSize(3);
		server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Entities")));
	}

	@Test
	void fieldsComeFromTheFieldsCollectionFilteredByEntity() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Fields")).willReturn(json("""
				{"success":true,"page_info":{"has_next_page":false},"data":[
				 {"id":"f1","entity_name":"Contact","api_name":"first_name","name":"First name","type_id":"input",
				  "system_required":false,"system_readonly":false,"is_unique":false,"default_value":null},
				 {"id":"f2","entity_name":"Contact","api_name":"cf_rating","name":"Rating","type_id":"integer",
				  "system_required":true,"system_readonly":false,"is_unique":false,"default_value":"3"}]}""")));
		List<FieldInfo> fields = this.client.getFields("Contacts").block();
		assertThat(fields).extracting(FieldInfo::apiName).containsExactly("first_name", "cf_rating");
		assertThat(fields.get(1).custom()).isTrue();
		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/Fields")).withQueryParam("filter[entity_name]", equalTo("Contact")));
	}

	@Test
	void whatV100LacksFailsTypedAndSendsNothing() {
		for (reactor.core.publisher.Mono<?> call : List.of(this.client.getErrorCodes(), this.client.getServerApiUtcDateTime(),
				this.client.getTeamPipelineUrl(), this.client.getTeamPipelineVersion())) {
			assertThatThrownBy(call::block).isInstanceOf(PipelinerUnsupportedOperationException.class).hasMessageContaining("v100");
		}
		assertThatThrownBy(() -> this.client.getEntities("Contacts", Query.all().offset(10))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("offset");
		assertThatThrownBy(() -> this.client.getEntities("Contacts", Query.all().limit(500))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("100");
		assertThatThrownBy(() -> this.client.setEntities("Contacts", List.of(Map.of("a", 1)), BatchFlag.INSERT_ON_UPDATE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("INSERT_ON_UPDATE");
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.all()).byPage(10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void theV1ClientRefusesWhatOnlyV100CanExpress() {
		PipelinerClient v1 = PipelinerClient.builder()
			.url(server.baseUrl())
			.teamPipeline("eu_x")
			.credentials("t", "p")
			.build();
		assertThatThrownBy(() -> v1.getEntities("Contacts", Query.filter(Filter.ieq("NAME", "x"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("IEQ")
			.hasMessageContaining("v1");
		assertThatThrownBy(() -> v1.getEntities("Contacts", Query.all().expand("owner")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("v100");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
