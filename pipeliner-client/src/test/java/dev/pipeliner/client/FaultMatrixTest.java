package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every fault against a read and every kind of write: each call either succeeds after retries or
 * fails with a typed exception within its bound, and a write that may have taken effect is never
 * sent twice.
 */
class FaultMatrixTest extends WireMockTestSupport {

	private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), 0.5,
			Duration.ofSeconds(5));

	enum Operation {

		READ("GET", "/Contacts", true, json("[{\"ID\":\"PY-1\"}]").withHeader("Content-Range", "items 0-0/1")),
		CREATE("POST", "/Contacts", false, aResponse().withStatus(201).withHeader("Location", BASE + "/Contacts/PY-1")),
		UPDATE("PUT", "/Contacts/PY-1", true, aResponse().withStatus(200)),
		DELETE("DELETE", "/Contacts/PY-1", true, aResponse().withStatus(200)),
		SET_ENTITIES("POST", "/setEntities", false, json("[\"PY-1\"]")),
		DELETE_ENTITIES("POST", "/deleteEntities", false, json("[\"PY-1\"]"));

		final String method;

		final String path;

		final boolean idempotent;

		final ResponseDefinitionBuilder success;

		Operation(String method, String path, boolean idempotent, ResponseDefinitionBuilder success) {
			this.method = method;
			this.path = BASE + path;
			this.idempotent = idempotent;
			this.success = success;
		}

		Mono<?> call(PipelinerClient client) {
			return switch (this) {
				case READ -> client.getEntities("Contacts", Query.all());
				case CREATE -> client.setEntity("Contact", Map.of("SURNAME", "Smith"));
				case UPDATE -> client.setEntity("Contact", Map.of("ID", "PY-1", "SURNAME", "Smith"));
				case DELETE -> client.deleteEntity("Contact", "PY-1");
				case SET_ENTITIES -> client.setEntities("Contact", List.of(Map.of("SURNAME", "Smith")));
				case DELETE_ENTITIES -> client.deleteEntities("Contact", List.of("PY-1"));
			};
		}

	}

	/** What goes wrong, how many times before the server answers properly, and for which operations. */
	enum Failure {

		CONNECTION_RESET(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
		EMPTY_RESPONSE(1, aResponse().withFault(Fault.EMPTY_RESPONSE)),
		MALFORMED_CHUNK(1, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
		RANDOM_DATA_THEN_CLOSE(1, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
		DELAY_PAST_TIMEOUT(1, aResponse().withStatus(200).withFixedDelay(1500)),
		TOO_MANY_REQUESTS(1, aResponse().withStatus(429)),
		TOO_MANY_REQUESTS_RETRY_AFTER(1, aResponse().withStatus(429).withHeader("Retry-After", "1")),
		BURST_OF_503(3, aResponse().withStatus(503)),
		HTML_502(1, aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")),
		TRUNCATED_JSON(1, json("[{\"ID\":\"PY-1\",\"SUR"), EnumSet.of(Operation.SET_ENTITIES, Operation.DELETE_ENTITIES)),
		TRUNCATED_PAGE(1, json("[{\"ID\":\"PY-1\",\"SUR").withHeader("Content-Range", "items 0-0/1"), EnumSet.of(Operation.READ)),
		WRONG_CONTENT_RANGE(1, json("[{\"ID\":\"PY-1\"}]").withHeader("Content-Range", "bytes 0-10/11"), EnumSet.of(Operation.READ));

		final int times;

		final ResponseDefinitionBuilder response;

		final Set<Operation> operations;

		Failure(int times, ResponseDefinitionBuilder response) {
			this(times, response, EnumSet.allOf(Operation.class));
		}

		Failure(int times, ResponseDefinitionBuilder response, Set<Operation> operations) {
			this.times = times;
			this.response = response;
			this.operations = operations;
		}

		boolean notApplied() {
			return this == TOO_MANY_REQUESTS || this == TOO_MANY_REQUESTS_RETRY_AFTER;
		}

		boolean corruptAnswer() {
			return this == TRUNCATED_JSON || this == TRUNCATED_PAGE || this == WRONG_CONTENT_RANGE;
		}

	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Failure failure : Failure.values()) {
			for (Operation operation : failure.operations) {
				cases.add(Arguments.of(failure, operation));
			}
		}
		return cases.stream();
	}

	PipelinerClient resilient;

	@BeforeEach
	void resilientClient() {
		stubEntityPublic();
		this.resilient = clientBuilder().readTimeout(Duration.ofMillis(500)).retry(FAST).build();
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("matrix")
	void eachFaultEndsInSuccessOrATypedExceptionWithoutDuplicateWrites(Failure failure, Operation operation) {
		stubFailuresThenSuccess(operation, failure);

		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> operation.call(this.resilient).block(Duration.ofSeconds(10)));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		int requests = server.findAll(requests(operation)).size();
		if (failure.corruptAnswer()) {
			assertThat(thrown).isInstanceOf(PipelinerDecodingException.class);
			assertThat(requests).isEqualTo(1);
		}
		else if (operation.idempotent || failure.notApplied()) {
			assertThat(thrown).as("succeeds after retrying").isNull();
			assertThat(requests).isEqualTo(failure.times + 1);
		}
		else {
			assertThat(thrown).isInstanceOfAny(PipelinerTransportException.class, PipelinerServerException.class);
			assertThat(((PipelinerException) thrown).isRetryable()).isTrue();
			assertThat(requests).as("a write that may have taken effect is not repeated").isEqualTo(1);
		}
		if (failure == Failure.TOO_MANY_REQUESTS_RETRY_AFTER) {
			assertThat(took).as("waits as Retry-After asks").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void aRetryAfterBeyondTheCapFailsAtOnce(Operation operation) {
		server.stubFor(request(operation).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		Throwable thrown = catchThrowable(() -> operation.call(this.resilient).block(Duration.ofSeconds(5)));

		assertThat(thrown).isInstanceOfSatisfying(dev.pipeliner.client.error.PipelinerRateLimitException.class,
				(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1)));
		assertThat(server.findAll(requests(operation))).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void aRefusedConnectionIsRetriedForEveryOperationAndEndsTyped(Operation operation) {
		PipelinerClient nowhere = clientBuilder().url("http://127.0.0.1:1").retry(FAST).build();

		Throwable thrown = catchThrowable(() -> operation.call(nowhere).block(Duration.ofSeconds(10)));

		assertThat(thrown).isInstanceOfSatisfying(PipelinerTransportException.class,
				(ex) -> assertThat(ex.isConnectionFailure()).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void theCallTimeoutBoundsACallWithItsRetries(Operation operation) {
		server.stubFor(request(operation).willReturn(aResponse().withStatus(503)));
		RetryPolicy patient = new RetryPolicy(50, Duration.ofMillis(100), Duration.ofMillis(100), 0, Duration.ofSeconds(5));
		PipelinerClient bounded = clientBuilder().retry(patient).callTimeout(Duration.ofMillis(700)).build();

		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> operation.call(bounded).block(Duration.ofSeconds(10)));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		if (operation.idempotent) {
			assertThat(thrown).isInstanceOf(PipelinerTransportException.class).hasMessageContaining("retries included");
		}
		else {
			assertThat(thrown).isInstanceOf(PipelinerServerException.class);
			assertThat(server.findAll(requests(operation))).hasSize(1);
		}
	}

	static Stream<Operation> operations() {
		return Stream.of(Operation.values());
	}

	private static void stubFailuresThenSuccess(Operation operation, Failure failure) {
		String state = Scenario.STARTED;
		for (int i = 1; i <= failure.times; i++) {
			server.stubFor(request(operation).inScenario("faults")
				.whenScenarioStateIs(state)
				.willReturn(failure.response)
				.willSetStateTo("after " + i));
			state = "after " + i;
		}
		server.stubFor(request(operation).inScenario("faults").whenScenarioStateIs(state).willReturn(operation.success));
	}

	private static MappingBuilder request(Operation operation) {
		return WireMock.request(operation.method, urlPathEqualTo(operation.path));
	}

	private static RequestPatternBuilder requests(Operation operation) {
		return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(operation.method), urlPathEqualTo(operation.path));
	}

}
