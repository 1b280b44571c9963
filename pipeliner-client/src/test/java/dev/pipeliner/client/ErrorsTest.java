package dev.pipeliner.client;

import java.time.Duration;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerRateLimitException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorsTest extends WireMockTestSupport {

	@Test
	void aJsonErrorObjectGivesCodeAndMessage() {
		stubEntityPublic();
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-404")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorcode\":1003,\"message\":\"Entity not found\"}")));

		assertThatThrownBy(() -> this.client.getEntity("Contact", "PY-404").block())
			.isInstanceOfSatisfying(PipelinerNotFoundException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(404);
				assertThat(ex.getErrorCode()).isEqualTo(1003);
				assertThat(ex.getServerMessage()).isEqualTo("Entity not found");
				assertThat(ex.getMethod().name()).isEqualTo("GET");
				assertThat(ex.getUri().toString()).isEqualTo(server.baseUrl() + BASE + "/Contacts/PY-404");
				assertThat(ex.getMessage()).contains("404", "1003", "Entity not found")
					.doesNotContain(TOKEN)
					.doesNotContain(PASSWORD);
			});
	}

	@Test
	void aBareJsonStringIsTheMessage() {
		server.stubFor(get(urlEqualTo(BASE + "/errorCodes")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("\"Invalid request\"")));

		assertThatThrownBy(() -> this.client.getErrorCodes().block())
			.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
				assertThat(ex.getServerMessage()).isEqualTo("Invalid request");
				assertThat(ex.getErrorCode()).isNull();
			});
	}

	@Test
	void anHtmlPageFromAProxyIsAClearRetryableServerError() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

		assertThatThrownBy(() -> this.client.getTeamPipelineVersion().block())
			.isInstanceOfSatisfying(PipelinerServerException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(502);
				assertThat(ex.getServerMessage()).isNull();
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void anEmptyErrorBodyStillNamesTheStatus() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(aResponse().withStatus(500)));

		assertThatThrownBy(() -> this.client.getTeamPipelineVersion().block()).isInstanceOf(PipelinerServerException.class)
			.hasMessageContaining("HTTP 500")
			.satisfies((ex) -> assertThat(((PipelinerServerException) ex).isRetryable()).isFalse());
	}

	@Test
	void unauthorizedIsAnAuthenticationError() {
		server.stubFor(get(urlEqualTo(BASE)).willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Basic realm=\"restapi\"")));

		assertThatThrownBy(() -> this.client.getCollections().block())
			.isInstanceOf(PipelinerAuthenticationException.class)
			.hasMessageNotContaining(TOKEN)
			.hasMessageNotContaining(PASSWORD);
	}

	@Test
	void tooManyRequestsCarriesRetryAfter() {
		server.stubFor(get(urlEqualTo(BASE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		assertThatThrownBy(() -> this.client.getCollections().block())
			.isInstanceOfSatisfying(PipelinerRateLimitException.class, (ex) -> {
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void aConflictIsAValidationErrorAndOtherStatusesKeepTheBaseType() {
		server.stubFor(get(urlEqualTo(BASE)).willReturn(aResponse().withStatus(409).withBody("Conflict")));

		assertThatThrownBy(() -> this.client.getCollections().block())
			.isInstanceOfSatisfying(PipelinerApiException.class, (ex) -> assertThat(ex.getServerMessage()).isEqualTo("Conflict"));
	}

	@Test
	void malformedJsonIsADecodingError() {
		server.stubFor(get(urlEqualTo(BASE + "/errorCodes")).willReturn(json("{\"1003\": \"Entity not")));

		assertThatThrownBy(() -> this.client.getErrorCodes().block()).isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("/errorCodes");
	}

	@Test
	void aPageWithoutContentRangeIsADecodingError() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[]")));

		assertThatThrownBy(() -> this.client.getEntities("Contacts", Query.all()).block())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("no Content-Range");
	}

	@Test
	void aPageThatIsNotAnArrayOfObjectsIsADecodingError() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts"))
			.willReturn(json("[\"not-an-object\"]").withHeader("Content-Range", "items 0-0/1")));

		assertThatThrownBy(() -> this.client.getEntities("Contacts", Query.all()).block())
			.isInstanceOf(PipelinerDecodingException.class);
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutIsATransportError() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15").withFixedDelay(2000)));
		PipelinerClient impatient = clientBuilder().readTimeout(Duration.ofMillis(200)).build();

		assertThatThrownBy(() -> impatient.getTeamPipelineVersion().block()).isInstanceOf(PipelinerTransportException.class)
			.hasMessageContaining("within PT0.2S");
	}

	@Test
	void aRefusedConnectionIsATransportError() {
		PipelinerClient nowhere = clientBuilder().url("http://127.0.0.1:1").build();

		assertThatThrownBy(() -> nowhere.getCollections().block()).isInstanceOfSatisfying(PipelinerTransportException.class,
				(ex) -> assertThat(ex.isRetryable()).isTrue());
	}

}
