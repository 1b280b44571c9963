package dev.pipeliner.emulator.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entities of one collection, in insertion order, with the costs a server needs at scale.
 * <p>
 * Each entity gets a sequence number when it is first stored; numbers only grow, so insertion
 * order is sequence order. The entities sit in <em>blocks</em> of at most {@value #BLOCK} slots,
 * each in sequence order, and the blocks follow each other in sequence order too. A create
 * appends to the last block (or opens a new one); an update replaces the entity in its slot; a
 * delete removes the slot from its block, and a block that becomes empty is dropped. So no block
 * holds a deleted entity, and every block holds at least one live one.
 * <p>
 * A Fenwick tree over the block sizes finds the block that holds the entity at a given rank in
 * O(log n); the blocks' sequence ranges find the position after a given sequence number by binary
 * search in O(log n). From there a page is read slot by slot, and since no slot is empty, a page of
 * p entities costs O(p + log n) at any offset or sequence number. A map from id to slot answers
 * reads by id and updates in O(1); a delete costs O(log n + {@value #BLOCK}), and dropping an empty
 * block rebuilds the tree in O(n / {@value #BLOCK}).
 * <p>
 * Not thread-safe: the team pipeline's lock guards it. Stored nodes are never changed in place,
 * so entities read under the lock may be written out after it is released.
 */
public final class EntityTable {

	static final int BLOCK = 256;

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

	private final List<List<Slot>> blocks = new ArrayList<>();

	/** 1-based Fenwick tree over the sizes of {@link #blocks}. */
	private int[] tree = new int[16];

	private long nextSequence;

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
			slot.entity = entity;
			return;
		}
		slot = new Slot(this.nextSequence++, entity);
		this.byId.put(id, slot);
		List<Slot> last = this.blocks.isEmpty() ? null : this.blocks.get(this.blocks.size() - 1);
		if (last == null || last.size() >= BLOCK) {
			last = new ArrayList<>(BLOCK);
			this.blocks.add(last);
			appendToTree(this.blocks.size());
		}
		last.add(slot);
		addToTree(this.blocks.size(), 1);
	}

	/** @return the removed entity, or {@code null} when the id is unknown */
	public @Nullable ObjectNode remove(String id) {
		Slot slot = this.byId.remove(id);
		if (slot == null) {
			return null;
		}
		int block = blockAfter(slot.sequence - 1);
		List<Slot> slots = this.blocks.get(block);
		slots.remove(indexAfter(slots, slot.sequence - 1));
		if (slots.isEmpty()) {
			this.blocks.remove(block);
			rebuildTree();
		}
		else {
			addToTree(block + 1, -1);
		}
		return slot.entity;
	}

	/** Removes every entity. */
	public void clear() {
		this.byId.clear();
		this.blocks.clear();
		this.tree = new int[16];
	}

	/** @return the entities from the one at {@code rank} (0 is the first) on, in insertion order */
	public Cursor fromRank(long rank) {
		if (rank >= size()) {
			return new Cursor(this.blocks.size(), 0);
		}
		// Fenwick descent: the last block whose preceding blocks hold at most `rank` entities.
		int index = 0;
		long remaining = rank;
		for (int step = Integer.highestOneBit(this.blocks.size()); step > 0; step >>= 1) {
			int next = index + step;
			if (next <= this.blocks.size() && this.tree[next] <= remaining) {
				index = next;
				remaining -= this.tree[next];
			}
		}
		return new Cursor(index, (int) remaining);
	}

	/** @return the entities stored after the one with this sequence number, in insertion order */
	public Cursor afterSequence(long sequence) {
		int block = blockAfter(sequence);
		if (block == this.blocks.size()) {
			return new Cursor(block, 0);
		}
		return new Cursor(block, indexAfter(this.blocks.get(block), sequence));
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

	/** The first block holding a sequence number above {@code sequence}, or the block count. */
	private int blockAfter(long sequence) {
		int low = 0;
		int high = this.blocks.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			List<Slot> slots = this.blocks.get(middle);
			if (slots.get(slots.size() - 1).sequence <= sequence) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private static int indexAfter(List<Slot> slots, long sequence) {
		int low = 0;
		int high = slots.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (slots.get(middle).sequence <= sequence) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private void addToTree(int index, int delta) {
		for (int i = index; i < this.tree.length; i += i & -i) {
			this.tree[i] += delta;
		}
	}

	/** Makes room for block {@code index} (1-based), newly added and still empty. */
	private void appendToTree(int index) {
		if (index >= this.tree.length) {
			this.tree = Arrays.copyOf(this.tree, this.tree.length * 2);
			rebuildTree();
			return;
		}
		// The node covers blocks (index - lowbit, index]; all but the new, empty one exist.
		int sum = 0;
		for (int child = index - 1; child > index - (index & -index); child -= child & -child) {
			sum += this.tree[child];
		}
		this.tree[index] = sum;
	}

	private void rebuildTree() {
		Arrays.fill(this.tree, 0);
		for (int i = 1; i <= this.blocks.size(); i++) {
			this.tree[i] += this.blocks.get(i - 1).size();
			int parent = i + (i & -i);
			if (parent < this.tree.length) {
				this.tree[parent] += this.tree[i];
			}
		}
	}

	/** A position in the table, moving forward in insertion order. Valid until the table changes. */
	public final class Cursor {

		private int block;

		private int index;

		private long lastSequence = -1;

		private Cursor(int block, int index) {
			this.block = block;
			this.index = index;
		}

		public boolean hasNext() {
			return this.block < EntityTable.this.blocks.size();
		}

		public ObjectNode next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			List<Slot> slots = EntityTable.this.blocks.get(this.block);
			Slot slot = slots.get(this.index++);
			if (this.index == slots.size()) {
				this.block++;
				this.index = 0;
			}
			this.lastSequence = slot.sequence;
			return slot.entity;
		}

		/** @return the sequence number of the entity {@link #next()} returned last, or -1 */
		public long lastSequence() {
			return this.lastSequence;
		}

	}

}
