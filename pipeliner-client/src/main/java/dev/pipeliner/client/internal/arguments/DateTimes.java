package dev.pipeliner.client.internal.arguments;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;

/**
 * Date-times as callers and servers give them: the range both protocols can write, and a
 * tolerant reading of the forms that answers and loose queries use: v1's
 * {@code yyyy-MM-dd HH:mm:ss}, v100's {@code 2023-03-23 14:20:54.529536+00:00}, ISO-8601 with
 * {@code T} or a space, with or without a fraction of a second, with an offset written
 * {@code +00:00}, {@code +0000}, {@code +00} or {@code Z}, or none (UTC), and a bare date
 * (midnight UTC). Not part of the public API.
 */
public final class DateTimes {

	private DateTimes() {
	}

	private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private static final DateTimeFormatter READ = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart()
		.appendPattern("[XXX][XX][X]")
		.optionalEnd()
		.optionalEnd()
		.toFormatter();

	/**
	 * @return the instant, if both protocols can write it: from year 1 to year 9999
	 * @throws IllegalArgumentException naming the argument otherwise
	 */
	public static Instant requireWritable(Instant instant, String name) {
		Arguments.requireNonNull(instant, name);
		if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
			throw new IllegalArgumentException(name + " must lie in the years 1 to 9999, which the APIs write, but was "
					+ instant);
		}
		return instant;
	}

	/**
	 * Parses any of the forms above; v100's, which every v100 answer writes, digit by digit, since
	 * a general parser costs more than the rest of the work a read does on an entity.
	 * @throws DateTimeParseException if the text is none of them
	 */
	public static Instant parse(String text) {
		Instant answered = answerForm(text);
		return (answered != null) ? answered : parseWithOffset(text).toInstant();
	}

	/**
	 * @return the instant {@code 2023-03-23 14:20:54.529536+00:00} writes, or {@code null} for text
	 * in another form or with a field out of range, which the general parser then reads or refuses
	 */
	private static @Nullable Instant answerForm(String text) {
		if (text.length() != 32 || !text.endsWith("+00:00") || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int micros = digits(text, 20, 26);
		if ((year | month | day | hour | minute | second | micros) < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1_000).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** @return the number the digits from {@code from} to {@code to} write, or -1 if one is not a digit */
	private static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/**
	 * Parses any of the forms above, keeping the offset the text was written with: UTC for a text
	 * without one.
	 * @throws DateTimeParseException if the text is none of them
	 */
	public static OffsetDateTime parseWithOffset(String text) {
		TemporalAccessor parsed = READ.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from,
				LocalDate::from);
		if (parsed instanceof OffsetDateTime offset) {
			return offset;
		}
		if (parsed instanceof LocalDateTime local) {
			return local.atOffset(ZoneOffset.UTC);
		}
		return ((LocalDate) parsed).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
