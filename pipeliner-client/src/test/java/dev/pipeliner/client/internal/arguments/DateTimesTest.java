package dev.pipeliner.client.internal.arguments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The v100 answer form, read digit by digit, reads as the general parser reads it, and refuses what it refuses. */
class DateTimesTest {

	private static final DateTimeFormatter ANSWER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'");

	@Test
	void theAnswerFormReadsAsTheGeneralParserReadsIt() {
		Random random = new Random(11);
		for (int i = 0; i < 2_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
					random.nextInt(1_000_000) * 1_000L);
			String text = ANSWER.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));

			assertThat(DateTimes.parse(text)).as(text).isEqualTo(instant).isEqualTo(DateTimes.parseWithOffset(text).toInstant());
		}
		assertThat(DateTimes.parse(" 2023-03-23 14:20:54.529536+00:00 ")).isEqualTo(Instant.parse("2023-03-23T14:20:54.529536Z"));
		assertThat(DateTimes.parse("2023-03-23 14:20:54.529536+02:00"))
			.isEqualTo(Instant.parse("2023-03-23T12:20:54.529536Z").truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void aFieldOutOfRangeInTheAnswerFormIsRefusedAsByTheGeneralParser() {
		for (String text : new String[] { "2023-13-23 14:20:54.529536+00:00",
				"2023-03-23 24:20:54.529536+00:00", "2023-03-23 14:60:54.529536+00:00", "2023-03-2x 14:20:54.529536+00:00" }) {
			assertThatExceptionOfType(DateTimeParseException.class).as(text).isThrownBy(() -> DateTimes.parse(text));
		}
	}

}
