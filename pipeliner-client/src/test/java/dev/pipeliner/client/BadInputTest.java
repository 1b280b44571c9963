package dev.pipeliner.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad arguments fail at once with an {@link IllegalArgumentException} naming the argument, and
 * nothing reaches the server.
 */
class BadInputTest extends WireMockTestSupport {

	@AfterEach
	void nothingWasSent() {
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	static Stream<Arguments> calls() {
		return Stream.of(
				arguments("entity", (Call) (c) -> c.getEntity(null, "PY-1")),
				arguments("entity", (Call) (c) -> c.getEntity(" ", "PY-1")),
				arguments("entity", (Call) (c) -> c.getEntities("../x", Query.all())),
				arguments("entity", (Call) (c) -> c.getEntities("Contacts?x=1", Query.all())),
				arguments("entity", (Call) (c) -> c.streamEntities("Contact s", Query.all())),
				arguments("entity", (Call) (c) -> c.getFields("Contacts/1")),
				arguments("id", (Call) (c) -> c.getEntity("Contact", null)),
				arguments("id", (Call) (c) -> c.getEntity("Contact", "")),
				arguments("id", (Call) (c) -> c.getEntity("Contact", "PY-1/../../x")),
				arguments("id", (Call) (c) -> c.deleteEntity("Contact", "..")),
				arguments("data.ID", (Call) (c) -> c.setEntity("Contact", Map.of("ID", "a/b"))),
				arguments("data", (Call) (c) -> c.setEntity("Contact", null)),
				arguments("data", (Call) (c) -> c.setEntity("Contact", "not an object")),
				arguments("query", (Call) (c) -> c.getEntities("Contact", null)),
				arguments("items", (Call) (c) -> c.setEntities("Contact", List.of())),
				arguments("items[1]", (Call) (c) -> c.setEntities("Contact", java.util.Arrays.asList(Map.of("A", 1), null))),
				arguments("ids", (Call) (c) -> c.deleteEntities("Contact", List.of())),
				arguments("ids[1]", (Call) (c) -> c.deleteEntities("Contact", List.of("PY-1", " "))),
				arguments("flags", (Call) (c) -> c.setEntities("Contact", List.of(Map.of("A", 1)), BatchFlag.GET_NO_DELETED_ID)),
				arguments("flags", (Call) (c) -> c.deleteEntities("Contact", List.of("PY-1"), BatchFlag.INSERT_ON_UPDATE)),
				arguments("flags", (Call) (c) -> c.deleteEntities("Contact", List.of("PY-1"), BatchFlag.ROLLBACK_ON_ERROR,
						BatchFlag.IGNORE_ON_ERROR)),
				arguments("value", (Call) (c) -> c.getEntities("Contact", Query.filter(Filter.eq("NAME", "a|b")))),
				arguments("value", (Call) (c) -> c.getEntities("Contact", Query.filter(Filter.eq("NAME", "a::b")))),
				arguments("field", (Call) (c) -> c.getEntities("Contact", Query.filter(Filter.eq("NA|ME", "a")))),
				arguments("limit", (Call) (c) -> c.getEntities("Contact", Query.all().limit(-2))),
				arguments("offset", (Call) (c) -> c.getEntities("Contact", Query.all().offset(-1))),
				arguments("apiToken", (Call) (c) -> c.withCredentials(" ", "x")),
				arguments("apiPassword", (Call) (c) -> c.withCredentials("x", null)),
				arguments("teamPipeline", (Call) (c) -> c.withTeamPipeline("eu/other")));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("calls")
	void failsBeforeSendingAndNamesTheArgument(String argument, Call call) {
		assertThatThrownBy(() -> call.on(this.client)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(argument);
	}

	@Test
	void theBuilderNamesTheMissingSetting() {
		assertIllegal(() -> PipelinerClient.builder().teamPipeline("eu_x").credentials("t", "p").build(), "url");
		assertIllegal(() -> PipelinerClient.builder().url("https://eu.pipelinersales.com").credentials("t", "p").build(),
				"teamPipeline");
		assertIllegal(() -> PipelinerClient.builder().url("https://eu.pipelinersales.com").teamPipeline("eu_x").build(),
				"apiToken");
		assertIllegal(() -> PipelinerClient.builder().url("ftp://eu.pipelinersales.com").teamPipeline("eu_x")
			.credentials("t", "p").build(), "url");
		assertIllegal(() -> PipelinerClient.builder().url("https://user:pw@eu.pipelinersales.com").teamPipeline("eu_x")
			.credentials("t", "p").build(), "url");
		assertIllegal(() -> clientBuilder().pageSize(0), "pageSize");
		assertIllegal(() -> PipelinerClient.builder().url("http://eu.pipelinersales.com").teamPipeline("eu_x")
			.credentials("t", "p").build(), "url");
		assertThat(PipelinerClient.builder().url("http://eu.pipelinersales.com").allowInsecureHttp(true)
			.teamPipeline("eu_x").credentials("t", "p").build()).isNotNull();
		assertThat(PipelinerClient.builder().url("http://127.0.0.1:8080").teamPipeline("eu_x")
			.credentials("t", "p").build()).isNotNull();
		assertIllegal(() -> clientBuilder().readTimeout(java.time.Duration.ZERO), "readTimeout");
	}

	private static void assertIllegal(Executable executable, String argument) {
		assertThatThrownBy(executable::execute).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(argument);
	}

	@FunctionalInterface
	interface Call {

		Object on(PipelinerClient client);

	}

}
