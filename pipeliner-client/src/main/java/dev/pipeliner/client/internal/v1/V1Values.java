package dev.pipeliner.client.internal.v1;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import dev.pipeliner.client.internal.arguments.DateTimes;
import dev.pipeliner.client.internal.protocol.ValueForms;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the v1 API writes values that JSON has no form for, as the vendor's SDKs send them:
 * date-times as {@code yyyy-MM-dd HH:mm:ss} in UTC ({@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Date}; a {@link LocalDateTime} is taken to be UTC already), dates as
 * {@code yyyy-MM-dd}, and booleans as {@code 1} and {@code 0}. Date-times outside the years 1 to
 * 9999 are refused. Reading any wire form onto the java.time types is {@link ValueForms}'. Not
 * part of the public API.
 */
public final class V1Values {

	/** How v1 answers write date-times, and how the client writes them. */
	static final String FORM = "'yyyy-MM-dd HH:mm:ss' (UTC)";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private V1Values() {
	}

	/** @return the v1 date-time form of an instant, in UTC */
	static String format(Instant instant) {
		return DATE_TIME.format(DateTimes.requireWritable(instant, "value").atOffset(ZoneOffset.UTC));
	}

	/** @return a Jackson module that writes request bodies in the v1 forms and reads every wire form */
	public static SimpleModule module() {
		SimpleModule module = ValueForms.module("pipeliner-v1-values", V1Values::format);
		ValueSerializer<Boolean> flag = new ValueSerializer<>() {
			@Override
			public void serialize(Boolean value, JsonGenerator generator, SerializationContext context) {
				generator.writeNumber(value ? 1 : 0);
			}
		};
		module.addSerializer(Boolean.class, flag);
		module.addSerializer(boolean.class, flag);
		return module;
	}

}
