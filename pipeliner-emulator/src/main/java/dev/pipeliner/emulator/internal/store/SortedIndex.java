package dev.pipeliner.emulator.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Items kept in a total order, with the costs a server needs at scale: adding or removing an item
 * costs O(log n + {@value #BLOCK}), counting the items before a point of the order costs
 * O(log n), and reading from any rank costs O(log n) and then O(1) per item.
 * <p>
 * The items sit in <em>blocks</em>, each sorted, that follow each other in order; no block is
 * empty. An item added after every other goes to the last block, or opens a new one when that
 * holds {@value #BLOCK}; an item added in between goes to its block, which is split in halves when
 * it passes twice that. A Fenwick tree over the block sizes finds the block that holds a rank, and
 * the sum of the blocks before one, in O(log n); the blocks' last items find where a point of the
 * order falls by binary search.
 * <p>
 * Items that compare as equal are kept in the order they were added; {@link #remove} takes the
 * first of them, so give the order a tie-breaker when items can be equal. Not thread-safe.
 * @param <T> the items
 */
public final class SortedIndex<T> {

	/** The number of items a block holds before an added item opens the next one. */
	public static final int BLOCK = 256;

	private final Comparator<? super T> order;

	private final List<List<T>> blocks = new ArrayList<>();

	/** 1-based Fenwick tree over the sizes of {@link #blocks}. */
	private int[] tree = new int[16];

	private int size;

	/** @param order the order of the items; items equal in it are kept in the order they came */
	public SortedIndex(Comparator<? super T> order) {
		this.order = order;
	}

	/** @return the number of items */
	public int size() {
		return this.size;
	}

	/** Adds an item at its place, after the items equal to it. */
	public void add(T item) {
		this.size++;
		int last = this.blocks.size() - 1;
		if (last < 0 || this.order.compare(item, tail(last)) >= 0) {
			if (last >= 0 && this.blocks.get(last).size() < BLOCK) {
				this.blocks.get(last).add(item);
				addToTree(last + 1, 1);
			}
			else {
				List<T> block = new ArrayList<>(BLOCK);
				block.add(item);
				this.blocks.add(block);
				appendToTree(this.blocks.size());
			}
			return;
		}
		int index = firstBlock((other) -> this.order.compare(other, item) > 0);
		List<T> block = this.blocks.get(index);
		block.add(firstIndex(block, (other) -> this.order.compare(other, item) > 0), item);
		if (block.size() > 2 * BLOCK) {
			List<T> upper = new ArrayList<>(block.subList(block.size() / 2, block.size()));
			block.subList(block.size() / 2, block.size()).clear();
			this.blocks.add(index + 1, upper);
			rebuildTree();
		}
		else {
			addToTree(index + 1, 1);
		}
	}

	/** @return whether an item equal to {@code item} was there, the first of which is now removed */
	public boolean remove(T item) {
		Predicate<T> atOrAfter = (other) -> this.order.compare(other, item) >= 0;
		int index = firstBlock(atOrAfter);
		if (index == this.blocks.size()) {
			return false;
		}
		List<T> block = this.blocks.get(index);
		int position = firstIndex(block, atOrAfter);
		if (this.order.compare(block.get(position), item) != 0) {
			return false;
		}
		block.remove(position);
		this.size--;
		if (block.isEmpty()) {
			this.blocks.remove(index);
			rebuildTree();
		}
		else {
			addToTree(index + 1, -1);
		}
		return true;
	}

	/** Removes every item. */
	public void clear() {
		this.blocks.clear();
		this.tree = new int[16];
		this.size = 0;
	}

	/**
	 * @param atOrAfter true for the items at or after a point of the order and false for those
	 * before it: a predicate that the order makes monotone
	 * @return the number of items before the point, which is the rank of the first item at or after it
	 */
	public int rank(Predicate<? super T> atOrAfter) {
		int index = firstBlock(atOrAfter);
		if (index == this.blocks.size()) {
			return this.size;
		}
		return prefix(index) + firstIndex(this.blocks.get(index), atOrAfter);
	}

	/** @return the items from the one at {@code rank} (0 is the first) on, in order */
	public Cursor<T> from(int rank) {
		if (rank >= this.size) {
			return new Cursor<>(this.blocks, this.blocks.size(), 0);
		}
		// Fenwick descent: the last block whose preceding blocks hold at most `rank` items.
		int index = 0;
		int remaining = rank;
		for (int step = Integer.highestOneBit(this.blocks.size()); step > 0; step >>= 1) {
			int next = index + step;
			if (next <= this.blocks.size() && this.tree[next] <= remaining) {
				index = next;
				remaining -= this.tree[next];
			}
		}
		return new Cursor<>(this.blocks, index, remaining);
	}

	private T tail(int block) {
		List<T> items = this.blocks.get(block);
		return items.get(items.size() - 1);
	}

	/** @return the first block whose last item passes the monotone predicate, or the block count */
	private int firstBlock(Predicate<? super T> atOrAfter) {
		int low = 0;
		int high = this.blocks.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (atOrAfter.test(tail(middle))) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	private static <T> int firstIndex(List<T> block, Predicate<? super T> atOrAfter) {
		int low = 0;
		int high = block.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (atOrAfter.test(block.get(middle))) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	/** @return the number of items in the blocks before block {@code index} (0-based) */
	private int prefix(int index) {
		int sum = 0;
		for (int i = index; i > 0; i -= i & -i) {
			sum += this.tree[i];
		}
		return sum;
	}

	private void addToTree(int index, int delta) {
		for (int i = index; i < this.tree.length; i += i & -i) {
			this.tree[i] += delta;
		}
	}

	/** Makes room for block {@code index} (1-based), newly added at the end with one item. */
	private void appendToTree(int index) {
		if (index >= this.tree.length) {
			this.tree = Arrays.copyOf(this.tree, this.tree.length * 2);
			rebuildTree();
			return;
		}
		// The node covers blocks (index - lowbit, index]; all but the new one are counted already.
		int sum = 1;
		for (int child = index - 1; child > index - (index & -index); child -= child & -child) {
			sum += this.tree[child];
		}
		this.tree[index] = sum;
	}

	private void rebuildTree() {
		if (this.blocks.size() >= this.tree.length) {
			this.tree = new int[Integer.highestOneBit(this.blocks.size()) * 4];
		}
		Arrays.fill(this.tree, 0);
		for (int i = 1; i <= this.blocks.size(); i++) {
			this.tree[i] += this.blocks.get(i - 1).size();
			int parent = i + (i & -i);
			if (parent < this.tree.length) {
				this.tree[parent] += this.tree[i];
			}
		}
	}

	/**
	 * A position in the index, moving forward in order. Valid until the index changes.
	 * @param <T> the items
	 */
	public static final class Cursor<T> {

		private final List<List<T>> blocks;

		private int block;

		private int index;

		private Cursor(List<List<T>> blocks, int block, int index) {
			this.blocks = blocks;
			this.block = block;
			this.index = index;
		}

		public boolean hasNext() {
			return this.block < this.blocks.size();
		}

		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			List<T> items = this.blocks.get(this.block);
			T item = items.get(this.index++);
			if (this.index == items.size()) {
				this.block++;
				this.index = 0;
			}
			return item;
		}

	}

}
