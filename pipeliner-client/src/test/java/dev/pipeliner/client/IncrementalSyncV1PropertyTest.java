package dev.pipeliner.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.pipeliner.client.sync.IncrementalSync;
import dev.pipeliner.client.sync.SyncCheckpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sync's guarantee on v1, over a server that pages by offset and whose collection changes
 * before every page: random ties (many entities per second), random creates, updates and deletes,
 * random page sizes and overlaps, changes that become visible late, reads stopped by a crash
 * between pages and resumed from the stored checkpoint. Whatever happens, every entity state that
 * stood from the start of a read (or of the crashed reads it resumed) to its end has been handed
 * over by that read or an earlier one, and a read never goes back in {@code modified} order, as
 * long as changes become visible within the overlap.
 */
class IncrementalSyncV1PropertyTest {

	/** A crash of the application between two pages. */
	private static final class Crash extends RuntimeException {

		Crash() {
			super("crash between pages");
		}

	}

	@Test
	void noStateThatStoodThroughAReadIsMissedWhateverChangesAndCrashesBetweenPages() throws Exception {
		for (int seed = 0; seed < 40; seed++) {
			assertThat(scenario(seed, 0, new Random(seed).nextInt(3))).as("seed %d", seed).isEmpty();
		}
	}

	@Test
	void noChangeIsMissedThatBecomesVisibleWithinTheOverlap() throws Exception {
		for (int seed = 0; seed < 40; seed++) {
			assertThat(scenario(seed, 3, 3)).as("seed %d", seed).isEmpty();
		}
	}

	@Test
	void changesThatBecomeVisibleLaterThanTheOverlapCanBeMissedAndTheseScenariosSeeIt() throws Exception {
		List<String> missed = new ArrayList<>();
		for (int seed = 0; seed < 40; seed++) {
			missed.addAll(scenario(seed, 3, 0));
		}
		assertThat(missed).isNotEmpty();
	}

	/**
	 * Eight reads of a collection that changes before every page, about half of them stopped by a
	 * crash after a few pages and resumed by the next from the stored checkpoint, then a read
	 * once every change is visible and the collection is quiet.
	 * @return what went wrong: states that stood through a read and were not handed over, or a
	 * read that went back in modified order; empty if nothing did
	 */
	private static List<String> scenario(int seed, int lag, int overlap) throws Exception {
		Random random = new Random(seed);
		List<String> wrong = new ArrayList<>();
		try (ChangingV1Server server = new ChangingV1Server(random, 10 + random.nextInt(25), lag)) {
			IncrementalSync sync = IncrementalSync.builder(server.client(), "Contacts")
				.pageSize(1 + random.nextInt(6))
				.overlap(Duration.ofSeconds(overlap))
				.clock(server.clock())
				.build();
			Set<ChangingV1Server.Version> delivered = new HashSet<>();
			AtomicReference<String> stored = new AtomicReference<>(SyncCheckpoint.start().toString());
			Set<ChangingV1Server.Version> before = server.snapshot();
			for (int read = 0; read < 9; read++) {
				boolean last = read == 8;
				server.changing(!last);
				if (last) {
					server.advance(lag);
					before = server.snapshot();
				}
				int crashAfter = (last || random.nextBoolean()) ? Integer.MAX_VALUE : random.nextInt(4);
				List<Instant> order = new ArrayList<>();
				int[] batches = {0};
				try {
					sync.run(SyncCheckpoint.parse(stored.get()), (batch) -> {
						if (batches[0]++ == crashAfter) {
							throw new Crash();
						}
						for (Entity entity : batch.changes()) {
							delivered.add(versionOf(entity));
							order.add(entity.getDateTime("MODIFIED"));
						}
						stored.set(batch.checkpoint().toString());
					});
				}
				catch (Crash crash) {
					// the next read resumes from the stored checkpoint
					continue;
				}
				Set<ChangingV1Server.Version> missed = new HashSet<>(before);
				missed.retainAll(server.snapshot());
				missed.removeAll(delivered);
				if (!missed.isEmpty()) {
					wrong.add("read " + read + " missed " + missed);
				}
				if (!order.equals(order.stream().sorted().toList())) {
					wrong.add("read " + read + " went back in modified order: " + order);
				}
				before = server.snapshot();
			}
		}
		return wrong;
	}

	@Test
	void aReadFromTheLastCheckpointOfAQuietCollectionReadsOnlyTheOverlap() throws Exception {
		try (ChangingV1Server server = new ChangingV1Server(new Random(7), 40, 0)) {
			IncrementalSync sync = IncrementalSync.builder(server.client(), "Contacts")
				.pageSize(5)
				.overlap(Duration.ZERO)
				.clock(server.clock())
				.build();
			List<Entity> first = new ArrayList<>();
			SyncCheckpoint next = sync.run(SyncCheckpoint.start(), (batch) -> first.addAll(batch.changes()));
			assertThat(first).hasSize(40);
			assertThat(next.from()).isEqualTo(server.clock().instant());
			List<Entity> second = new ArrayList<>();
			sync.run(next, (batch) -> second.addAll(batch.changes()));
			assertThat(second).allSatisfy((entity) -> assertThat(entity.getDateTime("MODIFIED"))
				.isEqualTo(server.clock().instant()));
		}
	}

	@Test
	void aHandlerThatThrowsStopsTheReadAndLeavesTheLastStoredCheckpointValid() throws Exception {
		try (ChangingV1Server server = new ChangingV1Server(new Random(3), 30, 0)) {
			IncrementalSync sync = IncrementalSync.builder(server.client(), "Contacts")
				.pageSize(4)
				.overlap(Duration.ZERO)
				.clock(server.clock())
				.build();
			AtomicReference<SyncCheckpoint> stored = new AtomicReference<>(SyncCheckpoint.start());
			int[] pages = {0};
			assertThatThrownBy(() -> sync.run(SyncCheckpoint.start(), (batch) -> {
				if (pages[0]++ == 2) {
					throw new Crash();
				}
				stored.set(batch.checkpoint());
			})).isInstanceOf(Crash.class);
			int requests = server.requests();
			assertThat(requests).isLessThanOrEqualTo(4);
			assertThat(stored.get().from()).isNotNull();
		}
	}

	private static ChangingV1Server.Version versionOf(Entity entity) {
		Instant modified = entity.getDateTime("MODIFIED");
		return new ChangingV1Server.Version(entity.id(),
				modified.getEpochSecond() - ChangingV1Server.instantOf(0).getEpochSecond(),
				entity.getLong("REVISION").intValue());
	}

}
