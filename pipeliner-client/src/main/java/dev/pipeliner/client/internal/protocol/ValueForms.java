package dev.pipeliner.client.internal.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.pipeliner.client.internal.arguments.DateTimes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.node.TreeTraversingParser;

/**
 * What every protocol's value forms share: writers of a value as text, numbers in plain notation,
 * and readers that map the date-times of every wire form onto the java.time types of a caller's
 * records and POJOs.
 * <p>
 * A reader rewrites a wire date-time ({@code 2023-03-23 14:20:54.529536+00:00},
 * {@code 2023-03-23 14:20:54}, an offset without a colon, …) into its ISO-8601 equivalent and hands
 * that to Jackson's own reader of the type, so the mapper's settings apply as they would to
 * ISO-8601 input: {@code DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE} (on by default) turns
 * an {@link OffsetDateTime} or {@link ZonedDateTime} into the mapper's time zone, and a
 * {@code @JsonFormat} pattern on a property is used as it is, with the text as sent. A
 * {@link LocalDateTime} or {@link LocalDate} gets the UTC date and time of a date-time with an
 * offset, the zone every answer is in unless a {@code Timezone} header asked otherwise, and the
 * zone the client writes local date-times in. Not part of the public API.
 */
public final class ValueForms {

	private ValueForms() {
	}

	/**
	 * @param name the module's name
	 * @param dateTime writes an instant in the protocol's form
	 * @return a module with the readers of wire date-times, and writers of every date-time type in
	 * the protocol's form: {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} and
	 * {@link Date} as the instant they are, {@link LocalDateTime} as UTC, {@link LocalDate} as
	 * {@code yyyy-MM-dd}
	 */
	public static SimpleModule module(String name, Function<Instant, String> dateTime) {
		SimpleModule module = readers(name);
		module.addSerializer(Instant.class, writer(dateTime));
		module.addSerializer(OffsetDateTime.class, writer((value) -> dateTime.apply(value.toInstant())));
		module.addSerializer(ZonedDateTime.class, writer((value) -> dateTime.apply(value.toInstant())));
		module.addSerializer(LocalDateTime.class, writer((value) -> dateTime.apply(value.toInstant(ZoneOffset.UTC))));
		module.addSerializer(Date.class, writer((value) -> dateTime.apply(value.toInstant())));
		module.addSerializer(LocalDate.class, writer(LocalDate::toString));
		return module;
	}

	/** @return a module that only reads wire date-times, for entities of no protocol */
	public static SimpleModule readers() {
		return readers("pipeliner-values");
	}

	private static SimpleModule readers(String name) {
		SimpleModule module = new SimpleModule(name);
		module.addDeserializer(Instant.class, new WireDateTime<>(Instant.class, InstantDeserializer.INSTANT,
				(value) -> value.toInstant().toString()));
		module.addDeserializer(OffsetDateTime.class, new WireDateTime<>(OffsetDateTime.class,
				InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::toString));
		module.addDeserializer(ZonedDateTime.class, new WireDateTime<>(ZonedDateTime.class,
				InstantDeserializer.ZONED_DATE_TIME, OffsetDateTime::toString));
		module.addDeserializer(LocalDateTime.class, new WireDateTime<>(LocalDateTime.class,
				LocalDateTimeDeserializer.INSTANCE, (value) -> utc(value).toLocalDateTime().toString()));
		module.addDeserializer(LocalDate.class, new WireDateTime<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
				(value) -> utc(value).toLocalDate().toString()));
		return module;
	}

	/** @return a writer of values as JSON strings in the given form */
	public static <T> ValueSerializer<T> writer(Function<T, String> format) {
		return new ValueSerializer<>() {
			@Override
			public void serialize(T value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(format.apply(value));
			}
		};
	}

	/**
	 * @return a number as a query value: decimals in plain notation ({@code 1000}, never
	 * {@code 1E+3}), other numbers as they print
	 * @throws IllegalArgumentException for a floating-point value that is not a number or infinite
	 */
	public static String plain(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw new IllegalArgumentException("value must be a finite number, but was " + number);
			}
			return BigDecimal.valueOf(value).toPlainString();
		}
		return number.toString();
	}

	private static OffsetDateTime utc(OffsetDateTime value) {
		return value.withOffsetSameInstant(ZoneOffset.UTC);
	}

	/**
	 * Reads one java.time type: a wire form rewritten to ISO-8601 for Jackson's reader of the type,
	 * anything else (numbers, texts of no wire form) given to that reader as it is.
	 */
	private static final class WireDateTime<T> extends StdDeserializer<T> {

		private final ValueDeserializer<?> standard;

		private final Function<OffsetDateTime, String> iso;

		WireDateTime(Class<T> type, ValueDeserializer<?> standard, Function<OffsetDateTime, String> iso) {
			super(type);
			this.standard = standard;
			this.iso = iso;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
			ValueDeserializer<?> contextual = this.standard.createContextual(context, property);
			JsonFormat.Value format = findFormatOverrides(context, property, handledType());
			if (format != null && format.hasPattern()) {
				// the property says how its text is written: Jackson reads it so
				return contextual;
			}
			return (contextual == this.standard) ? this : new WireDateTime<>(handledType(), contextual, this.iso);
		}

		@SuppressWarnings("unchecked")
		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				String text = parser.getString();
				String iso;
				try {
					iso = this.iso.apply(DateTimes.parseWithOffset(text));
				}
				catch (DateTimeParseException | ArithmeticException ex) {
					iso = null;
				}
				if (iso != null) {
					try (JsonParser rewritten = new TreeTraversingParser(StringNode.valueOf(iso), context)) {
						rewritten.nextToken();
						return (T) this.standard.deserialize(rewritten, context);
					}
				}
			}
			return (T) this.standard.deserialize(parser, context);
		}

		@SuppressWarnings("unchecked")
		@Override
		public Class<T> handledType() {
			return (Class<T>) super.handledType();
		}

	}

}
