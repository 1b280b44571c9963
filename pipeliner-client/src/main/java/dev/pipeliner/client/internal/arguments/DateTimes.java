package dev.pipeliner.client.internal.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date-times as callers and servers give them: the range both protocols can write, and a
 * tolerant reading of the forms that answers and loose queries use ({@code yyyy-MM-dd HH:mm:ss},
 * ISO-8601 with or without an offset, a bare date). Not part of the public API.
 */
public final class DateTimes {

	private DateTimes() {
	}

	private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

	/**
	 * @return the instant, if both protocols can write it: from year 1 to year 9999
	 * @throws IllegalArgumentException naming the argument otherwise
	 */
	public static Instant requireWritable(Instant instant, String name) {
		Arguments.requireNonNull(instant, name);
		if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
			throw new IllegalArgumentException(name + " must lie between " + FIRST + " and " + LAST + ", but was " + instant);
		}
		return instant;
	}

	/**
	 * Parses the wire format and, tolerantly, ISO-8601 forms and a bare date (midnight UTC).
	 * @throws DateTimeParseException if the text is none of them
	 */
	public static Instant parse(String text) {
		String value = text.trim();
		if (value.length() == 10) {
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		if (value.length() > 10 && value.charAt(10) == ' ') {
			value = value.substring(0, 10) + 'T' + value.substring(11);
		}
		try {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return OffsetDateTime.parse(value).toInstant();
		}
	}

}
