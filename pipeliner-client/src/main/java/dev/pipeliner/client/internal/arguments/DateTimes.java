package dev.pipeliner.client.internal.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

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
	 * Parses any of the forms above.
	 * @throws DateTimeParseException if the text is none of them
	 */
	public static Instant parse(String text) {
		return parseWithOffset(text).toInstant();
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
