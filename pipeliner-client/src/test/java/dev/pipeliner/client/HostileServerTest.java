package dev.pipeliner.client;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerRedirectException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a hostile or broken server answers never becomes a wrong success, an untyped exception or
 * a request to another host.
 */
class HostileServerTest extends WireMockTestSupport {

	private final WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort());

	@BeforeEach
	void startElsewhere() {
		this.elsewhere.start();
		this.elsewhere.stubFor(any(anyUrl()).willReturn(json("{\"ID\":\"ELSEWHERE-1\"}").withStatus(201)
			.withHeader("Location", "/Contacts/ELSEWHERE-1")));
		stubEntityPublic();
	}

	@AfterEach
	void stopElsewhere() {
		assertThat(this.elsewhere.getAllServeEvents()).as("requests to another host").isEmpty();
		this.elsewhere.stop();
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void aRedirectIsATypedErrorThatNamesTheLocation(int status) {
		String location = this.elsewhere.baseUrl() + BASE + "/Contacts/PY-1";
		server.stubFor(any(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(aResponse().withStatus(status)
			.withHeader("Location", location)));
		server.stubFor(any(urlPathEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(status)
			.withHeader("Location", location)));
		for (Mono<?> call : new Mono<?>[] { this.client.getEntity("Contacts", "PY-1"),
				this.client.setEntity("Contacts", Map.of("FIRST_NAME", "Ann")),
				this.client.setEntity("Contacts", Map.of("ID", "PY-1", "FIRST_NAME", "Ann")) }) {
			assertThatThrownBy(call::block).isInstanceOf(PipelinerRedirectException.class)
				.hasMessageContaining(location)
				.satisfies((ex) -> assertThat(((PipelinerRedirectException) ex).getLocation()).hasToString(location));
		}
	}

	@Test
	void theCallTimeoutBoundsTheEntityNameLookupToo() {
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).willReturn(json(ENTITY_PUBLIC).withFixedDelay(1200)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}").withFixedDelay(1200)));
		PipelinerClient bounded = clientBuilder().callTimeout(Duration.ofSeconds(2)).build();
		assertThatThrownBy(() -> bounded.getEntity("Contacts", "PY-1").block()).isInstanceOf(PipelinerTransportException.class)
			.hasMessageContaining("PT2S");
	}

	@Test
	void aWideEntityInAPageIsRead() {
		String wide = "w".repeat(600_000);
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[{\"ID\":\"PY-1\",\"NOTE\":\"" + wide + "\"}]")
			.withHeader("Content-Range", "items 0-0/1")));
		assertThat(this.client.getEntities("Contacts", Query.all()).block().items().get(0).getString("NOTE")).hasSize(600_000);
	}

	@Test
	void answersBeyondTheMaximumSizeAreTypedErrors() {
		String big = "b".repeat(2_000_000);
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\",\"NOTE\":\"" + big + "\"}")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[{\"ID\":\"PY-1\",\"NOTE\":\"" + big + "\"}]")
			.withHeader("Content-Range", "items 0-0/1")));
		server.stubFor(get(urlPathEqualTo(BASE + "/serverAPIUtcDateTime")).willReturn(json("\"" + big + "\"")));
		PipelinerClient small = clientBuilder().maxResponseSize(DataSize.ofMegabytes(1)).build();
		for (Mono<?> call : new Mono<?>[] { small.getEntity("Contacts", "PY-1"), small.getEntities("Contacts", Query.all()),
				small.getServerApiUtcDateTime() }) {
			assertThatThrownBy(call::block).isInstanceOf(PipelinerDecodingException.class).hasMessageContaining("1MB");
		}
		assertThatThrownBy(() -> this.client.getServerApiUtcDateTime().block()).isInstanceOf(PipelinerDecodingException.class);
	}

	@Test
	void aMalformedEntityPublicIsNotCached() {
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).inScenario("names")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json("{\"Contacts\":{\"not\":\"a name\"}}"))
			.willSetStateTo("fixed"));
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic")).inScenario("names")
			.whenScenarioStateIs("fixed")
			.willReturn(json(ENTITY_PUBLIC)));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		assertThatThrownBy(() -> this.client.getEntity("Contact", "PY-1").block()).isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("entityPublic");
		assertThat(this.client.getEntity("Contact", "PY-1").block().id()).isEqualTo("PY-1");
	}

	@Test
	void aDeleteWhoseAnswerWasLostAndIsThenNotFoundWasDeleted() {
		server.stubFor(delete(urlPathEqualTo(BASE + "/Contacts/PY-1")).inScenario("lost")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
			.willSetStateTo("deleted"));
		server.stubFor(delete(urlPathEqualTo(BASE + "/Contacts/PY-1")).inScenario("lost")
			.whenScenarioStateIs("deleted")
			.willReturn(json("{\"errorcode\":404,\"message\":\"not found\"}").withStatus(404)));
		this.client.deleteEntity("Contacts", "PY-1").block();
		server.verify(2, deleteRequestedFor(urlPathEqualTo(BASE + "/Contacts/PY-1")));
	}

	@Test
	void aDeleteOfAMissingEntityIsStillNotFound() {
		server.stubFor(delete(urlPathEqualTo(BASE + "/Contacts/PY-1"))
			.willReturn(json("{\"errorcode\":404,\"message\":\"not found\"}").withStatus(404)));
		assertThatThrownBy(() -> this.client.deleteEntity("Contacts", "PY-1").block())
			.isInstanceOf(dev.pipeliner.client.error.PipelinerNotFoundException.class);
	}

	@Test
	void aLoginPageInPlaceOfAnAnswerIsADecodingError() {
		String page = "<html><body><form>Sign in</form></body></html>";
		server.stubFor(put(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html").withBody(page)));
		server.stubFor(delete(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html").withBody(page)));
		assertThatThrownBy(() -> this.client.setEntity("Contacts", Map.of("ID", "PY-1", "A", 1)).block())
			.isInstanceOf(PipelinerDecodingException.class);
		assertThatThrownBy(() -> this.client.deleteEntity("Contacts", "PY-1").block())
			.isInstanceOf(PipelinerDecodingException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", BASE + "/Contacts/", BASE + "/Contacts", "http://other.example" + BASE + "/Contacts/PY-9",
			BASE + "/Accounts/PY-9", BASE + "/Contacts/PY-9/extra" })
	void aCreateAnsweredWithAnOddLocationIsRefused(String location) {
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", location)));
		assertThatThrownBy(() -> this.client.setEntity("Contacts", Map.of("A", 1)).block())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("Location");
	}

	@Test
	void aCreateAnsweredWithARelativeOrAbsoluteLocationGivesTheId() {
		server.stubFor(post(urlPathEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", server.baseUrl() + BASE + "/Contacts/PY-9")));
		assertThat(this.client.setEntity("Contacts", Map.of("A", 1)).block()).isEqualTo("PY-9");
	}

	@Test
	void aRetryAfterTooLargeToParseIsNotAnImmediateRetry() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(aResponse().withStatus(503)
			.withHeader("Retry-After", "99999999999999999999999")));
		assertThatThrownBy(() -> this.client.getEntity("Contacts", "PY-1").block()).isInstanceOf(PipelinerServerException.class);
		server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(BASE + "/Contacts/PY-1")));
	}

	@Test
	void exceptionMessagesShowNoFilterValues() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(404)));
		assertThatThrownBy(() -> this.client.getEntities("Contacts",
				Query.filter(dev.pipeliner.client.query.Filter.eq("EMAIL1", "todd@example.com")).limit(5)).block())
			.isInstanceOfSatisfying(dev.pipeliner.client.error.PipelinerNotFoundException.class, (ex) -> {
				assertThat(ex.getMessage()).doesNotContain("todd").contains("limit=5").contains("filter=REDACTED");
				assertThat(ex.getUri().toString()).contains("todd%40example.com");
			});
	}

	/**
	 * A builder given to the client may carry headers for other services, as default headers,
	 * a default request or a filter: the requests to Pipeliner carry the client's credentials,
	 * {@code User-Agent} and {@code Accept}, once each, and nothing of the builder's in their place.
	 */
	@Test
	void theClientsOwnHeadersWinOverThoseOfAGivenBuilder() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		PipelinerClient client = PipelinerClient.builder()
			.url(server.baseUrl())
			.teamPipeline("eu_Pipeline1")
			.credentials(TOKEN, PASSWORD)
			.webClientBuilder(WebClient.builder()
				.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer for-another-service")
				.defaultRequest((request) -> request.header(HttpHeaders.AUTHORIZATION, "Bearer from-a-default-request")
					.header(HttpHeaders.USER_AGENT, "gateway/1.0")
					.accept(MediaType.ALL))
				.filter((request, next) -> next.exchange(ClientRequest.from(request)
					.header(HttpHeaders.AUTHORIZATION, "Bearer from-a-filter")
					.build())))
			.build();

		client.getEntity("Contacts", "PY-1").block();

		LoggedRequest request = server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Contacts/PY-1"))).get(0);
		assertThat(request.getHeaders().getHeader("Authorization").values()).containsExactly(AUTHORIZATION);
		assertThat(request.getHeaders().getHeader("Accept").values()).containsExactly("application/json");
		assertThat(request.getHeaders().getHeader("User-Agent").values()).singleElement()
			.asString().startsWith("pipeliner-spring-boot-starter/");
	}

	@Test
	void everyRequestNamesTheLibraryInItsUserAgent() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		this.client.getEntity("Contacts", "PY-1").block();
		server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(BASE + "/Contacts/PY-1"))
			.withHeader("User-Agent", matching("pipeliner-spring-boot-starter/\\d[^ ]* .*")));
		server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(BASE + "/entityPublic"))
			.withHeader("User-Agent", matching("pipeliner-spring-boot-starter/.*")));
	}

}
