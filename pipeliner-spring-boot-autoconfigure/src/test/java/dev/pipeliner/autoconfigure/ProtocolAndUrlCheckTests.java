package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose protocol is not the one its URL's data center serves fails at startup, for the
 * default client, a named one and a connection from a bean alike; a URL the lists do not know (a
 * proxy, an emulator) is never an error.
 */
class ProtocolAndUrlCheckTests {

	private static final List<String> UNKNOWN_HOSTS = List.of("http://127.0.0.1:8080", "http://localhost:40123",
			"https://pipeliner-proxy.corp.example", "https://eu.pipelinersales.com.evil.example",
			"https://pipelinersales.com", "https://eu-central.pipelinersales.com", "http://[::1]:9000",
			"https://api.pipelinersales.com");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.allow-insecure-http=true");

	@Test
	void everyDataCenterIsKnownForExactlyOneProtocolWhateverTheCaseOrPathOfTheUrl() {
		for (PipelinerProtocol protocol : PipelinerProtocol.values()) {
			assertThat(protocol.getDataCenters()).isNotEmpty();
			for (String dataCenter : protocol.getDataCenters()) {
				for (String form : List.of(dataCenter, dataCenter + "/", dataCenter.toUpperCase(Locale.ROOT),
						dataCenter + ":443", dataCenter + "/some/path?x=1", " " + dataCenter + " ")) {
					assertThat(PipelinerProtocol.servedAt(form)).as(form).contains(protocol);
				}
			}
		}
		for (String url : UNKNOWN_HOSTS) {
			assertThat(PipelinerProtocol.servedAt(url)).as(url).isEmpty();
		}
		for (String notAUrl : List.of("", "eu.pipelinersales.com", "${PIPELINER_URL}", "https://", "::")) {
			assertThat(PipelinerProtocol.servedAt(notAUrl)).as(notAUrl).isEmpty();
		}
	}

	@Test
	void eachDataCenterWithEachProtocolFailsExactlyWhenTheyDiffer() {
		for (PipelinerProtocol served : PipelinerProtocol.values()) {
			for (String dataCenter : served.getDataCenters()) {
				for (PipelinerProtocol configured : PipelinerProtocol.values()) {
					Problem problem = PipelinerAccountCheck.protocolMismatch(dataCenter, configured, "pipeliner.url",
							"pipeliner.protocol", List.of("pipeliner.url", "pipeliner.protocol"));
					if (served == configured) {
						assertThat(problem).as(dataCenter + " with " + configured).isNull();
					}
					else {
						assertThat(problem).as(dataCenter + " with " + configured).isNotNull();
						assertThat(problem.description()).startsWith("pipeliner.url is " + dataCenter + ", a data center of")
							.contains("but pipeliner.protocol is " + configured.name().toLowerCase(Locale.ROOT));
						assertThat(problem.action()).contains(configured.getDataCenters().get(0))
							.contains("pipeliner.protocol=" + served.name().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		for (String url : UNKNOWN_HOSTS) {
			for (PipelinerProtocol configured : PipelinerProtocol.values()) {
				assertThat(PipelinerAccountCheck.protocolMismatch(url, configured, "pipeliner.url", "pipeliner.protocol",
						List.of())).as(url + " with " + configured).isNull();
			}
		}
	}

	@Test
	void aV100DefaultClientAtAV1DataCenterFailsNamingBothProperties() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://us.pipelinersales.com",
					"pipeliner.space=fr_Myself", "pipeliner.api-token=user", "pipeliner.api-password=password-456")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.properties()).containsExactly("pipeliner.url", "pipeliner.protocol");
					assertThat(problem.description()).contains("https://us.pipelinersales.com", "REST API v1", "v100")
						.doesNotContain("password-456");
				}));
	}

	@Test
	void aNamedClientIsHeldToItsOwnProtocol() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
					"pipeliner.space=fr_Myself", "pipeliner.api-token=user", "pipeliner.api-password=password-456",
					"pipeliner.clients.legacy.url=https://eu.pipelinersales.com",
					"pipeliner.clients.legacy.team-pipeline=eu_Legacy", "pipeliner.clients.legacy.api-token=t",
					"pipeliner.clients.legacy.api-password=p", "pipeliner.clients.wrong.protocol=v100",
					"pipeliner.clients.wrong.url=https://us.pipelinersales.com", "pipeliner.clients.wrong.space=us_Wrong",
					"pipeliner.clients.wrong.api-token=t", "pipeliner.clients.wrong.api-password=p")
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> assertThat(problem.properties()).containsExactly("pipeliner.clients.wrong.url",
						"pipeliner.clients.wrong.protocol")));
	}

	@Test
	void aConnectionDetailsBeanIsHeldToItsProtocolToo() {
		this.contextRunner
			.withBean(PipelinerConnectionDetails.class,
					() -> new V100Details("https://eu.pipelinersales.com", "secret-password"))
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> {
					assertThat(problem.properties()).isEmpty();
					assertThat(problem.description())
						.startsWith("the URL of the PipelinerConnectionDetails bean V100Details[")
						.contains("a data center of the REST API v1, but its protocol is v100")
						.doesNotContain("secret-password");
				}));
	}

	@Test
	void aNamedConnectionFromABeanIsHeldToItsProtocolWithoutQuotingTheBean() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_P",
					"pipeliner.api-token=t", "pipeliner.api-password=p")
			.withBean(PipelinerClientsConnectionDetails.class,
					() -> () -> java.util.Map.of("cloud", new V100Details("https://us.pipelinersales.com", "secret-password")))
			.run((context) -> assertThat(UnresolvedPlaceholderTests.problems(context.getStartupFailure()))
				.singleElement()
				.satisfies((problem) -> assertThat(problem.description())
					.startsWith("the URL of the connection of 'cloud' from the PipelinerClientsConnectionDetails bean (")
					.contains("https://us.pipelinersales.com, a data center of the REST API v1, but its protocol is v100")
					.doesNotContain("V100Details[", "secret-password")));
	}

	@Test
	void unknownHostsStartWithEitherProtocol() {
		List<String> failed = new ArrayList<>();
		for (String url : UNKNOWN_HOSTS) {
			for (String protocol : List.of("v1", "v100")) {
				this.contextRunner
					.withPropertyValues("pipeliner.protocol=" + protocol, "pipeliner.url=" + url, "pipeliner.space=fr_S",
							"pipeliner.team-pipeline=eu_T", "pipeliner.api-token=t", "pipeliner.api-password=p")
					.run((context) -> {
						if (context.getStartupFailure() != null || !context.containsBean("pipelinerClient")) {
							failed.add(url + " with " + protocol + ": " + context.getStartupFailure());
						}
					});
			}
		}
		assertThat(failed).isEmpty();
	}

	@Test
	void aClientWithBothProtocolsRightStarts() {
		this.contextRunner
			.withPropertyValues("pipeliner.protocol=v100", "pipeliner.url=https://eu-central.api.pipelinersales.com",
					"pipeliner.space=fr_Myself", "pipeliner.api-token=user", "pipeliner.api-password=p",
					"pipeliner.clients.legacy.url=https://eu.pipelinersales.com",
					"pipeliner.clients.legacy.team-pipeline=eu_Legacy", "pipeliner.clients.legacy.api-token=t",
					"pipeliner.clients.legacy.api-password=p")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PipelinerClient.class).getProtocol()).isEqualTo(PipelinerProtocol.V100);
				assertThat(context.getBean(PipelinerClients.class).get("legacy").getProtocol())
					.isEqualTo(PipelinerProtocol.V1);
			});
	}

	/** A v100 connection, as an application might write one. */
	record V100Details(String url, String password) implements PipelinerConnectionDetails {

		@Override
		public String getUrl() {
			return this.url;
		}

		@Override
		public @Nullable String getTeamPipeline() {
			return null;
		}

		@Override
		public PipelinerProtocol getProtocol() {
			return PipelinerProtocol.V100;
		}

		@Override
		public String getSpace() {
			return "fr_Myself";
		}

		@Override
		public Credentials getCredentials() {
			return new Credentials("user", this.password);
		}

		@Override
		public String toString() {
			return "V100Details[" + this.url + "]";
		}

	}

}
