package dev.pipeliner.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCenterDiscoveryTest extends WireMockTestSupport {

	@RegisterExtension
	static WireMockExtension dataCenter = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void callsGoToTheDataCenterTheTeamPipelineUrlNamesOnceDiscovered() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineUrl")).willReturn(json("\"" + dataCenter.baseUrl() + "\"")));
		dataCenter.stubFor(get(urlEqualTo(BASE + "/entityPublic")).willReturn(json(ENTITY_PUBLIC)));
		dataCenter.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		PipelinerClient client = clientBuilder().discoverDataCenter(true).build();

		List<Entity> contacts = Flux.range(0, 10).flatMap((i) -> client.getEntity("Contact", "PY-1")).collectList().block();

		assertThat(contacts).hasSize(10);
		server.verify(1, anyRequestedFor(anyUrl()));
		server.verify(getRequestedFor(urlEqualTo(BASE + "/teamPipelineUrl")).withHeader("Authorization", equalTo(AUTHORIZATION)));
		dataCenter.verify(10, getRequestedFor(urlEqualTo(BASE + "/Contacts/PY-1")).withHeader("Authorization",
				equalTo(AUTHORIZATION)));
		assertThat(client.getBaseUrl().toString()).startsWith(server.baseUrl());
	}

	@Test
	void aDiscoveredUrlIsCheckedLikeAConfiguredOne() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineUrl")).willReturn(json("\"http://eu2.pipelinersales.com\"")));

		assertThatThrownBy(() -> clientBuilder().discoverDataCenter(true).build().getCollections().block())
			.isInstanceOf(PipelinerDecodingException.class)
			.hasMessageContaining("Data-center discovery")
			.hasMessageContaining("plain http");
	}

	@Test
	void withoutDiscoveryTheConfiguredUrlIsUsed() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15")));

		assertThat(this.client.getTeamPipelineVersion().block()).isEqualTo(15);
		server.verify(0, getRequestedFor(urlEqualTo(BASE + "/teamPipelineUrl")));
	}

}
