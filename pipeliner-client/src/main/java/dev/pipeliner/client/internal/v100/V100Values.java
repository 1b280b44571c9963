package dev.pipeliner.client.internal.v100;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the v100 API writes values: date-times in UTC as its answers carry them,
 * {@code 2023-03-23 14:20:54.529536+00:00}; dates as {@code yyyy-MM-dd}; booleans as JSON
 * {@code true} and {@code false}. Not part of the public API.
 */
public final class V100Values {

	/** The form of date-times in v100 answers, and in what the client sends. */
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

	private V100Values() {
	}

	/**
	 * The form of date-times in filter values: {@code yyyy-MM-dd HH:mm:ss} in UTC, as public v100
	 * clients send them. The OpenAPI document does not say which form filters take.
	 */
	private static final DateTimeFormatter FILTER_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** @return an instant as a filter value, in UTC */
	static String filterValue(Instant instant) {
		return FILTER_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	/** @return the v100 date-time form of an instant, in UTC */
	static String format(Instant instant) {
		return DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	/** @return a Jackson module that writes request bodies in the v100 forms */
	public static SimpleModule module() {
		SimpleModule module = new SimpleModule("pipeliner-v100-values");
		module.addSerializer(Instant.class, serializer(V100Values::format));
		module.addSerializer(OffsetDateTime.class, serializer((value) -> format(value.toInstant())));
		module.addSerializer(ZonedDateTime.class, serializer((value) -> format(value.toInstant())));
		module.addSerializer(LocalDate.class, serializer(LocalDate::toString));
		return module;
	}

	private static <T> ValueSerializer<T> serializer(Function<T, String> format) {
		return new ValueSerializer<>() {
			@Override
			public void serialize(T value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(format.apply(value));
			}
		};
	}

}
