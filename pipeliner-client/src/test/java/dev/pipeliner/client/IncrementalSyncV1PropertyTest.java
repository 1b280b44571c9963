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
 * random page sizes and overlaps, reads stopped by a crash between pages and resumed from the
 * stored checkpoint. Whatever happens, every entity state that stood from the start of a read to
 * its end has been handed over by that read or an earlier one, and a read never goes back in
 * {@code modified} order.
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
			Random random = new Random(seed);
			try (ChangingV1Server server = new ChangingV1Server(random, 10 + random.nextInt(25))) {
				PipelinerClient client = server.client();
				IncrementalSync sync = IncrementalSync.builder(client, "Contacts")
					.pageSize(1 + random.nextInt(6))
					.overlap(Duration.ofSeconds(random.nextInt(3)))
					.clock(server.clock())
					.build();
				Set<ChangingV1Server.Version> delivered = new HashSet<>();
				AtomicReference<String> stored = new AtomicReference<>(SyncCheckpoint.start().toString());
				for (int read = 0; read < 8; read++) {
					boolean last = read == 7;
					server.changing(!last);
					int crashAfter = (last || random.nextBoolean()) ? Integer.MAX_VALUE : random.nextInt(4);
					Set<ChangingV1Server.Version> before = server.snapshot();
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
					}
					Set<ChangingV1Server.Version> stood = new HashSet<>(before);
					stood.retainAll(server.snapshot());
					if (crashAfter == Integer.MAX_VALUE) {
						assertThat(delivered).as("seed %d, read %d", seed, read).containsAll(stood);
					}
					assertThat(order).as("seed %d, read %d", seed, read).isSorted();
				}
				assertThat(delivered).as("seed %d, the last read", seed).containsAll(server.snapshot());
			}
		}
	}

	@Test
	void aReadFromTheLastCheckpointOfAQuietCollectionReadsOnlyTheOverlap() throws Exception {
		try (ChangingV1Server server = new ChangingV1Server(new Random(7), 40)) {
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
		try (ChangingV1Server server = new ChangingV1Server(new Random(3), 30)) {
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
