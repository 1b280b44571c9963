package dev.pipeliner.emulator.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SortedIndexTest {

	private final SortedIndex<Integer> index = new SortedIndex<>(Comparator.naturalOrder());

	/** What the index must behave like: a sorted list. */
	private final List<Integer> reference = new ArrayList<>();

	@Test
	void ranksAndReadsMatchASortedListThroughRandomAddsAndRemoves() {
		Random random = new Random(5);
		for (int round = 0; round < 60; round++) {
			// Mostly at the end, as ids and times grow, and also anywhere, so that blocks split.
			int bound = (round % 3 == 0) ? 1_000_000 : 100_000 + 10_000 * round;
			for (int i = random.nextInt(700); i > 0; i--) {
				add((round % 3 == 0) ? random.nextInt(bound) : bound + random.nextInt(10_000));
			}
			for (int i = random.nextInt(Math.max(1, this.reference.size() / 4)); i > 0; i--) {
				Integer item = this.reference.get(random.nextInt(this.reference.size()));
				assertThat(this.index.remove(item)).isTrue();
				this.reference.remove(item);
			}
			if (round % 10 == 9 && !this.reference.isEmpty()) {
				// A run of neighbours gone, so that whole blocks empty out.
				int from = random.nextInt(this.reference.size());
				new ArrayList<>(this.reference.subList(from, Math.min(this.reference.size(), from + 3 * SortedIndex.BLOCK)))
					.forEach((item) -> {
						this.index.remove(item);
						this.reference.remove(item);
					});
			}
			assertMatches(random);
		}
		assertThat(this.index.size()).isEqualTo(this.reference.size()).isGreaterThan(2000);
		assertThat(this.index.remove(-1)).isFalse();
	}

	@Test
	void equalItemsKeepTheOrderTheyCameIn() {
		SortedIndex<int[]> pairs = new SortedIndex<>(Comparator.comparingInt((int[] pair) -> pair[0]));
		for (int i = 0; i < 3 * SortedIndex.BLOCK; i++) {
			pairs.add(new int[] { i % 2, i });
		}
		SortedIndex.Cursor<int[]> cursor = pairs.from(pairs.rank((pair) -> pair[0] >= 1));
		int last = -1;
		while (cursor.hasNext()) {
			int[] pair = cursor.next();
			assertThat(pair[0]).isEqualTo(1);
			assertThat(pair[1]).isGreaterThan(last);
			last = pair[1];
		}
	}

	@Test
	void anEmptiedIndexStartsAgain() {
		for (int i = 0; i < 3 * SortedIndex.BLOCK; i++) {
			add(i);
		}
		new ArrayList<>(this.reference).forEach((item) -> {
			this.index.remove(item);
			this.reference.remove(item);
		});
		assertThat(this.index.from(0).hasNext()).isFalse();
		assertThat(this.index.rank((item) -> true)).isZero();
		add(7);
		add(3);

		assertMatches(new Random(1));
	}

	private void add(int item) {
		this.index.add(item);
		int position = 0;
		while (position < this.reference.size() && this.reference.get(position) <= item) {
			position++;
		}
		this.reference.add(position, item);
	}

	private void assertMatches(Random random) {
		List<Integer> read = new ArrayList<>();
		int page = 1 + random.nextInt(150);
		for (int rank = 0; rank < this.reference.size() + page; rank += page) {
			SortedIndex.Cursor<Integer> cursor = this.index.from(rank);
			for (int i = 0; i < page && cursor.hasNext(); i++) {
				read.add(cursor.next());
			}
		}
		assertThat(read).isEqualTo(this.reference);
		for (int probe = 0; probe < 50; probe++) {
			int point = random.nextInt(1_800_000);
			long below = this.reference.stream().filter((item) -> item < point).count();
			assertThat(this.index.rank((item) -> item >= point)).as("rank of %d", point).isEqualTo(below);
		}
	}

}
