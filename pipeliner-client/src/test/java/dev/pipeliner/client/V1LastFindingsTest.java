package dev.pipeliner.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a v1 server answers never leaves a wrong name map cached, an untyped exception, or an
 * error Reactor has to drop after the call ended.
 */
class V1LastFindingsTest extends WireMockTestSupport {

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	@BeforeEach
	void catchDroppedErrors() {
		Hooks.onErrorDropped(this.dropped::add);
	}

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void anEntityPublicOfNamesThatAreNotIdentifiersIsRefusedAndNotCached() {
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).inScenario("names")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json("{\"message\":\"Service temporarily unavailable\"}"))
			.willSetStateTo("up"));
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).inScenario("names")
			.whenScenarioStateIs("up")
			.willReturn(json(ENTITY_PUBLIC)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		assertThatThrownBy(() -> this.client.getEntity("Contact", "PY-1").block()).isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("entityPublic");
		assertThat(this.client.getEntity("Contact", "PY-1").block().id()).isEqualTo("PY-1");
		server.verify(0, getRequestedFor(urlPathEqualTo(BASE + "/Contact/PY-1")));
	}

	@Test
	void aRetryPolicyWhoseBackoffOverflowsWaitsTypedInsteadOfThrowing() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(aResponse().withStatus(503)));
		RetryPolicy huge = new RetryPolicy(3, Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE), 0.5,
				Duration.ofSeconds(30));
		PipelinerClient patient = clientBuilder().retry(huge).callTimeout(Duration.ofSeconds(1)).build();
		assertThatThrownBy(() -> patient.getEntity("Contacts", "PY-1").block()).isInstanceOf(PipelinerTransportException.class)
			.hasMessageContaining("did not complete within");
		for (int retry = 1; retry < 3; retry++) {
			assertThat(huge.delayBefore(retry, null).toNanos()).isPositive();
		}
		assertThat(this.dropped).isEmpty();
	}

	@Test
	void aPageOfInvalidJsonFailsTypedAndDropsNoError() throws InterruptedException {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[{\"ID\":\"PY-1\"},{\"ID\":")
			.withHeader("Content-Range", "items 0-1/2")));
		assertThatThrownBy(() -> this.client.getEntities("Contacts", Query.all()).block())
			.isInstanceOf(PipelinerDecodingException.class);
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.all()).blockLast())
			.isInstanceOf(PipelinerDecodingException.class);
		server.stubFor(get(urlPathEqualTo(BASE + "/errorCodes")).willReturn(json("{\"1003\": \"Entity not")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\": \"PY-")));
		assertThatThrownBy(() -> this.client.getErrorCodes().block()).isInstanceOf(PipelinerDecodingException.class);
		assertThatThrownBy(() -> this.client.getEntity("Contacts", "PY-1").block()).isInstanceOf(PipelinerDecodingException.class);
		Thread.sleep(300);
		assertThat(this.dropped).isEmpty();
	}

	@Test
	void aFirstRequestThatTimesOutDropsNoError() throws InterruptedException {
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).willReturn(json(ENTITY_PUBLIC).withFixedDelay(1000)));
		server.stubFor(get(urlPathEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15").withFixedDelay(1000)));
		for (int i = 0; i < 6; i++) {
			// each client's first request: the one whose connector is not known yet
			PipelinerClient impatient = clientBuilder().readTimeout(Duration.ofMillis(200)).retry(RetryPolicy.NONE).build();
			assertThatThrownBy(() -> impatient.getTeamPipelineVersion().block()).isInstanceOf(PipelinerTransportException.class);
			PipelinerClient another = clientBuilder().readTimeout(Duration.ofMillis(200)).retry(RetryPolicy.NONE).build();
			assertThatThrownBy(() -> another.getEntity("Contacts", "PY-1").block()).isInstanceOf(PipelinerException.class);
		}
		Thread.sleep(1300);
		assertThat(this.dropped).isEmpty();
	}

	@Test
	void aBatchItemAnsweredWithAnotherIdIsUnknownAndACodeWrittenAsTextIsKept() {
		stubEntityPublic();
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BASE + "/setEntities"))
			.willReturn(json("[\"PY-1\",\"PY-OTHER\",{\"errorcode\":\"117\",\"message\":\"bad\"}]")));
		BatchResult result = this.client.setEntities("Contacts", List.of(java.util.Map.of("ID", "PY-1", "A", 1),
				java.util.Map.of("ID", "PY-2", "A", 1), java.util.Map.of("ID", "PY-3", "A", 1)),
				BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
		assertThat(result.outcomes()).extracting(BatchResult.Outcome::status)
			.containsExactly(BatchResult.Status.SUCCEEDED, BatchResult.Status.UNKNOWN, BatchResult.Status.FAILED);
		assertThat(result.outcomes().get(1).id()).isEqualTo("PY-2");
		assertThat(result.outcomes().get(2).errorCode()).isEqualTo(117);
	}

	@Test
	void anEntityNameLongerThanTheBoundIsRefusedBeforeAnyRequest() {
		assertThatThrownBy(() -> this.client.getEntity("C".repeat(100_000), "PY-1")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("entity")
			.hasMessageContaining("100");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
