package dev.pipeliner.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.error.PipelinerValidationException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritingTest extends WireMockTestSupport {

	record NewAccount(@JsonProperty("ORGANIZATION") String organization, @JsonProperty("OWNER_ID") long ownerId,
			@JsonProperty("SALES_UNIT_ID") long salesUnitId) {
	}

	@Test
	void setEntityCreatesWithPostAndReadsTheIdFromLocation() {
		stubEntityPublic();
		server.stubFor(post(urlEqualTo(BASE + "/Accounts")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", server.baseUrl() + BASE + "/Accounts/PY-7FFFFFFF-NEW-1")));

		String id = this.client.setEntity("Account", new NewAccount("Acme Ltd", 1534, 0)).block();

		assertThat(id).isEqualTo("PY-7FFFFFFF-NEW-1");
		server.verify(postRequestedFor(urlEqualTo(BASE + "/Accounts")).withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"ORGANIZATION\":\"Acme Ltd\",\"OWNER_ID\":1534,\"SALES_UNIT_ID\":0}")));
	}

	@Test
	void setEntityWithAnIdIsAPartialUpdate() {
		stubEntityPublic();
		server.stubFor(put(urlEqualTo(BASE + "/Contacts/PY-7FFFFFFF-C1")).willReturn(aResponse().withStatus(200)));
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("ID", "PY-7FFFFFFF-C1");
		change.put("EMAIL1", "new@example.com");

		assertThat(this.client.setEntity("Contact", change).block()).isEqualTo("PY-7FFFFFFF-C1");

		server.verify(putRequestedFor(urlEqualTo(BASE + "/Contacts/PY-7FFFFFFF-C1"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"ID\":\"PY-7FFFFFFF-C1\",\"EMAIL1\":\"new@example.com\"}")));
	}

	@Test
	void setEntityReportsAValidationError() {
		stubEntityPublic();
		server.stubFor(post(urlEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorcode\":1401,\"message\":\"Required field OWNER_ID is missing\"}")));

		assertThatThrownBy(() -> this.client.setEntity("Contacts", Map.of("FIRST_NAME", "Ann")).block())
			.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(422);
				assertThat(ex.getErrorCode()).isEqualTo(1401);
				assertThat(ex.getServerMessage()).isEqualTo("Required field OWNER_ID is missing");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void deleteEntitySendsDelete() {
		stubEntityPublic();
		server.stubFor(delete(urlEqualTo(BASE + "/Leads/PY-7FFFFFFF-L1")).willReturn(aResponse().withStatus(200)));

		this.client.deleteEntity("Lead", "PY-7FFFFFFF-L1").block();

		server.verify(deleteRequestedFor(urlEqualTo(BASE + "/Leads/PY-7FFFFFFF-L1")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
	}

	@Test
	void setEntitiesSendsTheSingularNameAndFlagsAndReadsErrorsInPlace() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(json("""
				["PY-7FFFFFFF-N1",{"errorcode":1401,"message":"Required field OWNER_ID is missing"},"PY-7FFFFFFF-U3"]""")));

		BatchResult result = this.client
			.setEntities("Contacts",
					List.of(Map.of("FIRST_NAME", "Ann", "OWNER_ID", 1), Map.of("FIRST_NAME", "Bob"),
							Map.of("ID", "PY-7FFFFFFF-U3", "EMAIL1", "c@example.com")),
					BatchFlag.IGNORE_ON_ERROR, BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();

		assertThat(result.size()).isEqualTo(3);
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(result.ids()).containsExactly("PY-7FFFFFFF-N1", "PY-7FFFFFFF-U3");
		BatchResult.Outcome failure = result.failures().get(0);
		assertThat(failure.index()).isEqualTo(1);
		assertThat(failure.errorCode()).isEqualTo(1401);
		assertThat(failure.message()).isEqualTo("Required field OWNER_ID is missing");
		server.verify(postRequestedFor(urlEqualTo(BASE + "/setEntities?entityName=Contact&flag=9"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					[{"FIRST_NAME":"Ann","OWNER_ID":1},{"FIRST_NAME":"Bob"},
					 {"ID":"PY-7FFFFFFF-U3","EMAIL1":"c@example.com"}]""")));
	}

	@Test
	void setEntitiesWithoutFlagsLeavesTheFlagOut() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(json("[\"PY-1\",\"PY-2\"]")));

		BatchResult result = this.client
			.setEntities("Opportunity", List.of(Map.of("OPPORTUNITY_NAME", "A"), Map.of("OPPORTUNITY_NAME", "B")))
			.block();

		assertThat(result.allSucceeded()).isTrue();
		assertThat(result.ids()).containsExactly("PY-1", "PY-2");
		server.verify(postRequestedFor(urlEqualTo(BASE + "/setEntities?entityName=Opportunity")));
	}

	@Test
	void setEntitiesWhoseAnswerDoesNotLineUpReportsUnknownOutcomes() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(json("[\"PY-U2\"]")));

		BatchResult result = this.client
			.setEntities("Contact", List.of(Map.of("FIRST_NAME", "New"), Map.of("ID", "PY-U2", "FIRST_NAME", "Old")),
					BatchFlag.IGNORE_ON_ERROR)
			.block();

		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status).containsExactly(Status.UNKNOWN, Status.SUCCEEDED);
		assertThat(result.outcomes().get(1).id()).isEqualTo("PY-U2");
	}

	@Test
	void deleteEntitiesWithGetNoDeletedIdReportsTheIdsNotDeleted() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/deleteEntities")).willReturn(json("[\"PY-2\"]")));

		BatchResult result = this.client
			.deleteEntities("Accounts", List.of("PY-1", "PY-2", "PY-3"), BatchFlag.IGNORE_ON_ERROR,
					BatchFlag.GET_NO_DELETED_ID)
			.block();

		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::id).containsExactly("PY-1", "PY-2", "PY-3");
		server.verify(postRequestedFor(urlEqualTo(BASE + "/deleteEntities?entityName=Account&flag=5"))
			.withHeader("Authorization", equalTo(AUTHORIZATION))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("[\"PY-1\",\"PY-2\",\"PY-3\"]")));
	}

	@Test
	void deleteEntitiesInOrderWithAnEmptyAnswerAllSucceed() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/deleteEntities")).willReturn(aResponse().withStatus(200)));

		BatchResult result = this.client.deleteEntities("Account", List.of("PY-1", "PY-2")).block();

		assertThat(result.allSucceeded()).isTrue();
		assertThat(result.ids()).containsExactly("PY-1", "PY-2");
	}

	@Test
	void rollbackBatchFailureIsAnError() {
		stubEntityPublic();
		server.stubFor(post(urlPathEqualTo(BASE + "/setEntities")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorcode\":1210,\"message\":\"Item 2: invalid value for EMAIL1\"}")));

		assertThatThrownBy(() -> this.client.setEntities("Contact", List.of(Map.of("EMAIL1", "x"))).block())
			.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(1210));
	}

}
