package dev.pipeliner.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityNamesAndScopesTest extends WireMockTestSupport {

	@Test
	void singularAndPluralNamesReachTheSameCollection() {
		stubEntityPublic();
		server.stubFor(get(urlEqualTo(BASE + "/Opportunities/PY-O1")).willReturn(json("{\"ID\":\"PY-O1\"}")));

		for (String name : List.of("Opportunity", "Opportunities", "opportunity")) {
			assertThat(this.client.getEntity(name, "PY-O1").block().id()).isEqualTo("PY-O1");
		}
		server.verify(3, getRequestedFor(urlEqualTo(BASE + "/Opportunities/PY-O1")));
	}

	@Test
	void irregularPluralsComeFromEntityPublicNotFromARule() {
		stubEntityPublic();
		server.stubFor(get(urlPathEqualTo(BASE + "/IntegrationEnvs"))
			.willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));

		this.client.getEntities("IntegrationEnviroment", Query.all()).block();

		server.verify(getRequestedFor(urlPathEqualTo(BASE + "/IntegrationEnvs")));
	}

	@Test
	void entityPublicIsFetchedOnceUnderConcurrentFirstUse() {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic"))
			.willReturn(json(ENTITY_PUBLIC).withFixedDelay(200)));
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));

		List<Entity> all = Flux.range(0, 20)
			.flatMap((i) -> this.client.getEntity((i % 2 == 0) ? "Contact" : "Contacts", "PY-1"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(all).hasSize(20);
		server.verify(1, getRequestedFor(urlEqualTo(BASE + "/entityPublic")));
	}

	/**
	 * Calls that waited for the first lookup go on from Reactor's scheduler, not from the event
	 * loop that received the lookup's answer: the connections they open would all belong to that
	 * one loop, and every later call on them would share its one thread.
	 */
	@Test
	void callsThatWaitedForTheLookupAreNotSentFromTheEventLoopThatAnsweredIt() {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic"))
			.willReturn(json(ENTITY_PUBLIC).withFixedDelay(200)));
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		Set<String> lookupAnsweredOn = ConcurrentHashMap.newKeySet();
		Set<String> sentFrom = ConcurrentHashMap.newKeySet();
		PipelinerClient watched = clientBuilder().webClientBuilder(WebClient.builder().filter((request, next) -> {
			if (request.url().getPath().endsWith("/entityPublic")) {
				return next.exchange(request).doOnNext((response) -> lookupAnsweredOn.add(Thread.currentThread().getName()));
			}
			sentFrom.add(Thread.currentThread().getName());
			return next.exchange(request);
		})).build();

		List<Entity> all = Flux.range(0, 16)
			.flatMap((i) -> watched.getEntity("Contacts", "PY-1"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(all).hasSize(16);
		assertThat(lookupAnsweredOn).hasSize(1);
		assertThat(sentFrom).isNotEmpty().doesNotContainAnyElementsOf(lookupAnsweredOn);
	}

	@Test
	void aFailedEntityPublicIsNotCached() {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).inScenario("flaky")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(json(ENTITY_PUBLIC)));

		PipelinerClient once = clientBuilder().retry(RetryPolicy.NONE).build();

		assertThatThrownBy(() -> once.getEntityPublic().block()).hasMessageContaining("503");
		assertThat(once.getEntityPublic().block()).containsEntry("Contacts", "Contact");
	}

	@Test
	void anUnknownEntityNameGoesToTheServerAsWrittenWhichAnswersNotFound() {
		stubEntityPublic();
		server.stubFor(get(urlEqualTo(BASE + "/Widgets/PY-1"))
			.willReturn(json("{\"errorcode\":404,\"message\":\"unknown entity\"}").withStatus(404)));

		assertThatThrownBy(() -> this.client.getEntity("Widgets", "PY-1").block())
			.isInstanceOf(dev.pipeliner.client.error.PipelinerNotFoundException.class)
			.hasMessageContaining("unknown entity");
		assertThat(server.getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
			.containsExactlyInAnyOrder(BASE + "/entityPublic", BASE + "/Widgets/PY-1");
	}

	@Test
	void withCredentialsReturnsANewClientAndLeavesThisOneAlone() {
		stubEntityPublic();
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		PipelinerClient other = this.client.withCredentials("other-token", "other-password");

		other.getEntity("Contact", "PY-1").block();
		this.client.getEntity("Contact", "PY-1").block();

		String otherAuthorization = "Basic "
				+ Base64.getEncoder().encodeToString("other-token:other-password".getBytes(StandardCharsets.UTF_8));
		server.verify(1, getRequestedFor(urlEqualTo(BASE + "/Contacts/PY-1")).withHeader("Authorization", equalTo(otherAuthorization)));
		server.verify(1, getRequestedFor(urlEqualTo(BASE + "/Contacts/PY-1")).withHeader("Authorization", equalTo(AUTHORIZATION)));
		assertThat(other).isNotSameAs(this.client);
	}

	@Test
	void withTeamPipelineTargetsAnotherBase() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/us_Other/teamPipelineVersion")).willReturn(json("14")));

		PipelinerClient other = this.client.withTeamPipeline("us_Other");

		assertThat(other.getTeamPipelineVersion().block()).isEqualTo(14);
		assertThat(other.getTeamPipeline()).isEqualTo("us_Other");
		assertThat(this.client.getTeamPipeline()).isEqualTo("eu_Pipeline1");
		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/us_Other/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(AUTHORIZATION)));
	}

	@Test
	void toStringNeverShowsCredentials() {
		assertThat(this.client.toString()).contains("eu_Pipeline1").doesNotContain(TOKEN).doesNotContain(PASSWORD);
	}

}
