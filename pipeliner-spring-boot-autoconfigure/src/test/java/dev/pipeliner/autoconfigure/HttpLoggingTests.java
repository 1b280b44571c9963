package dev.pipeliner.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class HttpLoggingTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String BASE = "/rest_services/v1/eu_Pipeline1";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.url=" + server.baseUrl(), "pipeliner.team-pipeline=eu_Pipeline1",
				"pipeliner.api-token=token-123", "pipeliner.api-password=password-456");

	private void exchange(String... properties) {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).willReturn(okJson("{\"Contacts\":\"Contact\"}")));
		server.stubFor(post(urlEqualTo(BASE + "/Contacts")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", server.baseUrl() + BASE + "/Contacts/PY-9")
			.withHeader("X-Session-Cookie", "session-secret")));
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> context.getBean(PipelinerClient.class)
				.setEntity("Contact", Map.of("SURNAME", "Secretive"))
				.block());
	}

	@Test
	void nothingIsLoggedByDefault(CapturedOutput output) {
		exchange();

		assertThat(output).doesNotContain("--> POST");
	}

	@Test
	void basicLogsTheRequestLineStatusAndTime(CapturedOutput output) {
		exchange("pipeliner.logging.level=basic");

		assertThat(output).contains("--> POST " + server.baseUrl() + BASE + "/Contacts")
			.containsPattern("<-- 201 POST .*/Contacts \\(\\d+ ms\\)")
			.doesNotContain("Location:")
			.doesNotContain("Secretive");
	}

	@Test
	void headersAreLoggedByAllowListWithAuthorizationAlwaysRedacted(CapturedOutput output) {
		exchange("pipeliner.logging.level=headers", "pipeliner.logging.allowed-headers=Authorization");

		String basic = Base64.getEncoder().encodeToString("token-123:password-456".getBytes(StandardCharsets.UTF_8));
		assertThat(output).contains("Authorization: REDACTED", "Location: " + server.baseUrl(), "X-Session-Cookie: REDACTED")
			.doesNotContain(basic)
			.doesNotContain("session-secret")
			.doesNotContain("password-456")
			.doesNotContain("Secretive");
	}

	@Test
	void bodiesAreLoggedOnlyWhenAskedAndWithAWarning(CapturedOutput output) {
		exchange("pipeliner.logging.level=body");

		assertThat(output).contains("WARN", "HTTP logging shows request and response bodies")
			.contains("body: {\"SURNAME\":\"Secretive\"}")
			.contains("body: {\"Contacts\":\"Contact\"}")
			.doesNotContain("password-456");
	}

	@Test
	void eachBodyIsLoggedOnce(CapturedOutput output) {
		exchange("pipeliner.logging.level=body");

		assertThat(count(output.toString(), "<-- GET " + server.baseUrl() + BASE + "/entityPublic body: ")).isOne();
		assertThat(count(output.toString(), "--> POST " + server.baseUrl() + BASE + "/Contacts body: ")).isOne();
	}

	@Test
	void queryParameterValuesAreLoggedOnlyForAllowedNames(CapturedOutput output) {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).willReturn(okJson("{\"Contacts\":\"Contact\"}")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(okJson("[]")
			.withHeader("Content-Range", "items 0-0/0")));

		this.contextRunner.withPropertyValues("pipeliner.logging.level=basic")
			.run((context) -> context.getBean(PipelinerClient.class)
				.getEntities("Contacts", Query.filter(Filter.eq("EMAIL1", "ada@example.com")).limit(5))
				.block());

		assertThat(output).contains("--> GET " + server.baseUrl() + BASE + "/Contacts?")
			.contains("limit=5")
			.contains("filter=REDACTED")
			.doesNotContain("ada@example.com")
			.doesNotContain("ada%40example.com");
	}

	@Test
	void allowedQueryParametersCanBeReplaced(CapturedOutput output) {
		server.stubFor(get(urlEqualTo(BASE + "/entityPublic")).willReturn(okJson("{\"Contacts\":\"Contact\"}")));
		server.stubFor(get(urlPathEqualTo(BASE + "/Contacts")).willReturn(okJson("[]")
			.withHeader("Content-Range", "items 0-0/0")));

		this.contextRunner
			.withPropertyValues("pipeliner.logging.level=basic", "pipeliner.logging.allowed-query-params=filter")
			.run((context) -> context.getBean(PipelinerClient.class)
				.getEntities("Contacts", Query.filter(Filter.eq("SURNAME", "Lovelace")).limit(5))
				.block());

		assertThat(output).contains("Lovelace").contains("limit=REDACTED");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
