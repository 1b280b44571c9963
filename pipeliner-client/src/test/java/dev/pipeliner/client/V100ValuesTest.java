package dev.pipeliner.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values are exact on v100: decimals as the server wrote them, date-times of every wire form onto
 * the java.time types (with the application's mapper too), and date-time filter values and body
 * values at the precision the service keeps.
 */
class V100ValuesTest {

	private static final int SEEDS = 120;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

	/** A contact as an application might read it, with every java.time type and a decimal. */
	record Contact(@JsonProperty("id") String id, @JsonProperty("modified") Instant modified,
			@JsonProperty("created") OffsetDateTime created, @JsonProperty("reminder") ZonedDateTime reminder,
			@JsonProperty("local") LocalDateTime local, @JsonProperty("birthday") LocalDate birthday,
			@JsonProperty("day_of") LocalDate dayOf, @JsonProperty("quota") BigDecimal quota) {
	}

	/** The same, named by the application's snake_case naming strategy instead of annotations. */
	record SnakeContact(String id, Instant modified, OffsetDateTime created, LocalDateTime local, LocalDate dayOf,
			BigDecimal quota) {
	}

	@Test
	void everyWireFormOfADateTimeAndEveryDecimalIsReadExactly() throws Exception {
		// the application's own settings apply: its naming strategy, and its time zone adjustment turned off
		JsonMapper application = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.build();
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok("{\"success\":true,\"data\":"
				+ new Sample(Long.parseLong(request.path().substring(request.path().lastIndexOf('-') + 1))).json + "}"))) {
			PipelinerClient client = server.clientBuilder().build();
			PipelinerClient withMapper = server.clientBuilder().jsonMapper(application).build();
			for (long seed = 1; seed <= SEEDS; seed++) {
				Sample sample = new Sample(seed);
				String message = "seed " + seed + ": " + sample.json;
				Contact contact = client.getEntity("Contacts", "c-" + seed, Contact.class).block();
				assertThat(contact.modified()).as(message).isEqualTo(sample.instant);
				assertThat(contact.created()).as(message).isEqualTo(sample.instant.atOffset(ZoneOffset.UTC));
				assertThat(contact.reminder().toInstant()).as(message).isEqualTo(sample.instant);
				assertThat(contact.local()).as(message).isEqualTo(LocalDateTime.ofInstant(sample.instant, ZoneOffset.UTC));
				assertThat(contact.birthday()).as(message).isEqualTo(sample.birthday);
				assertThat(contact.dayOf()).as(message).isEqualTo(LocalDate.ofInstant(sample.instant, ZoneOffset.UTC));
				assertThat(contact.quota()).as(message).isEqualTo(sample.quota);
				Entity read = client.getEntity("Contact", "c-" + seed).block();
				assertThat(read.getDecimal("quota")).as(message).isEqualTo(sample.quota);
				assertThat(read.getDateTime("modified")).as(message).isEqualTo(sample.instant);
				assertThat(read.as(Contact.class)).as(message).isEqualTo(contact);
				SnakeContact snake = withMapper.getEntity("Contacts", "c-" + seed, SnakeContact.class).block();
				assertThat(snake).as(message).isEqualTo(new SnakeContact("c-" + seed, sample.instant,
						sample.instant.atOffset(sample.offset), contact.local(), contact.dayOf(), sample.quota));
			}
		}
	}

	/** An entity of random values in random wire forms, the same for the same seed. */
	private static final class Sample {

		final Instant instant;

		final ZoneOffset offset;

		final BigDecimal quota;

		final LocalDate birthday;

		final String json;

		Sample(long seed) {
			Random random = new Random(seed);
			this.instant = randomInstant(random);
			this.offset = ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4 + 1) - 12 * 4) * 15 * 60);
			this.quota = randomDecimal(random);
			this.birthday = LocalDate.ofEpochDay(random.nextInt(2_900_000) - 700_000);
			String modified = wireForm(random, this.instant, this.offset);
			this.json = "{\"id\":\"c-" + seed + "\",\"modified\":\"" + modified + "\",\"created\":\"" + modified
					+ "\",\"reminder\":\"" + modified + "\",\"local\":\"" + modified + "\",\"birthday\":\""
					+ this.birthday + "\",\"day_of\":\"" + modified + "\",\"quota\":" + this.quota + "}";
		}

	}

	/** A field whose form the application states itself. */
	record Stated(@JsonProperty("modified") @JsonFormat(pattern = "uuuu-MM-dd HH:mm:ss.SSSSSSxxx") OffsetDateTime modified) {
	}

	@Test
	void aJsonFormatPatternOnAFieldIsUsedAsWritten() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(
				"{\"success\":true,\"data\":{\"id\":\"c-1\",\"modified\":\"2023-03-23 14:20:54.529536+02:00\"}}"))) {
			Stated stated = server.clientBuilder().build().getEntity("Contacts", "c-1", Stated.class).block();
			assertThat(stated.modified().toInstant()).isEqualTo(Instant.parse("2023-03-23T12:20:54.529536Z"));
		}
	}

	@Test
	void aDecimalInAPageIsExactAndAJsonTextBodyKeepsItsDecimals() throws Exception {
		BigDecimal big = new BigDecimal("12345678901234567890.123456789");
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> request.method().equals("GET")
				? Reply.ok("{\"success\":true,\"total\":1,\"page_info\":{\"has_next_page\":false},\"data\":[{\"id\":\"p-1\","
						+ "\"price\":12345678901234567890.123456789}]}")
				: new Reply(201, "{\"success\":true,\"data\":{\"id\":\"p-2\"}}"))) {
			PipelinerClient client = server.clientBuilder().build();
			assertThat(client.streamEntities("Products", Query.all()).blockFirst().getDecimal("price")).isEqualTo(big);
			assertThat(client.getEntities("Products", Query.all()).block().items().get(0).getDecimal("price"))
				.isEqualTo(big);
			client.setEntity("Products", "{\"name\":\"Widget\",\"price\":12345678901234567890.123456789}").block();
			assertThat(server.requestsTo("/Products").get(2).body()).contains("12345678901234567890.123456789");
		}
	}

	@Test
	void getDateTimeReadsOffsetsWithoutAColonAndItsErrorNamesTheIdAndTheV100Form() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(
				"{\"success\":true,\"data\":{\"id\":\"c-9\",\"modified\":\"2023-03-23 14:20:54.529536+0000\","
						+ "\"created\":\"2023-03-23 14:20:54.529536-0530\",\"due\":\"next Tuesday\"}}"))) {
			Entity contact = server.clientBuilder().build().getEntity("Contacts", "c-9").block();
			assertThat(contact.getDateTime("modified")).isEqualTo(Instant.parse("2023-03-23T14:20:54.529536Z"));
			assertThat(contact.getDateTime("created")).isEqualTo(Instant.parse("2023-03-23T19:50:54.529536Z"));
			assertThatThrownBy(() -> contact.getDateTime("due")).isInstanceOf(PipelinerDecodingException.class)
				.hasMessageContaining("c-9")
				.hasMessageContaining("2023-03-23 14:20:54.529536+00:00");
		}
	}

	@Test
	void dateTimeFilterValuesKeepTheServicesMicroseconds() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok(
				"{\"success\":true,\"total\":0,\"page_info\":{\"has_next_page\":false},\"data\":[]}"))) {
			PipelinerClient client = server.clientBuilder().build();
			for (long seed = 1; seed <= SEEDS; seed++) {
				Random random = new Random(seed);
				Instant instant = randomInstant(random).plusNanos(random.nextInt(1000));
				client.getEntities("Contacts", Query.all().modifiedAfter(instant)).block();
				client.getEntities("Contacts", Query.filter(Filter.lt("created", instant).and(Filter.ge("modified", instant))
					.and(Filter.between("due", instant, instant.plusSeconds(1))))).block();
				List<ScriptedV100Server.Request> requests = server.requestsTo("/Contacts");
				Map<String, String> after = requests.get(requests.size() - 2).query();
				Map<String, String> range = requests.get(requests.size() - 1).query();
				Instant down = instant.truncatedTo(ChronoUnit.MICROS);
				Instant up = down.equals(instant) ? down : down.plus(1, ChronoUnit.MICROS);
				String message = "seed " + seed + ": " + instant;
				assertThat(after).as(message).containsEntry("filter[modified]", WIRE.format(down.atOffset(ZoneOffset.UTC)))
					.containsEntry("filter-op[modified]", "gt");
				assertThat(range).as(message).containsEntry("filter[created]", WIRE.format(up.atOffset(ZoneOffset.UTC)))
					.containsEntry("filter[modified]", WIRE.format(up.atOffset(ZoneOffset.UTC)))
					.containsEntry("filter[due]", WIRE.format(up.atOffset(ZoneOffset.UTC)) + ","
							+ WIRE.format(instant.plusSeconds(1).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)));
			}
		}
	}

	@Test
	void bodyValuesAreWrittenInTheV100FormExactlyOrRefused() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server(
				(n, request) -> new Reply(201, "{\"success\":true,\"data\":{\"id\":\"c-1\"}}"))) {
			PipelinerClient client = server.clientBuilder().build();
			for (long seed = 1; seed <= SEEDS; seed++) {
				Random random = new Random(seed);
				Instant instant = randomInstant(random);
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("instant", instant);
				data.put("local", LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
				data.put("date", Date.from(instant.truncatedTo(ChronoUnit.MILLIS)));
				data.put("offset", instant.atOffset(ZoneOffset.ofHours(random.nextInt(25) - 12)));
				client.setEntity("Contacts", data).block();
				JsonNode body = JSON.readTree(server.requests.get(server.requests.size() - 1).body());
				String message = "seed " + seed + ": " + instant;
				String wire = WIRE.format(instant.atOffset(ZoneOffset.UTC));
				assertThat(body.get("instant").asString()).as(message).isEqualTo(wire);
				assertThat(body.get("local").asString()).as(message).isEqualTo(wire);
				assertThat(body.get("offset").asString()).as(message).isEqualTo(wire);
				assertThat(body.get("date").asString()).as(message)
					.isEqualTo(WIRE.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
			}
			int sent = server.requests.size();
			for (Instant outside : new Instant[] { Instant.parse("-0005-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59Z"),
					Instant.parse("+10000-01-01T00:00:00Z") }) {
				assertThatThrownBy(() -> client.setEntity("Contacts", Map.of("modified", outside)))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("data")
					.hasMessageContaining("modified");
				assertThatThrownBy(() -> client.setEntity("Contacts", Map.of("local", LocalDateTime.ofInstant(outside, ZoneOffset.UTC))))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageStartingWith("data");
			}
			assertThat(server.requests).hasSize(sent);
		}
	}

	/** An instant from year 1 to 9999, in whole microseconds, as the service keeps them. */
	static Instant randomInstant(Random random) {
		long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		return Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000) * 1000L);
	}

	/** One of the forms a date-time takes in answers: microseconds or fewer digits, offsets with or without a colon. */
	private static String wireForm(Random random, Instant instant, ZoneOffset offset) {
		OffsetDateTime value = instant.atOffset(offset);
		String text = WIRE.format(value);
		int form = random.nextInt(4);
		if (form == 1) {
			// +hhmm, without a colon
			text = text.substring(0, text.length() - 3) + text.substring(text.length() - 2);
		}
		else if (form == 2) {
			// ISO-8601 with a 'T'
			text = text.substring(0, 10) + "T" + text.substring(11);
		}
		else if (form == 3 && offset.getTotalSeconds() == 0) {
			// Z for UTC
			text = text.substring(0, text.length() - 6) + "Z";
		}
		return text;
	}

	private static BigDecimal randomDecimal(Random random) {
		BigInteger unscaled = new BigInteger(1 + random.nextInt(130), random);
		BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), 1 + random.nextInt(15));
		return value;
	}

}
