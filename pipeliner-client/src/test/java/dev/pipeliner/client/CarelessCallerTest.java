package dev.pipeliner.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a careless caller passes fails at once, before any I/O, with a short
 * {@link IllegalArgumentException} that echoes no secret.
 */
class CarelessCallerTest extends WireMockTestSupport {

	private static final String HUGE = "x".repeat(100_000);

	@AfterEach
	void nothingWasSent() {
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.attacker.example", "http://127.0.0.1.attacker.example:8080",
			"http://localhost.attacker.example", "http://0x7f.example", "http://[::2]" })
	void plainHttpIsAllowedOnlyToALoopbackAddress(String url) {
		assertThatThrownBy(() -> builder(url).build()).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("url")
			.hasMessageContaining("plain http");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9000", "http://[::1]:8080" })
	void plainHttpToLoopbackIsAccepted(String url) {
		assertThat(builder(url).build()).isNotNull();
	}

	static Stream<String[]> badCredentials() {
		return Stream.of(new String[] { "tok:en", "pa55w0rd-x", "apiToken" },
				new String[] { "token\n", "pa55w0rd-x", "apiToken" }, new String[] { "tok\u0000en", "pa55w0rd-x", "apiToken" },
				new String[] { "token", "pa55\rw0rd", "apiPassword" }, new String[] { "token", "pa55\u007fw0rd", "apiPassword" });
	}

	@ParameterizedTest
	@MethodSource("badCredentials")
	void credentialsThatBasicAuthCannotCarryAreRefused(String token, String password, String argument) {
		Throwable built = catchThrowable(() -> clientBuilder().credentials(token, password).build());
		Throwable derived = catchThrowable(() -> this.client.withCredentials(token, password));
		for (Throwable thrown : new Throwable[] { built, derived }) {
			assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(argument);
			assertThat(thrown.getMessage()).doesNotContain(token).doesNotContain(password);
		}
	}

	@Test
	void aPasswordMayHoldAColon() {
		assertThat(clientBuilder().credentials("token", "pa:ss").build()).isNotNull();
	}

	@Test
	void messagesNeverEchoTheUserInfoOfAUrl() {
		for (String url : new String[] { "ftp://user:s3cr3t@eu.pipelinersales.com", "https://user:s3cr3t@eu.pipelinersales.com",
				"http://user:s3cr3t@eu.pipelinersales.com/x?y=1", "https://user:s3cr3t@eu.pipelinersales.com/a b",
				"https://user:s3cr3t@eu pipelinersales.com" }) {
			assertThatThrownBy(() -> builder(url).build()).isInstanceOf(IllegalArgumentException.class)
				.satisfies((ex) -> {
					for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
						assertThat(cause.getMessage()).doesNotContain("s3cr3t");
					}
				});
		}
	}

	@Test
	void messagesAboutHugeArgumentsAreShort() {
		Throwable[] thrown = { catchThrowable(() -> this.client.getEntity("Contacts", HUGE + "/")),
				catchThrowable(() -> this.client.getEntities(HUGE + "?", Query.all())),
				catchThrowable(() -> this.client.getEntities("Contacts", Query.filter(Filter.eq("NAME", HUGE + "|")))),
				catchThrowable(() -> Query.parse("nope=" + HUGE)),
				catchThrowable(() -> builder("https://" + HUGE + " .example").build()),
				catchThrowable(() -> this.client.withTeamPipeline(HUGE + "/")) };
		for (Throwable ex : thrown) {
			assertThat(ex).isInstanceOf(IllegalArgumentException.class);
			assertThat(ex.getMessage()).hasSizeLessThan(1_000);
		}
	}

	@Test
	void datesBeyondTheWireFormatAreRefused() {
		assertThatThrownBy(() -> Query.all().modifiedAfter(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("modifiedAfter");
		assertThatThrownBy(() -> Query.all().modifiedAfter(Instant.MIN)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("modifiedAfter");
	}

	@Test
	void aMapThatContainsItselfIsRefused() {
		Map<String, Object> data = new HashMap<>();
		data.put("NAME", "loop");
		data.put("SELF", data);
		assertThatThrownBy(() -> this.client.setEntity("Contacts", data)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("data");
	}

	@Test
	void dataWithoutFieldsIsRefused() {
		assertThatThrownBy(() -> this.client.setEntity("Contacts", new Object())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("data");
		assertThatThrownBy(() -> this.client.setEntity("Contacts", Map.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("data");
		assertThatThrownBy(() -> this.client.setEntity("Contacts", "{}")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("data");
		assertThatThrownBy(() -> this.client.setEntities("Contacts", java.util.List.of(Map.of("A", 1), Map.of())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("items[1]");
	}

	@Test
	void numbersThatDoNotFitAreRefused() {
		assertThatThrownBy(() -> Query.of(Map.of("limit", 4294967295L))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("limit");
		assertThatThrownBy(() -> Query.of(Map.of("limit", 2.9))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("limit");
		assertThatThrownBy(() -> Query.of(Map.of("offset", "99999999999"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("offset");
		assertThat(Query.of(Map.of("limit", 5.0)).getLimit()).isEqualTo(5);
	}

	@Test
	void hugeBackoffsAndOffsetsDoNotOverflow() {
		RetryPolicy huge = new RetryPolicy(60, Duration.ofSeconds(Long.MAX_VALUE / 2), Duration.ofSeconds(Long.MAX_VALUE),
				0.5, Duration.ofSeconds(Long.MAX_VALUE));
		for (int retry = 1; retry < 60; retry++) {
			assertThat(huge.delayBefore(retry, Duration.ofSeconds(Long.MAX_VALUE))).isPositive();
		}
		assertThatThrownBy(() -> this.client.streamEntities("Contacts", Query.all()).byPage(-1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.client.streamEntities("Contacts", Query.all().limit(10)).byPage(Long.MAX_VALUE - 1)).isNotNull();
	}

	private static PipelinerClientBuilder builder(String url) {
		return PipelinerClient.builder().url(url).teamPipeline("eu_x").credentials("t", "p");
	}

}
