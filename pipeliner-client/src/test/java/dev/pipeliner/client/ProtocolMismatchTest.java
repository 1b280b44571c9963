package dev.pipeliner.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client pointed at a host that does not serve its protocol hears a 404 for the API's own
 * paths: the error says that the protocol or the URL is probably wrong, and names both settings.
 * An error of a lookup names the operation it was made for.
 */
class ProtocolMismatchTest {

	/** What a v1 host, or any host without the v100 API, answers for a v100 path. */
	private static final String[] NOT_V100 = { "<html><body><h1>404 Not Found</h1></body></html>",
			"{\"errorcode\":404,\"message\":\"Not found\"}", "" };

	/** Every operation that needs the entity names first, or reads the API's own paths. */
	static List<Function<PipelinerClient, Mono<?>>> operations() {
		return List.of((client) -> client.getEntity("Contacts", "c-1"), (client) -> client.getEntities("Contacts", Query.all()),
				(client) -> client.streamEntities("Contacts", Query.all()).collectList(),
				(client) -> client.setEntities("Contacts", List.of(Map.of("a", 1))), (client) -> client.getEntityPublic(),
				(client) -> client.getCollections(), (client) -> client.getFields("Contacts"));
	}

	@Test
	void aV100ClientAtAHostWithoutTheV100ApiIsToldTheProtocolOrTheUrlIsWrong() throws Exception {
		for (String body : NOT_V100) {
			try (ScriptedV100Server server = new ScriptedV100Server(new Reply(404, body), (n, request) -> new Reply(404, body))) {
				PipelinerClient client = server.clientBuilder().build();
				for (Function<PipelinerClient, Mono<?>> operation : operations()) {
					assertThatThrownBy(() -> operation.apply(client).block()).as(body)
						.isInstanceOf(PipelinerNotFoundException.class)
						.hasMessageContaining("protocol")
						.hasMessageContaining("pipeliner.protocol")
						.hasMessageContaining("v100")
						.hasMessageContaining(server.url());
				}
			}
		}
	}

	@Test
	void aV1ClientAtAV100HostIsToldTheProtocolOrTheUrlIsWrong() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> new Reply(404,
				"{\"status\":404,\"message\":\"The requested URL was not found on the server.\",\"errorcode\":null,"
						+ "\"traceback\":null}"))) {
			PipelinerClient client = PipelinerClient.builder().url(server.url()).teamPipeline("eu_Pipeline1")
				.credentials("api-token-3f9a", "s3cret-Pa55word").retry(RetryPolicy.NONE).build();
			for (Function<PipelinerClient, Mono<?>> operation : List.<Function<PipelinerClient, Mono<?>>>of(
					(c) -> c.getEntity("Contacts", "PY-1"), PipelinerClient::getEntityPublic, PipelinerClient::getCollections,
					PipelinerClient::getErrorCodes)) {
				assertThatThrownBy(() -> operation.apply(client).block()).isInstanceOf(PipelinerNotFoundException.class)
					.hasMessageContaining("pipeliner.protocol")
					.hasMessageContaining("v1")
					.hasMessageContaining(server.url());
			}
		}
	}

	@Test
	void aSpaceTheServiceDoesNotKnowIsNamedAsSuch() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server(new Reply(404, "{\"code\":404,\"name\":\"ERROR_NOT_FOUND\","
				+ "\"message\":\"Space not found.\",\"http_status\":404,\"success\":false}"), (n, request) -> new Reply(404, ""))) {
			assertThatThrownBy(() -> server.clientBuilder().build().getEntity("Contacts", "c-1").block())
				.isInstanceOf(PipelinerNotFoundException.class)
				.hasMessageContaining("Space not found.")
				.hasMessageContaining("pipeliner.space")
				.hasMessageContaining(ScriptedV100Server.SPACE);
		}
	}

	@Test
	void anEntityThatIsNotFoundIsNotTakenForAMismatch() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> new Reply(404,
				"{\"code\":2006,\"name\":\"ERROR_NOT_FOUND\",\"message\":\"Entity not found.\",\"http_status\":404,"
						+ "\"success\":false}"))) {
			assertThatThrownBy(() -> server.clientBuilder().build().getEntity("Contacts", "c-1").block())
				.isInstanceOf(PipelinerNotFoundException.class)
				.hasMessageContaining("Entity not found.")
				.hasMessageNotContaining("pipeliner.protocol")
				.hasMessageStartingWith("getEntity Contacts: GET");
		}
	}

	@Test
	void aLookupThatIsRefusedNamesTheOperationItWasFor() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server(new Reply(401, "{\"code\":401,\"name\":\"ERROR_UNAUTHORIZED\","
				+ "\"message\":\"Unauthorized.\",\"success\":false}"), (n, request) -> Reply.ok("{}"))) {
			assertThatThrownBy(() -> server.clientBuilder().build().deleteEntity("Contacts", "c-1").block())
				.isInstanceOfSatisfying(PipelinerAuthenticationException.class, (ex) -> {
					assertThat(ex.getOperation()).isEqualTo("deleteEntity Contacts, in the entity-name lookup");
					assertThat(ex.getMessage()).startsWith("deleteEntity Contacts, in the entity-name lookup: GET")
						.contains("/entities/Entities");
					assertThat(ex.getUri().getPath()).endsWith("/entities/Entities");
				});
		}
	}

}
