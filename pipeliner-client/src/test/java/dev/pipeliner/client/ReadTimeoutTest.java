package dev.pipeliner.client;

import java.time.Duration;

import dev.pipeliner.client.error.PipelinerTransportException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read timeout bounds every attempt once its connector is known, whoever built the
 * connector: the client's read timeout takes the place of one set on a Reactor Netty connector.
 */
class ReadTimeoutTest extends WireMockTestSupport {

	@Test
	void aSlowAnswerAfterTheFirstCallFailsAtTheReadTimeout() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}").withFixedDelay(5000)));
		PipelinerClient impatient = clientBuilder().readTimeout(Duration.ofSeconds(1)).retry(RetryPolicy.NONE).build();

		assertThatThrownBy(() -> impatient.getEntity("Contacts", "PY-1").block(Duration.ofSeconds(10)))
			.isInstanceOf(PipelinerTransportException.class)
			.hasMessageContaining("within PT1S");
	}

	@Test
	void theReadTimeoutTakesThePlaceOfALongerOneOnTheConnector() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}").withFixedDelay(5000)));
		WebClient patientConnector = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(30))))
			.build();
		PipelinerClient impatient = clientBuilder().webClient(patientConnector)
			.readTimeout(Duration.ofSeconds(1))
			.retry(RetryPolicy.NONE)
			.build();
		impatient.getEntityPublic().block(Duration.ofSeconds(10));

		assertThatThrownBy(() -> impatient.getEntity("Contacts", "PY-1").block(Duration.ofSeconds(10)))
			.isInstanceOf(PipelinerTransportException.class)
			.hasMessageContaining("within PT1S");
	}

}
