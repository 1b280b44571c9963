package dev.pipeliner.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.pipeliner.client.observation.DefaultPipelinerObservationConvention;
import dev.pipeliner.client.observation.PipelinerObservationContext;
import dev.pipeliner.client.query.Query;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ObservationTest extends WireMockTestSupport {

	final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	ObservationRegistry registry;

	@BeforeEach
	void recordingRegistry() {
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				ObservationTest.this.stopped.add(context);
			}
		});
		stubEntityPublic();
	}

	@Test
	void eachOperationIsObservedWithItsOutcome() {
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-1")).willReturn(json("{\"ID\":\"PY-1\"}")));
		server.stubFor(get(urlEqualTo(BASE + "/Contacts/PY-2")).willReturn(aResponse().withStatus(404)));
		PipelinerClient client = clientBuilder().observationRegistry(this.registry).build();

		client.getEntity("Contact", "PY-1").block();
		catchThrowable(() -> client.getEntity("Contacts", "PY-2").block());

		assertThat(this.stopped).hasSize(2).allMatch((context) -> context instanceof PipelinerObservationContext);
		Observation.Context success = this.stopped.get(0);
		assertThat(success.getName()).isEqualTo(DefaultPipelinerObservationConvention.NAME);
		assertThat(success.getContextualName()).isEqualTo("pipeliner getEntity");
		assertThat(success.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("operation", "getEntity"),
				KeyValue.of("entity", "Contact"), KeyValue.of("outcome", "success"));
		assertThat(success.getHighCardinalityKeyValues()).contains(KeyValue.of("team.pipeline", "eu_Pipeline1"));
		Observation.Context failure = this.stopped.get(1);
		assertThat(failure.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "not_found"),
				KeyValue.of("entity", "Contacts"));
		assertThat(failure.getError()).isNotNull();
	}

	@Test
	void streamsAndMetadataAreObservedToo() {
		ReadingTest.stubPage("Contacts", 0, 100, 3);
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15")));
		PipelinerClient client = clientBuilder().observationRegistry(this.registry).build();

		client.streamEntities("Contacts", Query.all()).take(1).blockLast();
		client.getTeamPipelineVersion().block();

		assertThat(this.stopped).extracting((context) -> context.getLowCardinalityKeyValue("operation").getValue())
			.containsExactly("streamEntities", "getTeamPipelineVersion");
		assertThat(this.stopped.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("cancelled");
		assertThat(this.stopped.get(1).getLowCardinalityKeyValue("entity").getValue()).isEqualTo("none");
	}

	@Test
	void theConventionCanBeReplaced() {
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(json("[]").withHeader("Content-Range", "items 0--1/0")));
		PipelinerClient client = clientBuilder().observationRegistry(this.registry)
			.observationConvention(new DefaultPipelinerObservationConvention() {
				@Override
				public String getName() {
					return "crm.calls";
				}
			})
			.build();

		client.getEntities("Contacts", Query.all()).block();

		assertThat(this.stopped).extracting(Observation.Context::getName).containsExactly("crm.calls");
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		server.stubFor(get(urlEqualTo(BASE + "/teamPipelineVersion")).willReturn(json("15")));

		this.client.getTeamPipelineVersion().block();
		this.client.setEntities("Contacts", List.of(Map.of("A", 1)));

		assertThat(this.stopped).isEmpty();
	}

}
