package dev.pipeliner.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.PipelinerClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class PipelinerAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class));

	private ApplicationContextRunner configured() {
		return this.contextRunner.withPropertyValues("pipeliner.url=" + server.baseUrl(),
				"pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=token-123",
				"pipeliner.api-password=password-456");
	}

	private static String basic(String token, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((token + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void backsOffWithoutUrl() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PipelinerClient.class));
	}

	@Test
	void createsAClientBoundToTheProperties() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).willReturn(okJson("15")));

		configured().run((context) -> {
			assertThat(context).hasSingleBean(PipelinerClient.class);
			PipelinerClient client = context.getBean(PipelinerClient.class);
			assertThat(client.getTeamPipelineVersion().block()).isEqualTo(15);
		});

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(basic("token-123", "password-456"))));
	}

	@Test
	void eachNamedAccountBecomesAClientInTheRegistry() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Emea/teamPipelineVersion")).willReturn(okJson("14")));

		configured().withPropertyValues("pipeliner.clients.emea.url=" + server.baseUrl(),
				"pipeliner.clients.emea.team-pipeline=eu_Emea", "pipeliner.clients.emea.api-token=emea-token",
				"pipeliner.clients.emea.api-password=emea-password")
			.run((context) -> {
				PipelinerClients clients = context.getBean(PipelinerClients.class);
				assertThat(clients.names()).containsExactly(PipelinerClients.DEFAULT, "emea");
				assertThat(clients.get(PipelinerClients.DEFAULT)).isSameAs(context.getBean(PipelinerClient.class));
				assertThat(clients.get("emea").getTeamPipelineVersion().block()).isEqualTo(14);
				assertThat(clients.toString()).doesNotContain("emea-password");
				assertThat(context.getBean(PipelinerProperties.class).toString()).doesNotContain("emea-password")
					.doesNotContain("emea-token");
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.get("apac"))
					.hasMessageContaining("[default, emea]");
			});

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/eu_Emea/teamPipelineVersion"))
			.withHeader("Authorization", equalTo(basic("emea-token", "emea-password"))));
	}

	@Test
	void aHalfSetNamedAccountFailsNamingItsProperties() {
		configured().withPropertyValues("pipeliner.clients.emea.url=https://eu.pipelinersales.com",
				"pipeliner.clients.emea.team-pipeline=eu_Emea")
			.run((context) -> assertThat(
					findCause(context.getStartupFailure(), PipelinerConfigurationException.class).getProblems())
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.description()).isEqualTo("pipeliner.clients.emea is set, but"
							+ " pipeliner.clients.emea.api-token, pipeliner.clients.emea.api-password are not");
					assertThat(problem.properties()).containsExactly("pipeliner.clients.emea.api-token",
							"pipeliner.clients.emea.api-password");
				}));
		configured().withPropertyValues("pipeliner.clients.emea.url=ftp://x", "pipeliner.clients.emea.team-pipeline=eu_E",
				"pipeliner.clients.emea.api-token=t", "pipeliner.clients.emea.api-password=p")
			.run((context) -> assertThat(
					findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class).getName())
				.isEqualTo("pipeliner.clients.emea.url"));
	}

	@Test
	void aBlockingClientWrapsTheReactiveOne() {
		configured().run((context) -> assertThat(context.getBean(BlockingPipelinerClient.class).reactive())
			.isSameAs(context.getBean(PipelinerClient.class)));
		configured().withUserConfiguration(OwnClientConfiguration.class)
			.run((context) -> assertThat(context.getBean(BlockingPipelinerClient.class).reactive().getTeamPipeline())
				.isEqualTo("us_Own"));
	}

	@Test
	void bindsTimeoutsAndPageSizeWithDefaultsMatchingTheClient() {
		configured().run((context) -> {
			PipelinerProperties defaults = context.getBean(PipelinerProperties.class);
			assertThat(defaults.getConnectTimeout()).isEqualTo(PipelinerClient.DEFAULT_CONNECT_TIMEOUT);
			assertThat(defaults.getReadTimeout()).isEqualTo(PipelinerClient.DEFAULT_READ_TIMEOUT);
			assertThat(defaults.getPageSize()).isEqualTo(PipelinerClient.DEFAULT_PAGE_SIZE);
			assertThat(defaults.getPrefetchPages()).isEqualTo(PipelinerClient.DEFAULT_PREFETCH_PAGES);
			assertThat(defaults.getBatch().getSize()).isEqualTo(PipelinerClient.DEFAULT_BATCH_SIZE);
			assertThat(defaults.getBatch().getConcurrency()).isEqualTo(PipelinerClient.DEFAULT_BATCH_CONCURRENCY);
		});
		configured()
			.withPropertyValues("pipeliner.connect-timeout=2s", "pipeliner.read-timeout=45s", "pipeliner.page-size=500",
					"pipeliner.prefetch-pages=3", "pipeliner.batch.size=250", "pipeliner.batch.concurrency=4",
					"pipeliner.sliced-reads=false")
			.run((context) -> {
				PipelinerProperties properties = context.getBean(PipelinerProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(45));
				assertThat(properties.getPageSize()).isEqualTo(500);
				assertThat(properties.getPrefetchPages()).isEqualTo(3);
				assertThat(properties.isSlicedReads()).isFalse();
				assertThat(properties.getBatch().getSize()).isEqualTo(250);
				assertThat(properties.getBatch().getConcurrency()).isEqualTo(4);
			});
	}

	@Test
	void theReadTimeoutReachesTheClient() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion"))
			.willReturn(okJson("15").withFixedDelay(1500)));

		configured().withPropertyValues("pipeliner.read-timeout=200ms").run((context) -> {
			PipelinerClient client = context.getBean(PipelinerClient.class);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getTeamPipelineVersion().block())
				.hasMessageContaining("within PT0.2S");
		});
	}

	@Test
	void aClientOfTheApplicationWins() {
		configured().withUserConfiguration(OwnClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PipelinerClient.class);
			assertThat(context.getBean(PipelinerClient.class).getTeamPipeline()).isEqualTo("us_Own");
		});
	}

	@Test
	void customizersRunInOrderAfterTheProperties() {
		configured().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(PipelinerClient.class).getTeamPipeline()).isEqualTo("eu_Second");
			assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first", "second");
		});
	}

	@Test
	void webClientCustomizersReachTheClientsRequests() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).willReturn(okJson("15")));

		configured().withUserConfiguration(WebClientCustomizerConfiguration.class).run((context) -> {
			context.getBean(PipelinerClient.class).getTeamPipelineVersion().block();
		});

		server.verify(getRequestedFor(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion"))
			.withHeader("X-Request-Source", equalTo("billing-sync")));
	}

	@Test
	void operationsAreObservedWithTheirHttpRequestsAsChildren() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).willReturn(okJson("15")));
		List<Observation.Context> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}
		});

		configured().withBean(ObservationRegistry.class, () -> registry)
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
					org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration.class))
			.run((context) -> context.getBean(PipelinerClient.class).getTeamPipelineVersion().block());

		Observation.Context operation = stopped.stream()
			.filter((context) -> context.getName().equals("pipeliner.client.operation"))
			.findFirst()
			.orElseThrow();
		Observation.Context http = stopped.stream()
			.filter((context) -> context.getName().equals("http.client.requests"))
			.findFirst()
			.orElseThrow();
		assertThat(operation.getLowCardinalityKeyValue("operation").getValue()).isEqualTo("getTeamPipelineVersion");
		assertThat(http.getParentObservation().getContextView()).isSameAs(operation);
	}

	@Test
	void aHalfSetConfigurationFailsWithAnAnalysisNamingTheMissingProperties() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.api-token=token-123")
			.run((context) -> {
				assertThat(context).hasFailed();
				PipelinerConfigurationException cause = findCause(context.getStartupFailure(),
						PipelinerConfigurationException.class);
				assertThat(cause.getProblems()).singleElement()
					.satisfies((problem) -> assertThat(problem.properties()).containsExactly("pipeliner.team-pipeline",
							"pipeliner.api-password"));
				FailureAnalysis analysis = new PipelinerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("pipeliner.team-pipeline", "pipeliner.api-password")
					.doesNotContain("token-123");
				assertThat(analysis.getAction()).contains("Set pipeliner.team-pipeline, pipeliner.api-password");
			});
	}

	@Test
	void theFailureAnalyzerIsRegistered() throws Exception {
		try (InputStream factories = getClass().getResourceAsStream("/META-INF/spring.factories")) {
			assertThat(new String(factories.readAllBytes(), StandardCharsets.UTF_8))
				.contains(PipelinerConfigurationFailureAnalyzer.class.getName(),
						PipelinerClientNotConfiguredFailureAnalyzer.class.getName());
		}
	}

	@Test
	void aMalformedUrlFailsNamingTheProperty() {
		configured().withPropertyValues("pipeliner.url=ftp://eu.pipelinersales.com").run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException cause = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(cause.getName()).isEqualTo("pipeliner.url");
			assertThat(cause.getMessage()).doesNotContain("password-456");
		});
	}

	@Test
	void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
		configured().withPropertyValues("pipeliner.url=http://eu.pipelinersales.com").run((context) -> {
			InvalidConfigurationPropertyValueException cause = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(cause.getName()).isEqualTo("pipeliner.url");
			assertThat(cause.getMessage()).contains("pipeliner.allow-insecure-http");
		});
		configured().withPropertyValues("pipeliner.url=http://eu.pipelinersales.com", "pipeliner.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasSingleBean(PipelinerClient.class));
	}

	@Test
	void dataCenterDiscoveryReachesTheClient() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineUrl"))
			.willReturn(okJson("\"" + server.baseUrl() + "\"")));
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).willReturn(okJson("15")));

		configured().withPropertyValues("pipeliner.discover-data-center=true")
			.run((context) -> assertThat(context.getBean(PipelinerClient.class).getTeamPipelineVersion().block()).isEqualTo(15));

		server.verify(1, getRequestedFor(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineUrl")));
	}

	@Test
	void aBadPageSizeFailsNamingTheProperty() {
		configured().withPropertyValues("pipeliner.page-size=0").run((context) -> {
			assertThat(findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class).getName())
				.isEqualTo("pipeliner.page-size");
		});
	}

	@Test
	void aBadBatchSizeFailsNamingTheProperty() {
		configured().withPropertyValues("pipeliner.batch.concurrency=0").run((context) -> {
			assertThat(findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class).getName())
				.isEqualTo("pipeliner.batch.concurrency");
		});
	}

	@Test
	void retrySettingsBindAndABadOneFailsNamingTheProperty() {
		configured().withPropertyValues("pipeliner.retry.max-attempts=5", "pipeliner.retry.initial-backoff=50ms",
				"pipeliner.retry.max-backoff=1s", "pipeliner.retry.jitter=0.2", "pipeliner.retry.max-retry-after=10s",
				"pipeliner.call-timeout=20s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PipelinerProperties properties = context.getBean(PipelinerProperties.class);
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(50));
				assertThat(properties.getRetry().getJitter()).isEqualTo(0.2);
				assertThat(properties.getCallTimeout()).isEqualTo(Duration.ofSeconds(20));
			});
		configured().withPropertyValues("pipeliner.retry.jitter=1.5").run((context) -> assertThat(
				findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class).getName())
			.isEqualTo("pipeliner.retry.jitter"));
	}

	@Test
	void retriesReachTheClient() {
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).inScenario("retry")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503))
			.willSetStateTo("up"));
		server.stubFor(get(urlEqualTo("/rest_services/v1/eu_Pipeline1/teamPipelineVersion")).inScenario("retry")
			.whenScenarioStateIs("up")
			.willReturn(okJson("15")));

		configured().withPropertyValues("pipeliner.retry.initial-backoff=10ms").run((context) -> assertThat(
				context.getBean(PipelinerClient.class).getTeamPipelineVersion().block()).isEqualTo(15));
		configured().withPropertyValues("pipeliner.retry.max-attempts=1").run((context) -> {
			server.resetScenarios();
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> context.getBean(PipelinerClient.class).getTeamPipelineVersion().block())
				.hasMessageContaining("503");
		});
	}

	@Test
	void propertiesToStringHidesTheCredentials() {
		configured().run((context) -> assertThat(context.getBean(PipelinerProperties.class).toString())
			.contains("eu_Pipeline1")
			.doesNotContain("token-123")
			.doesNotContain("password-456"));
	}

	@Test
	void everyPropertyHasADescriptionInTheMetadata() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode json = JsonMapper.builder().build().readTree(metadata);
			List<String> names = new ArrayList<>();
			for (JsonNode property : json.get("properties")) {
				names.add(property.get("name").asString());
				assertThat(property.path("description").asString("")).as(property.get("name").asString()).isNotBlank();
			}
			assertThat(names).contains("pipeliner.url", "pipeliner.team-pipeline", "pipeliner.api-token",
					"pipeliner.api-password", "pipeliner.connect-timeout", "pipeliner.read-timeout", "pipeliner.page-size",
					"pipeliner.prefetch-pages", "pipeliner.sliced-reads", "pipeliner.call-timeout", "pipeliner.clients", "pipeliner.retry.max-attempts", "pipeliner.batch.size", "pipeliner.batch.concurrency");
		}
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		@Bean
		PipelinerClient ownClient() {
			return PipelinerClient.builder()
				.url("https://us.pipelinersales.com")
				.teamPipeline("us_Own")
				.credentials("own", "own")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		PipelinerClientCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.teamPipeline("eu_Second");
			};
		}

		@Bean
		@Order(1)
		PipelinerClientCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.teamPipeline("eu_First");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientCustomizerConfiguration {

		@Bean
		WebClientCustomizer sourceHeader() {
			return (builder) -> builder.defaultHeader("X-Request-Source", "billing-sync");
		}

	}

}
