package dev.pipeliner.emulator.internal.store;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entities of one collection, in insertion order and, for the fields it indexes, in the order
 * of their values, with the costs a server needs at scale.
 * <p>
 * Each entity gets a sequence number when it is first stored; numbers only grow, so insertion
 * order is sequence order. The entities are kept in a {@link SortedIndex} by sequence number, so
 * a page of p entities costs O(p + log n) at any offset or after any sequence number. A map from
 * id to entity answers reads by id and updates in O(1).
 * <p>
 * An indexed field keeps a {@link SortedIndex} of {@link Key}s, its value and the entity's id, so
 * that reading in the order of the field, from any value, and counting the entities between two
 * values cost O(log n) and then O(1) per entity. Values compare as text, a missing or {@code null}
 * value first: dates must be stored in a form whose text order is their time order. Each write
 * costs O(log n + {@value SortedIndex#BLOCK}) per index.
 * <p>
 * Not thread-safe: the team pipeline's lock guards it. Stored nodes are never changed in place,
 * so entities read under the lock may be written out after it is released.
 */
public final class EntityTable {

	static final int BLOCK = SortedIndex.BLOCK;

	/** A value of an indexed field and the id of the entity it belongs to, in the index's order. */
	public record Key(@Nullable String value, String id) {

		/** Values as text, {@code null} first, then ids. */
		public static final Comparator<Key> ORDER = Comparator
			.comparing(Key::value, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
			.thenComparing(Key::id);

	}

	/** A stored entity and its place in insertion order. */
	private static final class Slot {

		final long sequence;

		ObjectNode entity;

		Slot(long sequence, ObjectNode entity) {
			this.sequence = sequence;
			this.entity = entity;
		}

	}

	private final Map<String, Slot> byId = new HashMap<>();

	private final SortedIndex<Slot> inserted = new SortedIndex<>(Comparator.comparingLong((slot) -> slot.sequence));

	private final Map<String, SortedIndex<Key>> indexes = new LinkedHashMap<>();

	private long nextSequence;

	/** A table in insertion order only. */
	public EntityTable() {
		this(List.of());
	}

	/** @param indexed the fields to keep in the order of their values too */
	public EntityTable(List<String> indexed) {
		indexed.forEach((field) -> this.indexes.put(field, new SortedIndex<>(Key.ORDER)));
	}

	/** @return the number of entities */
	public int size() {
		return this.byId.size();
	}

	/** @return the entity with this id, or {@code null} */
	public @Nullable ObjectNode get(String id) {
		Slot slot = this.byId.get(id);
		return (slot != null) ? slot.entity : null;
	}

	/** @return the sequence number of the entity with this id, or -1 */
	public long sequence(String id) {
		Slot slot = this.byId.get(id);
		return (slot != null) ? slot.sequence : -1;
	}

	/** Stores an entity: in its slot when the id is known, else at the end. */
	public void put(String id, ObjectNode entity) {
		Slot slot = this.byId.get(id);
		if (slot != null) {
			ObjectNode old = slot.entity;
			this.indexes.forEach((field, index) -> {
				Key before = key(field, id, old);
				Key after = key(field, id, entity);
				if (!before.equals(after)) {
					index.remove(before);
					index.add(after);
				}
			});
			slot.entity = entity;
			return;
		}
		slot = new Slot(this.nextSequence++, entity);
		this.byId.put(id, slot);
		this.inserted.add(slot);
		this.indexes.forEach((field, index) -> index.add(key(field, id, entity)));
	}

	/** @return the removed entity, or {@code null} when the id is unknown */
	public @Nullable ObjectNode remove(String id) {
		Slot slot = this.byId.remove(id);
		if (slot == null) {
			return null;
		}
		this.inserted.remove(slot);
		this.indexes.forEach((field, index) -> index.remove(key(field, id, slot.entity)));
		return slot.entity;
	}

	/** Removes every entity. */
	public void clear() {
		this.byId.clear();
		this.inserted.clear();
		this.indexes.values().forEach(SortedIndex::clear);
	}

	/** @return the entities from the one at {@code rank} (0 is the first) on, in insertion order */
	public Cursor fromRank(long rank) {
		return new Cursor(this.inserted.from((int) Math.min(rank, Integer.MAX_VALUE)));
	}

	/** @return the entities stored after the one with this sequence number, in insertion order */
	public Cursor afterSequence(long sequence) {
		return new Cursor(this.inserted.from(this.inserted.rank((slot) -> slot.sequence > sequence)));
	}

	/**
	 * @param field a field the table was made to index
	 * @return the keys of the field's values, in their order; read-only
	 */
	public SortedIndex<Key> index(String field) {
		return Objects.requireNonNull(this.indexes.get(field), () -> field + " is not an indexed field of this table");
	}

	/** @return whether the table keeps the field in the order of its values */
	public boolean isIndexed(String field) {
		return this.indexes.containsKey(field);
	}

	/** @return every entity, in insertion order */
	public Iterable<ObjectNode> values() {
		return () -> {
			Cursor cursor = fromRank(0);
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return cursor.hasNext();
				}

				@Override
				public ObjectNode next() {
					return cursor.next();
				}

			};
		};
	}

	/** @return the key an entity has in the index of a field */
	public static Key key(String field, String id, JsonNode entity) {
		JsonNode value = entity.get(field);
		String text = (value == null || value.isNull()) ? null : value.isValueNode() ? value.asString() : value.toString();
		return new Key(text, id);
	}

	/** A position in the table, moving forward in insertion order. Valid until the table changes. */
	public static final class Cursor {

		private final SortedIndex.Cursor<Slot> slots;

		private long lastSequence = -1;

		private Cursor(SortedIndex.Cursor<Slot> slots) {
			this.slots = slots;
		}

		public boolean hasNext() {
			return this.slots.hasNext();
		}

		public ObjectNode next() {
			Slot slot = this.slots.next();
			this.lastSequence = slot.sequence;
			return slot.entity;
		}

		/** @return the sequence number of the entity {@link #next()} returned last, or -1 */
		public long lastSequence() {
			return this.lastSequence;
		}

	}

}
