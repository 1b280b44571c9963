package dev.pipeliner.client.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.RetryPolicy;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerTransportException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The Pipeliner REST API v1 on the wire: URLs, query parameters, headers, status codes and body
 * shapes, for one team pipeline and one set of credentials. Everything the v1 protocol defines
 * lives here, so that another protocol version can sit beside it without changing the public API.
 * Arguments are checked by the caller. Not part of the public API.
 */
public final class V1Protocol {

	private static final String CONTENT_RANGE = "Content-Range";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final WebClient webClient;

	private final ObjectMapper mapper;

	private final ApiErrors errors;

	private final String baseUrl;

	private final String authorization;

	private final Duration timeout;

	private final RetryPolicy retry;

	private final Duration callTimeout;

	/**
	 * @param webClient the client that sends the requests
	 * @param mapper the mapper for bodies
	 * @param serviceUrl the service URL, such as {@code https://eu.pipelinersales.com}
	 * @param teamPipeline the team pipeline id, such as {@code eu_myPipeline}
	 * @param apiToken the API token (Basic auth user)
	 * @param apiPassword the API password (Basic auth password)
	 * @param timeout the longest wait for the whole answer to one attempt, or {@code null} for none
	 * @param retry when and how failed attempts are repeated
	 * @param callTimeout the longest a call may take, retries included, or {@code null} for no
	 * bound beyond the attempts'
	 */
	public V1Protocol(WebClient webClient, ObjectMapper mapper, URI serviceUrl, String teamPipeline, String apiToken,
			String apiPassword, Duration timeout, RetryPolicy retry, Duration callTimeout) {
		this.webClient = webClient;
		this.mapper = mapper;
		this.errors = new ApiErrors(mapper);
		String service = serviceUrl.toString();
		this.baseUrl = (service.endsWith("/") ? service.substring(0, service.length() - 1) : service)
				+ "/rest_services/v1/" + teamPipeline;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((apiToken + ":" + apiPassword).getBytes(StandardCharsets.UTF_8));
		this.timeout = timeout;
		this.retry = retry;
		this.callTimeout = callTimeout;
	}

	/** @return the base URL of the team pipeline, {@code {serviceUrl}/rest_services/v1/{teamPipeline}} */
	public String baseUrl() {
		return this.baseUrl;
	}

	// Metadata

	public Mono<List<String>> collections() {
		return getJson(uri(Map.of())).map((json) -> {
			List<String> names = new ArrayList<>();
			requireArray(json, "collection list").forEach((name) -> names.add(name.asString()));
			return List.copyOf(names);
		});
	}

	public Mono<Map<String, String>> entityPublic() {
		return getJson(uri(Map.of(), "entityPublic")).map((json) -> {
			Map<String, String> names = new LinkedHashMap<>();
			requireObject(json, "entityPublic").properties().forEach((entry) -> names.put(entry.getKey(), entry.getValue().asString()));
			return names;
		});
	}

	public Mono<Map<Integer, String>> errorCodes() {
		return getJson(uri(Map.of(), "errorCodes")).map((json) -> {
			Map<Integer, String> codes = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : requireObject(json, "errorCodes").properties()) {
				try {
					codes.put(Integer.valueOf(entry.getKey().trim()), entry.getValue().asString());
				}
				catch (NumberFormatException ex) {
					throw new PipelinerDecodingException("errorCodes answered a key that is not a number: '"
							+ entry.getKey() + "'", ex);
				}
			}
			return codes;
		});
	}

	public Mono<List<FieldInfo>> fields(String entity, Map<String, String> query) {
		return getJson(uri(query, "getFields", entity)).map((json) -> {
			List<FieldInfo> fields = new ArrayList<>();
			requireArray(json, "getFields").forEach((field) -> fields.add(fieldInfo(requireObject(field, "field"))));
			return List.copyOf(fields);
		});
	}

	public Mono<Instant> serverUtcDateTime() {
		return getText("serverAPIUtcDateTime", DateTimes::parse, "a date-time 'yyyy-MM-dd HH:mm:ss'");
	}

	public Mono<URI> teamPipelineUrl() {
		return getText("teamPipelineUrl", URI::create, "a URL");
	}

	public Mono<Integer> teamPipelineVersion() {
		return getText("teamPipelineVersion", Integer::valueOf, "a number");
	}

	// Entities

	/**
	 * {@code GET /{collection}?query}: one page, with the position from {@code Content-Range}. The
	 * array is decoded element by element, so no more than one entity is held as raw JSON.
	 */
	public Mono<EntityPage<ObjectNode>> page(String collection, Map<String, String> query) {
		URI uri = uri(query, collection);
		return exchange(HttpMethod.GET, uri, null, true, (response) -> {
			String header = response.headers().asHttpHeaders().getFirst(CONTENT_RANGE);
			ContentRange range = ContentRange.parse(header);
			if (range == null) {
				return response.releaseBody()
					.then(Mono.error(new PipelinerDecodingException("GET " + uri + " answered "
							+ ((header != null) ? "a malformed Content-Range '" + header + "'" : "no Content-Range header")
							+ "; expected 'items {start}-{end}/{total}'", null)));
			}
			return response.bodyToFlux(ObjectNode.class)
				.collectList()
				.map((items) -> new EntityPage<>(items, range.start(), range.end(), range.total()));
		});
	}

	public Mono<ObjectNode> one(String collection, String id) {
		return getJson(uri(Map.of(), collection, id)).map((json) -> requireObject(json, "entity"));
	}

	/**
	 * {@code POST /{collection}} without {@code ID}: a create, answered {@code 201} with the new id
	 * as the last segment of {@code Location}. An id in the body is accepted as well.
	 */
	public Mono<String> create(String collection, ObjectNode data) {
		URI uri = uri(Map.of(), collection);
		return exchange(HttpMethod.POST, uri, data, false, (response) -> {
			URI location = response.headers().asHttpHeaders().getLocation();
			if (location != null && location.getPath() != null) {
				return response.releaseBody().thenReturn(lastSegment(location.getPath()));
			}
			return readJson(response).map((json) -> {
				JsonNode id = json.isObject() ? json.get("ID") : json;
				if (id == null || !id.isValueNode() || id.asString().isBlank()) {
					throw new PipelinerDecodingException("POST " + uri + " created an entity but sent neither a"
							+ " Location header nor an id", null);
				}
				return id.asString();
			})
				.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException(
						"POST " + uri + " created an entity but sent neither a Location header nor an id", null)));
		});
	}

	/** {@code PUT /{collection}/{id}}: a partial update; only the fields sent change. */
	public Mono<String> update(String collection, String id, ObjectNode data) {
		return exchange(HttpMethod.PUT, uri(Map.of(), collection, id), data, true,
				(response) -> response.releaseBody().thenReturn(id));
	}

	public Mono<Void> delete(String collection, String id) {
		return exchange(HttpMethod.DELETE, uri(Map.of(), collection, id), null, true, ClientResponse::releaseBody);
	}

	/** {@code POST /setEntities?entityName={entity}&flag={mask}} with the items. */
	public Mono<BatchResult> setEntities(String entity, int mask, ArrayNode items, List<String> inputIds) {
		return batch("setEntities", entity, mask, items, inputIds, false);
	}

	/** {@code POST /deleteEntities?entityName={entity}&flag={mask}} with the ids. */
	public Mono<BatchResult> deleteEntities(String entity, int mask, List<String> ids) {
		ArrayNode body = this.mapper.createArrayNode();
		ids.forEach(body::add);
		return batch("deleteEntities", entity, mask, body, ids, true);
	}

	private Mono<BatchResult> batch(String endpoint, String entity, int mask, ArrayNode body, List<String> inputIds,
			boolean delete) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("entityName", entity);
		if (mask != 0) {
			query.put("flag", Integer.toString(mask));
		}
		return exchange(HttpMethod.POST, uri(query, endpoint), body, false, (response) -> readJson(response)
			.map((answer) -> BatchAnswers.read(answer, inputIds, mask, delete))
			.switchIfEmpty(Mono.fromSupplier(() -> BatchAnswers.read(null, inputIds, mask, delete))));
	}

	// The exchange

	/**
	 * The URL of an endpoint: the base, then each segment and each query value percent-encoded
	 * strictly (everything but letters, digits and {@code -._~}), so that {@code |}, {@code ::},
	 * {@code &}, {@code +} and {@code /} inside a value reach the server as data.
	 */
	private URI uri(Map<String, String> query, String... segments) {
		StringBuilder url = new StringBuilder(this.baseUrl.length() + 64).append(this.baseUrl);
		for (String segment : segments) {
			encode(url.append('/'), segment);
		}
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			encode(url.append(separator), parameter.getKey()).append('=');
			encode(url, parameter.getValue());
			separator = '&';
		}
		return URI.create(url.toString());
	}

	private static StringBuilder encode(StringBuilder url, String text) {
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				url.append(c);
			}
			else {
				url.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return url;
	}

	private Mono<JsonNode> getJson(URI uri) {
		return exchange(HttpMethod.GET, uri, null, true, this::readJson)
			.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException("GET " + uri + " answered an empty body", null)));
	}

	/** A JSON string (or, tolerated, a bare unquoted one) answer, parsed into a value. */
	private <T> Mono<T> getText(String endpoint, Function<String, T> parser, String expected) {
		URI uri = uri(Map.of(), endpoint);
		return exchange(HttpMethod.GET, uri, null, true, (response) -> response.bodyToMono(String.class))
			.map(String::trim)
			.filter((text) -> !text.isEmpty())
			.switchIfEmpty(Mono.error(() -> new PipelinerDecodingException("GET " + uri + " answered an empty body", null)))
			.map((body) -> {
				String text = body;
				try {
					if (text.startsWith("\"")) {
						text = this.mapper.readTree(text).asString().trim();
					}
					return parser.apply(text);
				}
				catch (RuntimeException ex) {
					throw new PipelinerDecodingException("GET " + uri + " answered '" + text + "', not " + expected, ex);
				}
			});
	}

	/** The whole body parsed as JSON, whatever its content type; empty when there is no body. */
	private Mono<JsonNode> readJson(ClientResponse response) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers())).map((buffer) -> {
			try {
				if (buffer.readableByteCount() == 0) {
					return this.mapper.missingNode();
				}
				return this.mapper.readTree(buffer.asInputStream());
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).filter((json) -> !json.isMissingNode());
	}

	/**
	 * One call: attempts bounded by the timeout, failures translated into Pipeliner exceptions,
	 * retried as the retry policy and {@code idempotent} allow, the whole bounded by the call
	 * timeout.
	 * @param idempotent whether repeating the request is harmless even if it took effect
	 */
	private <T> Mono<T> exchange(HttpMethod method, URI uri, JsonNode body, boolean idempotent,
			Function<ClientResponse, Mono<T>> onSuccess) {
		Mono<T> attempt = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.webClient.method(method)
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, this.authorization)
				.accept(MediaType.APPLICATION_JSON);
			WebClient.RequestHeadersSpec<?> spec = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			return spec.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? onSuccess.apply(response)
					: this.errors.toException(response, method, uri));
		});
		if (this.timeout != null) {
			attempt = attempt.timeout(this.timeout);
		}
		Mono<T> call = attempt.onErrorMap((ex) -> !(ex instanceof PipelinerException), (ex) -> translate(ex, method, uri));
		if (this.retry.maxAttempts() > 1) {
			call = call.retryWhen(Retry.from((failures) -> failures.concatMap((failure) -> {
				Duration delay = delayBeforeRetry(failure.failure(), (int) failure.totalRetries() + 1, idempotent);
				return (delay != null) ? Mono.delay(delay) : Mono.error(failure.failure());
			})));
		}
		if (this.callTimeout != null) {
			call = call.timeout(this.callTimeout, Mono.error(() -> new PipelinerTransportException(
					method + " " + uri + " did not complete within " + this.callTimeout + ", retries included", null)));
		}
		return call;
	}

	/**
	 * @return the wait before retry number {@code retry}, or {@code null} not to retry: the
	 * failure is not transient, repeating the request could write twice, no attempts are left, or
	 * the server asked for a longer wait than the policy allows
	 */
	private Duration delayBeforeRetry(Throwable failure, int retry, boolean idempotent) {
		if (!(failure instanceof PipelinerException pipeliner) || !pipeliner.isRetryable()) {
			return null;
		}
		boolean notApplied = (failure instanceof PipelinerTransportException transport && transport.isConnectionFailure())
				|| (failure instanceof PipelinerApiException api && api.getStatus() == 429);
		if (!idempotent && !notApplied) {
			return null;
		}
		return this.retry.delayBefore(retry, (failure instanceof PipelinerApiException api) ? api.getRetryAfter() : null);
	}

	private Throwable translate(Throwable ex, HttpMethod method, URI uri) {
		String request = method + " " + uri;
		if (ex instanceof TimeoutException) {
			return new PipelinerTransportException(request + " had no complete answer within " + this.timeout, ex);
		}
		if (ex instanceof WebClientRequestException || ex instanceof IOException) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new PipelinerTransportException(request + " failed: " + describe(cause), ex, isConnectionFailure(ex));
		}
		if (ex instanceof UnsupportedMediaTypeException) {
			return new PipelinerDecodingException(request + " answered a body that is not JSON: " + ex.getMessage(), ex);
		}
		if (ex instanceof CodecException || ex instanceof JacksonException) {
			return new PipelinerDecodingException(request + " answered a body that could not be read: "
					+ describe(ex), ex);
		}
		return ex;
	}

	/** Whether the connection could not be made, so the request never left. */
	private static boolean isConnectionFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	// Body shapes

	private static JsonNode requireArray(JsonNode json, String what) {
		if (!json.isArray()) {
			throw new PipelinerDecodingException(what + " is not a JSON array: " + abbreviate(json), null);
		}
		return json;
	}

	private static ObjectNode requireObject(JsonNode json, String what) {
		if (!(json instanceof ObjectNode object)) {
			throw new PipelinerDecodingException(what + " is not a JSON object: " + abbreviate(json), null);
		}
		return object;
	}

	private static String abbreviate(JsonNode json) {
		String text = json.toString();
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	private static String lastSegment(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	private static FieldInfo fieldInfo(ObjectNode field) {
		Map<String, String> choices = new LinkedHashMap<>();
		JsonNode choiceNode = field.get("CHOICES");
		if (choiceNode != null && choiceNode.isObject()) {
			choiceNode.properties().forEach((entry) -> choices.put(entry.getKey(), entry.getValue().asString()));
		}
		return new FieldInfo(text(field, "API_NAME"), text(field, "NAME"), text(field, "ID"), text(field, "TYPE"),
				text(field, "PL_TYPE"), flag(field, "REQUIRED"), flag(field, "READONLY"), flag(field, "CUSTOM"),
				text(field, "DEFAULT"), text(field, "DESCRIPTION"), text(field, "CALC_FORMULA"), choices,
				decimal(field, "MIN_VALUE"), decimal(field, "MAX_VALUE"));
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : value.isValueNode() ? value.asString() : value.toString();
	}

	/** Booleans may come as {@code true}/{@code false}, {@code 1}/{@code 0} or their text forms. */
	private static boolean flag(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.asString().trim();
		return text.equals("1") || text.equalsIgnoreCase("true");
	}

	private static BigDecimal decimal(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		try {
			return new BigDecimal(value.asString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
