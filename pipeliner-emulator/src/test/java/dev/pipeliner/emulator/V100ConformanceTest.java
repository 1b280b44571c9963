package dev.pipeliner.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.FilterOperator;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.emulator.RecordingProxy.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator's v100 side held against the project's contract, {@code contract/pipeliner-v100.openapi.json},
 * by a maintained validator (swagger-request-validator): every request the client sends for each
 * of its v100 operations, and every answer the emulator gives it, errors included, pass through a
 * recording proxy and are validated against the operation the contract declares for them. So are
 * a create of every writable collection, made of what its create input requires, and a list and a
 * get of every collection. Answers to reads with {@code load-only} or {@code expand}, whose shape
 * the contract leaves open, are checked as requests only.
 */
class V100ConformanceTest {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final Path CONTRACT = Path.of(System.getProperty("basedir", "."), "..", "contract", "pipeliner-v100.openapi.json")
		.normalize();

	static PipelinerEmulator emulator;

	static RecordingProxy proxy;

	static OpenApiInteractionValidator validator;

	static JsonNode contract;

	static String base;

	PipelinerClient client;

	@BeforeAll
	static void start() throws Exception {
		emulator = PipelinerEmulator.builder().protocol(Protocol.V100).space("fr_Conform", Seed.DEMO).start();
		proxy = new RecordingProxy(emulator.getPort());
		base = emulator.getBaseUrl(emulator.getSpace()).getPath();
		contract = MAPPER.readTree(CONTRACT.toFile());
		validator = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString())
			.withBasePathOverride(base)
			// The validator refuses properties a schema does not name, which JSON Schema allows: answers
			// are held to that, requests (the client's PATCH bodies repeat the id) are not.
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	@AfterAll
	static void stop() {
		proxy.close();
		emulator.close();
	}

	@BeforeEach
	void connect() {
		emulator.reset();
		this.client = client(emulator.getPassword());
		proxy.take();
	}

	static PipelinerClient client(String password) {
		return PipelinerClient.builder()
			.protocol(PipelinerProtocol.V100)
			.url(proxy.url())
			.space(emulator.getSpace())
			.credentials(emulator.getUsername(), password)
			.pageSize(7)
			.build();
	}

	@Test
	void everyReadOfTheClientAndItsAnswersConform() {
		this.client.getCollections().block();
		this.client.getFields("Account").block();
		Entity contact = this.client
			.getEntities("Contacts", Query.filter(Filter.eq("last_name", "Smith").and(Filter.ieq("first_name", "TODD")))
				.sort(Sort.asc("modified").desc("first_name"))
				.limit(5))
			.block()
			.items()
			.get(0);
		this.client.getEntities("Contacts", Query.filter(Filter.between("created", Instant.parse("2024-03-01T00:00:00Z"),
				Instant.parse("2024-06-01T00:00:00Z"))).limit(3)).block();
		this.client.getEntities("Contacts", Query.filter(Filter.of("email1", FilterOperator.ICONTAINS, "EXAMPLE"))
			.modifiedAfter(Instant.parse("2024-03-02T00:00:00Z"))
			.includeDeleted(true)
			.limit(2)).block();
		this.client.getEntities("Accounts", Query.filter(Filter.isNull("home_page").and(Filter.isNotEmpty("name")))).block();
		assertThat(this.client.streamEntities("Contacts", Query.all()).count().block()).isEqualTo(30);
		this.client.getEntities("Contacts", Query.all().loadOnly("id", "last_name").expand("owner").limit(2)).block();
		this.client.getEntity("Contact", contact.id()).block();

		List<Exchange> exchanges = proxy.take();
		assertConform(exchanges);
		assertThat(operations(exchanges)).contains("list Entities", "list Fields", "list Contacts", "list Accounts",
				"get Contacts");
		assertThat(exchanges).anyMatch((exchange) -> exchange.query().contains("after="));
	}

	@Test
	void everyWriteOfTheClientAndItsAnswersConform() {
		String owner = this.client.getEntities("Clients", Query.all().limit(1)).block().items().get(0).id();
		Map<String, Object> contact = Map.of("last_name", "Conform", "owner_id", owner);
		String id = this.client.setEntity("Contact", contact).block();
		this.client.setEntity("Contact", Map.of("id", id, "first_name", "Ada", "gender", 2)).block();
		BatchResult created = this.client
			.setEntities("Contacts", List.of(contact, Map.of("last_name", "No owner"), contact),
					BatchFlag.IGNORE_AND_RETURN_ERRORS)
			.block();
		this.client.setEntities("Contacts", List.of(Map.of("id", created.ids().get(0), "title", "Dr")),
				BatchFlag.VALIDATE_ONLY_UPDATED_FIELDS).block();
		this.client.deleteEntities("Contacts", List.of(created.ids().get(1), "00000000-0000-0000-0000-00000000dead"),
				BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
		this.client.deleteEntity("Contact", id).block();
		assertThatThrownBy(() -> this.client.setEntities("Contacts", List.of(contact, Map.of("first_name", "X"))).block())
			.hasMessageContaining("422");
		assertThatThrownBy(() -> this.client.setEntity("Contact", Map.of("first_name", "No owner")).block())
			.hasMessageContaining("422");
		assertThatThrownBy(() -> this.client.getEntity("Contact", id).block()).hasMessageContaining("404");
		assertThatThrownBy(() -> client("wrong").getEntity("Contact", owner).block()).hasMessageContaining("401");

		List<Exchange> exchanges = proxy.take();
		assertConform(exchanges);
		assertThat(operations(exchanges)).contains("list Clients", "create Contacts", "update Contacts",
				"batch-modify Contacts", "batch-delete Contacts", "delete Contacts", "get Contacts");
		assertThat(exchanges).extracting(Exchange::status).contains(200, 201, 401, 404, 422);
	}

	@Test
	void everyCollectionListsGetsAndCreatesAsTheContractSays() {
		Set<String> created = new TreeSet<>();
		for (JsonNode included : contract.at("/x-derivation/collections/included")) {
			String collection = included.get("collection").asString();
			Set<String> operations = new LinkedHashSet<>();
			included.get("operations").forEach((operation) -> operations.add(operation.asString()));
			String entity = included.get("entity").asString();
			JsonNode input = contract.at("/components/schemas/create" + entity + "Input");
			if (operations.contains("create") && !input.isMissingNode() && !collection.equals("Fields")) {
				this.client.setEntity(collection, sample(input, entity + "." + "create")).block();
				created.add(collection);
			}
			List<Entity> page = this.client.getEntities(collection, Query.all().limit(100)).block().items();
			if (!page.isEmpty()) {
				this.client.getEntity(collection, page.get(page.size() - 1).id()).block();
			}
		}

		List<Exchange> exchanges = proxy.take();
		assertConform(exchanges);
		assertThat(created).contains("Accounts", "Contacts", "Notes", "Opportunities", "Tasks", "Appointments",
				"Products", "Clients", "SalesUnits", "Currencies", "Data", "Emails");
	}

	@Test
	void answersHaveTheShapesOfTheServicesCapturedAnswers() throws Exception {
		RawHttp http = new RawHttp(emulator);
		String owner = http.get("/entities/Clients?first=1").json().get("data").get(0).get("id").asString();
		String contact = http.get("/entities/Contacts?first=1").json().get("data").get(0).get("id").asString();
		RawHttp.Response created = http.post("/entities/Notes",
				"{\"note\":\"Shaped\",\"owner_id\":\"" + owner + "\",\"contact_id\":\"" + contact + "\"}");
		String note = created.json().get("data").get("id").asString();
		RawHttp.Response updated = http.patch("/entities/Notes/" + note, "{\"note\":\"Reshaped\"}");
		RawHttp.Response firstPage = http.get("/entities/Notes?first=2");
		String last = http.get("/entities/Notes?first=100").json().get("page_info").get("end_cursor").asString();
		RawHttp.Response afterLast = http.get("/entities/Notes?first=2&after=" + last.replace("=", "%3D"));
		RawHttp.Response invalid = http.post("/entities/Notes", "{\"contact_id\":\"" + contact + "\"}");
		RawHttp.Response malformed = http.post("/entities/Notes", "{not json");
		RawHttp.Response singular = http.get("/entities/Note");
		RawHttp.Response nowhere = http.get("/nothing/here");
		RawHttp.Response deleted = http.delete("/entities/Notes/" + note);

		Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
		answers.put("POST /entities/Notes 201 note-created.json", created);
		answers.put("PATCH /entities/Notes/" + note + " 200 note-updated.json", updated);
		answers.put("GET /entities/Notes 200 notes-first-page.json", firstPage);
		answers.put("GET /entities/Notes 200 notes-after-the-last-page.json", afterLast);
		answers.put("POST /entities/Notes 422 note-validation-error.json", invalid);
		answers.put("POST /entities/Notes 400 invalid-body.json", malformed);
		answers.put("GET /entities/Note 404 unknown-type.json", singular);
		answers.put("GET /nothing/here 404 unknown-url.json", nowhere);
		answers.put("DELETE /entities/Notes/" + note + " 200 note-deleted.json", deleted);
		for (Map.Entry<String, RawHttp.Response> answer : answers.entrySet()) {
			String[] request = answer.getKey().split(" ");
			int status = Integer.parseInt(request[2]);
			String fixture = new String(getClass().getResourceAsStream("/v100-shapes/" + request[3]).readAllBytes(),
					StandardCharsets.UTF_8);
			if (!request[3].startsWith("unknown-")) { // no operation of the contract has these paths
				ValidationReport report = validator.validateResponse(base + request[1], Request.Method.valueOf(request[0]),
						SimpleResponse.Builder.status(status).withContentType("application/json").withBody(fixture).build());
				assertThat(report.getMessages()).as(request[3] + " against the contract")
					.noneMatch((message) -> message.getLevel() == ValidationReport.Level.ERROR);
			}
			assertThat(answer.getValue().status()).as(answer.getKey()).isEqualTo(status);
			assertSameShape(request[3], MAPPER.readTree(fixture), MAPPER.readTree(withoutCustomFields(answer.getValue().body())));
		}
	}

	/** The emulator's answer has the fixture's properties, in its order, and each the same JSON type where both have a value. */
	private static void assertSameShape(String where, JsonNode fixture, JsonNode answer) {
		if (fixture.isObject()) {
			assertThat(answer.isObject()).as(where).isTrue();
			assertThat(List.copyOf(answer.propertyNames())).as(where).containsExactlyElementsOf(fixture.propertyNames());
			for (String name : fixture.propertyNames()) {
				assertSameShape(where + "." + name, fixture.get(name), answer.get(name));
			}
		}
		else if (fixture.isArray()) {
			assertThat(answer.isArray()).as(where).isTrue();
			if (!fixture.isEmpty() && !answer.isEmpty()) {
				assertSameShape(where + "[0]", fixture.get(0), answer.get(0));
			}
			if (!where.endsWith("errors")) {
				assertThat(answer.isEmpty()).as(where + " is empty").isEqualTo(fixture.isEmpty());
			}
		}
		else if (!fixture.isNull() && !answer.isNull()) {
			assertThat(answer.getNodeType()).as(where).isEqualTo(fixture.getNodeType());
		}
		else if (where.endsWith("_cursor") || where.endsWith(".data") || where.endsWith("entity_id")) {
			assertThat(answer.isNull()).as(where + " is null").isEqualTo(fixture.isNull());
		}
	}

	/** Validates each request and its answer; a report of every failure, or nothing. */
	static void assertConform(List<Exchange> exchanges) {
		assertThat(exchanges).isNotEmpty();
		List<String> failures = new ArrayList<>();
		for (Exchange exchange : exchanges) {
			// A request the emulator refused as wrong was sent wrong on purpose; its answer is checked.
			boolean refused = exchange.status() == 400 || exchange.status() == 422;
			ValidationReport request = refused ? ValidationReport.empty() : validator.validateRequest(request(exchange));
			ValidationReport answer = openShape(exchange) ? ValidationReport.empty()
					: validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()),
							SimpleResponse.Builder.status(exchange.status())
								.withContentType(exchange.contentType())
								.withBody(withoutCustomFields(exchange.answer()))
								.build());
			ValidationReport both = request.merge(answer);
			if (both.hasErrors()) {
				failures.add(exchange + "\n    " + String.join("\n    ", both.getMessages()
					.stream()
					.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
					.map((message) -> message.getKey() + ": " + message.getMessage()
							+ message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
								.map((pointers) -> " at " + pointers.getInstance()).orElse(""))
					.toList()));
			}
		}
		assertThat(failures).as("exchanges that break the contract").isEmpty();
	}

	/**
	 * @return the answer without the custom fields ({@code cf_*}) of its entities: they are the
	 * emulator's own, as custom fields are each account's, and outside the contract
	 */
	static String withoutCustomFields(String answer) {
		if (!answer.startsWith("{")) {
			return answer;
		}
		JsonNode json = MAPPER.readTree(answer);
		JsonNode data = json.path("data");
		for (JsonNode entity : data.isArray() ? data : List.of(data)) {
			if (entity instanceof ObjectNode object) {
				object.propertyNames().stream().filter((name) -> name.startsWith("cf_")).toList().forEach(object::remove);
			}
		}
		return json.toString();
	}

	/** The answers whose shape the contract leaves open. */
	private static boolean openShape(Exchange exchange) {
		return exchange.query().contains("load-only=") || exchange.query().contains("expand=");
	}

	private static Request request(Exchange exchange) {
		SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
		exchange.headers().forEach(request::withHeader);
		if (!exchange.body().isEmpty()) {
			request.withBody(exchange.body());
		}
		for (String pair : exchange.query().split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				request.withQueryParam(name, value);
			}
		}
		return request.build();
	}

	/** @return "list Contacts", "batch-modify Contacts", …: what each exchange did */
	static Set<String> operations(List<Exchange> exchanges) {
		Set<String> operations = new TreeSet<>();
		for (Exchange exchange : exchanges) {
			String[] path = exchange.path().substring(base.length() + "/entities/".length()).split("/");
			String kind = switch (exchange.method() + " " + path.length) {
				case "GET 1" -> "list";
				case "POST 1" -> "create";
				case "GET 2" -> "get";
				case "PATCH 2" -> "update";
				case "DELETE 2" -> "delete";
				default -> path[path.length - 1];
			};
			operations.add(kind + " " + path[0]);
		}
		return operations;
	}

	/**
	 * A value that a schema of the contract accepts, made of what it requires: a relation to a
	 * collection the emulator serves names one of its entities.
	 */
	JsonNode sample(JsonNode schema, String where) {
		if (schema.has("$ref")) {
			return sample(contract.at(schema.get("$ref").asString().substring(1)), where);
		}
		JsonNode relation = schema.path("x-pipeliner-relation");
		if (schema.path("format").asString("").equals("uuid") && relation.has("collection")) {
			String collection = relation.get("collection").asString();
			if (!contract.at("/paths/~1entities~1" + collection).isMissingNode()) {
				List<Entity> related = this.client.getEntities(collection, Query.all().limit(1)).block().items();
				if (!related.isEmpty()) {
					return MAPPER.getNodeFactory().stringNode(related.get(0).id());
				}
			}
		}
		if (schema.has("enum")) {
			for (JsonNode value : schema.get("enum")) {
				if (!value.isNull()) {
					return value;
				}
			}
		}
		String type = schema.path("type").asString("");
		String format = schema.path("x-pipeliner-format").asString(schema.path("format").asString(""));
		return switch (type) {
			case "object" -> {
				var object = MAPPER.createObjectNode();
				for (JsonNode required : schema.path("required")) {
					String name = required.asString();
					object.set(name, sample(schema.get("properties").get(name), where + "." + name));
				}
				yield object;
			}
			case "array" -> MAPPER.createArrayNode().add(sample(schema.get("items"), where + "[]"));
			case "integer" -> MAPPER.getNodeFactory().numberNode(schema.path("minimum").asInt(1));
			case "number" -> MAPPER.getNodeFactory().numberNode(1.5);
			case "boolean" -> MAPPER.getNodeFactory().booleanNode(false);
			case "string" -> MAPPER.getNodeFactory().stringNode(switch (format) {
				case "uuid" -> java.util.UUID.randomUUID().toString();
				case "date" -> "2024-05-01";
				case "date-time" -> "2024-05-01 10:00:00.000000+00:00";
				case "email" -> "sample@example.com";
				case "uri" -> "https://example.com/sample";
				default -> "Sample " + where;
			});
			default -> MAPPER.createObjectNode().put("en", "Sample " + where);
		};
	}

}
