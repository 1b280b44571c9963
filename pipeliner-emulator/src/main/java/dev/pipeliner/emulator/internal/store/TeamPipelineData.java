package dev.pipeliner.emulator.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.pipeliner.emulator.internal.store.Schema.EntityType;

/**
 * The data of one team pipeline: an {@link EntityTable} per collection. Readers share the
 * lock and writers hold it alone, so a batch is applied atomically. Stored entities are never
 * changed in place: an update stores a new node, so a page read under the lock may be written out
 * after the lock is released.
 */
public final class TeamPipelineData {

	private final String id;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, EntityTable> tables = new HashMap<>();

	private final Map<String, EntityTable> deleted = new HashMap<>();

	private final AtomicLong nextNumericId = new AtomicLong(1000);

	private final Schema schema;

	/**
	 * @param id the team pipeline id
	 * @param schema the entities it holds
	 */
	public TeamPipelineData(String id, Schema schema) {
		this.id = id;
		this.schema = schema;
		schema.byCollection().keySet().forEach((collection) -> {
			this.tables.put(collection, new EntityTable(schema.wire().indexed()));
			this.deleted.put(collection, new EntityTable());
		});
	}

	public String id() {
		return this.id;
	}

	/** @return the entities it holds, and the protocol whose forms they are stored in */
	public Schema schema() {
		return this.schema;
	}

	public ReentrantReadWriteLock lock() {
		return this.lock;
	}

	/**
	 * @param type a type of this team pipeline's {@link #schema()}
	 * @return the table of its collection, by id in insertion order; hold the lock
	 */
	public EntityTable table(EntityType type) {
		return table(type.collection());
	}

	/**
	 * @param collection a collection of this team pipeline's {@link #schema()}
	 * @return its table, by id in insertion order; hold the lock
	 */
	public EntityTable table(String collection) {
		return Objects.requireNonNull(this.tables.get(collection),
				() -> collection + " is not a collection of this team pipeline's schema");
	}

	/**
	 * @param collection a collection of this team pipeline's {@link #schema()}
	 * @return the entities deleted from it, as the deletes left them, in the order of their
	 * deletion: what a v100 read with {@code include-deleted} shows beside the table; hold the lock
	 */
	public EntityTable deleted(String collection) {
		return Objects.requireNonNull(this.deleted.get(collection),
				() -> collection + " is not a collection of this team pipeline's schema");
	}

	/** @return a new id in the server's form: v1 numbers for users and sales units, else {@code PY-7FFFFFFF-…}; v100 UUIDs */
	public String newId(EntityType type) {
		if (type.numericIds()) {
			return Long.toString(this.nextNumericId.getAndIncrement());
		}
		return this.schema.wire().newTextId();
	}

	/** Keeps generated numeric ids above one that was given explicitly. */
	public void noteNumericId(String id) {
		try {
			long value = Long.parseLong(id);
			this.nextNumericId.accumulateAndGet(value + 1, Math::max);
		}
		catch (NumberFormatException ex) {
			// not numeric: nothing to note
		}
	}

	/** Removes every entity; hold the write lock. */
	public void clear() {
		this.tables.values().forEach(EntityTable::clear);
		this.deleted.values().forEach(EntityTable::clear);
	}

}
