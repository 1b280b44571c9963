package dev.pipeliner.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerValidationException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * v100 errors carry everything the server said, as data: its code, name and message, the field
 * and entity errors of a validation in both their shapes, the item a batch failed on, also in an
 * answer {@code 200} with {@code success: false}.
 */
class V100ErrorsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FIELD_ERRORS_LIST = """
			[{"field_id":"f-1","field_name":"email1","name":"ERROR_FIELD_VALIDATION","code":40002,
			  "errors":[{"code":119,"name":"ERROR_PARAMETER_INVALID","message":"Invalid e-mail."}]},
			 {"field_id":"f-2","field_name":"last_name","name":"ERROR_FIELD_VALIDATION","code":40002,
			  "errors":[{"code":119,"message":"Non-null field 'last_name' is null or empty."}]}]""";

	private static final String FIELD_ERRORS_MAP = """
			{"email1":["Invalid e-mail."],"last_name":"Non-null field 'last_name' is null or empty."}""";

	private static String validation(String fieldErrors, String entityIndex) {
		return "{\"code\":40000,\"name\":\"ERROR_ENTITY_VALIDATION\",\"message\":\"Entity is not valid.\","
				+ "\"entity_id\":null,\"entity_name\":\"Contact\",\"entity_errors\":[{\"code\":40001,"
				+ "\"name\":\"ERROR_ENTITY_ALREADY_EXISTS\",\"message\":\"Contact with this e-mail already exists.\"}],"
				+ "\"field_errors\":" + fieldErrors + ",\"step_checklist_errors\":[],\"entity_index\":" + entityIndex
				+ ",\"http_status\":422,\"success\":false}";
	}

	@Test
	void fieldErrorsInEitherShapeAndEntityErrorsReachTheCaller() throws Exception {
		for (String shape : new String[] { FIELD_ERRORS_LIST, FIELD_ERRORS_MAP }) {
			try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> new Reply(422, validation(shape, "null")))) {
				assertThatThrownBy(() -> server.clientBuilder().build().setEntity("Contacts", Map.of("email1", "x")).block())
					.as(shape)
					.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
						assertThat(ex.getStatus()).isEqualTo(422);
						assertThat(ex.getErrorCode()).isEqualTo(40000);
						assertThat(ex.getErrorName()).isEqualTo("ERROR_ENTITY_VALIDATION");
						assertThat(ex.getServerMessage()).isEqualTo("Entity is not valid.");
						assertThat(ex.getFieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of("email1",
								List.of("Invalid e-mail."), "last_name", List.of("Non-null field 'last_name' is null or empty.")));
						assertThat(ex.getEntityErrors()).containsExactly("Contact with this e-mail already exists.");
						assertThat(ex.getEntityIndex()).isNull();
						assertThat(ex.getMessage()).contains("already exists").contains("email1").contains("Invalid e-mail.");
					});
			}
		}
	}

	/** Every call whose answer is {@code 200} with {@code success: false}. */
	static List<Function<PipelinerClient, Mono<?>>> calls() {
		return List.of((client) -> client.getEntity("Contacts", "c-1"), (client) -> client.getEntities("Contacts", Query.all()),
				(client) -> client.streamEntities("Contacts", Query.all()).collectList(),
				(client) -> client.setEntity("Contacts", Map.of("first_name", "Ann")),
				(client) -> client.setEntity("Contacts", Map.of("id", "c-1", "first_name", "Ann")),
				(client) -> client.deleteEntity("Contacts", "c-1"),
				(client) -> client.setEntities("Contacts", List.of(Map.of("first_name", "Ann"))),
				(client) -> client.deleteEntities("Contacts", List.of("c-1")), (client) -> client.getFields("Contacts"));
	}

	@Test
	void aSuccessFalseAnswerIsAnApiExceptionWithEverythingTheServerSaid() throws Exception {
		String[] bodies = { validation(FIELD_ERRORS_LIST, "0"), "{\"code\":\"117\",\"name\":\"ERROR_PARAMETER_INVALID\","
				+ "\"message\":\"Missing or invalid JSON data.\",\"http_status\":400,\"success\":false}",
				"{\"code\":2006,\"name\":\"ERROR_UNKNOWN_TYPE\",\"message\":\"cannot determine entity type\","
						+ "\"http_status\":404,\"success\":false}",
				"{\"errorcode\":117,\"message\":\"Missing or invalid JSON data.\",\"success\":false}" };
		for (String body : bodies) {
			try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(body))) {
				PipelinerClient client = server.clientBuilder().build();
				for (Function<PipelinerClient, Mono<?>> call : calls()) {
					Throwable thrown = catchThrowable(() -> call.apply(client).block());
					assertThat(thrown).as(body).isInstanceOf(PipelinerApiException.class);
					PipelinerApiException ex = (PipelinerApiException) thrown;
					int status = JSON.readTree(body).path("http_status").asInt(200);
					assertThat(ex.getStatus()).as(body).isEqualTo(status);
					assertThat(ex.getErrorCode()).as(body).isIn(40000, 117, 2006);
					assertThat(ex.getServerMessage()).as(body).isEqualTo(JSON.readTree(body).get("message").asString());
					assertThat(ex.getMethod()).as(body).isNotNull();
					assertThat(ex.getUri().getPath()).as(body).startsWith(ScriptedV100Server.BASE);
					assertThat(ex.getMessage()).as(body).contains("success").contains(ex.getServerMessage());
					if (status == 422) {
						assertThat(ex).isInstanceOf(PipelinerValidationException.class);
						assertThat(ex.getErrorName()).isEqualTo("ERROR_ENTITY_VALIDATION");
						assertThat(((PipelinerValidationException) ex).getEntityIndex()).isZero();
					}
					if (status == 404) {
						assertThat(ex).isInstanceOf(PipelinerNotFoundException.class);
					}
				}
			}
		}
	}

	@Test
	void anAllOrNothingBatchThatFailsSaysWhichItemFailed() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> new Reply(422,
				validation(FIELD_ERRORS_MAP, "2")))) {
			assertThatThrownBy(() -> server.clientBuilder().build().setEntities("Contacts",
					List.of(Map.of("first_name", "A"), Map.of("first_name", "B"), Map.of("first_name", "C"))).block())
				.isInstanceOfSatisfying(PipelinerValidationException.class, (ex) -> {
					assertThat(ex.getEntityIndex()).isEqualTo(2);
					assertThat(ex.getMessage()).contains("items[2]");
					assertThat(ex.getFieldErrors()).containsKey("email1");
				});
		}
	}

	@Test
	void aBatchItemsErrorIsStructuredData() throws Exception {
		String item = validation(FIELD_ERRORS_LIST, "1");
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(
				"{\"success\":true,\"data\":[\"c-1\"," + item + "]}"))) {
			BatchResult result = server.clientBuilder().build().setEntities("Contacts",
					List.of(Map.of("first_name", "A"), Map.of("first_name", "B")), BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
			BatchResult.Outcome failed = result.outcomes().get(1);
			assertThat(failed.status()).isEqualTo(BatchResult.Status.FAILED);
			assertThat(failed.errorCode()).isEqualTo(40000);
			assertThat(failed.message()).isEqualTo("Entity is not valid.");
			assertThat(failed.fieldErrors()).containsEntry("email1", List.of("Invalid e-mail."))
				.containsEntry("last_name", List.of("Non-null field 'last_name' is null or empty."));
			assertThat(failed.entityErrors()).containsExactly("Contact with this e-mail already exists.");
			assertThat(failed.error().name()).isEqualTo("ERROR_ENTITY_VALIDATION");
		}
	}

}
