package dev.pipeliner.autoconfigure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping entities onto the application's own types uses the application's {@code JsonMapper},
 * its modules and {@code spring.jackson.*}; the wire format is decoded by the client's own mapper,
 * which no application setting changes.
 */
class ApplicationJacksonTests {

	static WireMockServer server;

	/** A type only the application knows how to read: {@code "12.50 EUR"}. */
	record Money(String amount, String currency) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Deal(@JsonProperty("ID") String id, @JsonProperty("VALUE") Money value) {
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withUserConfiguration(MoneyModule.class);

	@BeforeAll
	static void start() {
		server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		server.stubFor(get(urlPathEqualTo("/rest_services/v1/eu_Pipeline1/entityPublic"))
			.willReturn(okJson("{\"Opportunities\":\"Opportunity\"}")));
		server.stubFor(get(urlPathEqualTo("/rest_services/v1/eu_Pipeline1/Opportunities/PY-1"))
			.willReturn(okJson("{\"ID\":\"PY-1\",\"VALUE\":\"12.50 EUR\",\"IS_WON\":1,\"UNKNOWN_TO_THE_APP\":true}")));
		server.stubFor(get(urlPathEqualTo("/rest_services/v1/eu_Pipeline1/Opportunities"))
			.willReturn(okJson("[{\"ID\":\"PY-1\",\"VALUE\":\"12.50 EUR\"}]").withHeader("Content-Range", "items 0-0/1")));
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void theApplicationsModulesMapEntitiesOntoItsTypes() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=t", "pipeliner.api-password=p")
			.run((context) -> {
				PipelinerClient client = context.getBean(PipelinerClient.class);
				Deal deal = client.getEntity("Opportunity", "PY-1", Deal.class).block();
				assertThat(deal.value()).isEqualTo(new Money("12.50", "EUR"));
				assertThat(client.getEntities("Opportunities", Query.all(), Deal.class).block().items())
					.extracting(Deal::value)
					.containsExactly(new Money("12.50", "EUR"));
			});
	}

	@Test
	void theApplicationsSettingsNeverBreakTheWireFormat() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
					"pipeliner.api-token=t", "pipeliner.api-password=p",
					"spring.jackson.deserialization.fail-on-unknown-properties=true",
					"spring.jackson.deserialization.fail-on-null-for-primitives=true",
					"spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> {
				PipelinerClient client = context.getBean(PipelinerClient.class);
				Entity entity = client.getEntity("Opportunity", "PY-1").block();
				assertThat(entity.getString("VALUE")).isEqualTo("12.50 EUR");
				assertThat(entity.getBoolean("IS_WON")).isTrue();
				assertThat(client.getEntityPublic().block()).containsEntry("Opportunities", "Opportunity");
				assertThat(client.getEntities("Opportunities", Query.all()).block().total()).isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class MoneyModule {

		@Bean
		JacksonModule moneyModule() {
			return new SimpleModule("money").addDeserializer(Money.class, new ValueDeserializer<>() {
				@Override
				public Money deserialize(JsonParser parser, DeserializationContext context) {
					String[] parts = parser.getString().split(" ");
					return new Money(parts[0], parts[1]);
				}
			});
		}

	}

}
