package dev.pipeliner.client.internal.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the v1 API writes values that JSON has no form for, as the vendor's SDKs send them:
 * date-times as {@code yyyy-MM-dd HH:mm:ss} in UTC ({@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}; a {@link LocalDateTime} is taken to be UTC already), dates as
 * {@code yyyy-MM-dd}, and booleans as {@code 1} and {@code 0}. Not part of the public API.
 */
public final class V1Values {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private V1Values() {
	}

	/** @return the v1 date-time form of an instant, in UTC */
	static String format(Instant instant) {
		return DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	/** @return a Jackson module that writes request bodies in the v1 forms */
	public static SimpleModule module() {
		SimpleModule module = new SimpleModule("pipeliner-v1-values");
		module.addSerializer(Instant.class, serializer(V1Values::format));
		module.addSerializer(OffsetDateTime.class,
				serializer((value) -> DATE_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC))));
		module.addSerializer(ZonedDateTime.class,
				serializer((value) -> DATE_TIME.format(value.withZoneSameInstant(ZoneOffset.UTC))));
		module.addSerializer(LocalDateTime.class, serializer(DATE_TIME::format));
		module.addSerializer(LocalDate.class, serializer(LocalDate::toString));
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

	private static <T> ValueSerializer<T> serializer(java.util.function.Function<T, String> format) {
		return new ValueSerializer<>() {
			@Override
			public void serialize(T value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(format.apply(value));
			}
		};
	}

}
