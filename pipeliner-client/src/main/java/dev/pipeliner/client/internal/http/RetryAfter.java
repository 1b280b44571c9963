package dev.pipeliner.client.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Retry-After} header: seconds or an HTTP date. Not part of the public API.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * @return the wait the header asks for, or {@code null} when absent or malformed; a number of
	 * seconds too large to hold is the longest wait there is, never none
	 */
	static @Nullable Duration parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				return Duration.ofSeconds(Long.MAX_VALUE);
			}
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
