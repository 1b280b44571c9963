package dev.pipeliner.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server standing in for Pipeliner, and a client pointed at it.
 */
abstract class WireMockTestSupport {

	static final String TOKEN = "api-token-3f9a";

	static final String PASSWORD = "s3cret-Pa55word";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((TOKEN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	static final String BASE = "/rest_services/v1/eu_Pipeline1";

	static final String ENTITY_PUBLIC = """
			{"Accounts":"Account","Contacts":"Contact","Leads":"Lead","Opportunities":"Opportunity",\
			"ExRateLists":"ExchangeRatesList","IntegrationEnvs":"IntegrationEnviroment","Clients":"Client"}""";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	PipelinerClient client;

	@BeforeEach
	void createClient() {
		this.client = clientBuilder().build();
	}

	PipelinerClientBuilder clientBuilder() {
		return PipelinerClient.builder()
			.url(server.baseUrl())
			.teamPipeline("eu_Pipeline1")
			.credentials(TOKEN, PASSWORD)
			.readTimeout(Duration.ofSeconds(5));
	}

	static void stubEntityPublic() {
		server.stubFor(get(urlPathEqualTo(BASE + "/entityPublic"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ENTITY_PUBLIC)));
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
