package dev.pipeliner.emulator.internal.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What differs between the stored forms of the two protocols: the names of the fields the server
 * manages, ids, date-times and the not-deleted flag.
 */
public enum Wire {

	/** REST API v1: upper-case names, {@code PY-7FFFFFFF-…} ids, {@code yyyy-MM-dd HH:mm:ss}, 0/1. */
	V1("ID", "CREATED", "MODIFIED", "IS_DELETED", null),

	/** Cloud API v100: snake_case names, UUIDs, microsecond date-times with an offset, booleans. */
	V100("id", "created", "modified", "is_deleted", "revision");

	private static final DateTimeFormatter V100_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'")
		.withZone(ZoneOffset.UTC);

	/** What v100 accepts: a date, or a date-time with {@code T} or a space, optional fraction and offset. */
	private static final DateTimeFormatter V100_IN = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendPattern("HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	final String id;

	final String created;

	final String modified;

	final String deleted;

	/** A number the server raises on every change, or {@code null} when the protocol has none. */
	final @Nullable String revision;

	final Set<String> serverManaged;

	/** The fields whose order a team pipeline's tables keep, for reads in that order. */
	private final List<String> indexed;

	Wire(String id, String created, String modified, String deleted, @Nullable String revision) {
		this.id = id;
		this.created = created;
		this.modified = modified;
		this.deleted = deleted;
		this.revision = revision;
		this.serverManaged = (revision != null) ? Set.of(id, created, modified, deleted, revision)
				: Set.of(id, created, modified, deleted);
		// v1 pages by offset in insertion order; v100 by cursor in the order of ids and times
		this.indexed = (revision != null) ? List.of(id, created, modified) : List.of();
	}

	/** @return the fields whose order a team pipeline's tables keep: on v100 the id and the times, on v1 none */
	public List<String> indexed() {
		return this.indexed;
	}

	/** @return a date-time in the form answers carry */
	public String format(Instant instant) {
		return (this == V1) ? Values.format(instant) : V100_OUT.format(instant);
	}

	/** @return the instant a date-time in an accepted form stands for, or {@code null} */
	public @Nullable Instant parse(String text) {
		if (this == V1) {
			return Values.isDateTime(text) ? ((text.length() == 10) ? LocalDate.parse(text).atStartOfDay()
					: LocalDateTime.parse(text, Values.DATE_TIME)).toInstant(ZoneOffset.UTC) : null;
		}
		try {
			var parsed = V100_IN.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
			if (parsed instanceof OffsetDateTime offset) {
				return offset.toInstant();
			}
			if (parsed instanceof LocalDateTime local) {
				return local.toInstant(ZoneOffset.UTC);
			}
			return ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** @return the form a date-time field stores: v1 keeps what was sent, v100 answers in its own form */
	JsonNode storedDateTime(JsonNode value) {
		if (this == V1 || !value.isString()) {
			return value;
		}
		Instant instant = parse(value.stringValue());
		return (instant != null) ? JsonNodeFactory.instance.stringNode(format(instant)) : value;
	}

	JsonNode notDeleted() {
		return (this == V1) ? JsonNodeFactory.instance.numberNode(0) : JsonNodeFactory.instance.booleanNode(false);
	}

	/** @return a new id for an entity whose ids are not numbers */
	String newTextId() {
		String uuid = UUID.randomUUID().toString();
		return (this == V1) ? "PY-7FFFFFFF-" + uuid.toUpperCase(Locale.ROOT) : uuid;
	}

	/** @return the entity with only the fields of {@code loadOnly}, and its id; the entity itself when none are named */
	public ObjectNode project(ObjectNode entity, List<String> loadOnly) {
		if (loadOnly.isEmpty()) {
			return entity;
		}
		ObjectNode projected = entity.objectNode();
		projected.set(this.id, entity.get(this.id));
		for (String field : loadOnly) {
			if (entity.has(field)) {
				projected.set(field, entity.get(field));
			}
		}
		return projected;
	}

	/** @return the {@code Authorization} header value that HTTP Basic authentication sends for these credentials */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
