package dev.pipeliner.client;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every setting the builder refuses is named in the exception as data, whatever its message
 * says, so that a configuration layer can report it under its own name.
 */
class InvalidSettingTest {

	static Stream<Arguments> refusedSettings() {
		return Stream.of(
				refused("url", (builder) -> builder.url("https://user:secret@eu.pipelinersales.com")),
				refused("url", (builder) -> builder.url("not a url")),
				refused("url", (builder) -> builder.url("http://pipeliner.example.com")),
				refused("url", (builder) -> builder.url((String) null)),
				refused("teamPipeline", (builder) -> builder.teamPipeline("eu my pipeline")),
				refused("space", (builder) -> builder.protocol(PipelinerProtocol.V100).space("fr/Myself")),
				refused("discoverDataCenter",
						(builder) -> builder.protocol(PipelinerProtocol.V100).space("fr_Myself").discoverDataCenter(true)),
				refused("credentials", (builder) -> builder.credentials("to:ken", "password")),
				refused("protocol", (builder) -> builder.protocol(null)),
				refused("jsonMapper", (builder) -> builder.jsonMapper(null)),
				refused("readTimeout", (builder) -> builder.readTimeout(Duration.ZERO)),
				refused("callTimeout", (builder) -> builder.callTimeout(Duration.ofSeconds(-1))),
				refused("connectTimeout", (builder) -> builder.connectTimeout(null)),
				refused("maxResponseSize", (builder) -> builder.maxResponseSize(DataSize.ofBytes(10))),
				refused("pageSize", (builder) -> builder.pageSize(0)),
				refused("prefetchPages", (builder) -> builder.prefetchPages(0)),
				refused("maxPagesInFlight", (builder) -> builder.maxPagesInFlight(-1)),
				refused("batchSize", (builder) -> builder.batchSize(0)),
				refused("batchConcurrency", (builder) -> builder.batchConcurrency(0)),
				refused("maxAttempts", (builder) -> builder.retry(new RetryPolicy(0, Duration.ofMillis(1),
						Duration.ofMillis(1), 0, Duration.ofMillis(1)))),
				refused("jitter", (builder) -> builder.retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
						2, Duration.ofMillis(1)))),
				refused("maxRetryAfter", (builder) -> builder.retry(new RetryPolicy(1, Duration.ofMillis(1),
						Duration.ofMillis(1), 0, Duration.ZERO))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedSettings")
	void theRefusedSettingIsNamedAsData(String setting, Consumer<PipelinerClientBuilder> configure) {
		PipelinerClientBuilder builder = PipelinerClient.builder()
			.url("https://eu.pipelinersales.com")
			.teamPipeline("eu_myPipeline")
			.credentials("token", "password");

		InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class, () -> {
			configure.accept(builder);
			builder.build();
		});

		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.getSetting()).isEqualTo(setting);
		assertThat(refused.getMessage()).doesNotContain("secret", "to:ken");
	}

	private static Arguments refused(String setting, Consumer<PipelinerClientBuilder> configure) {
		return Arguments.of(setting, configure);
	}

}
