package dev.pipeliner.client.internal.v100;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.internal.protocol.ValueForms;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the v100 API writes values: date-times in UTC as its answers carry them,
 * {@code 2023-03-23 14:20:54.529536+00:00}, in bodies and in filters alike; dates as
 * {@code yyyy-MM-dd}; booleans as JSON {@code true} and {@code false}. A {@link LocalDateTime}
 * is taken to be UTC, as on v1, and a {@link Date} is written as the instant it is. Date-times
 * outside the years 1 to 9999 are refused. Reading any wire form onto the java.time types is
 * {@link ValueForms}'. Not part of the public API.
 */
public final class V100Values {

	/**
	 * How v100 answers write date-times, and how the client writes them. The OpenAPI document gives
	 * no form for filter values: they take the form of the answers, which the service reads back.
	 */
	static final String FORM = "'2023-03-23 14:20:54.529536+00:00'";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

	private V100Values() {
	}

	/**
	 * @param rounding how an instant finer than the service's microseconds is made a microsecond:
	 * {@link RoundingMode#FLOOR} or {@link RoundingMode#CEILING}, so that a comparison selects the
	 * same entities as against the instant itself
	 * @return an instant as a filter value, in UTC
	 */
	static String filterValue(Instant instant, RoundingMode rounding) {
		Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
		if (rounding == RoundingMode.CEILING && micros.isBefore(instant)) {
			micros = micros.plus(1, ChronoUnit.MICROS);
		}
		return format(micros);
	}

	/** @return the v100 date-time form of an instant, in UTC, to the microsecond */
	static String format(Instant instant) {
		return DATE_TIME.format(DateTimes.requireWritable(instant, "value").atOffset(ZoneOffset.UTC));
	}

	/** @return a Jackson module that writes request bodies in the v100 forms and reads every wire form */
	public static SimpleModule module() {
		return ValueForms.module("pipeliner-v100-values", V100Values::format);
	}

}
