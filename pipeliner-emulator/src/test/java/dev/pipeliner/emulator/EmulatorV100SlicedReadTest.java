package dev.pipeliner.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v100 streams read in slices of {@code created} against the emulator: every entity once, in the
 * order of {@code created}, for random collections, page sizes and slices in flight (so random
 * slice bounds), and while other clients create, update and delete contacts.
 */
class EmulatorV100SlicedReadTest {

	private PipelinerEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = PipelinerEmulator.builder().protocol(Protocol.V100).space("fr_Sliced", Seed.EMPTY).start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private PipelinerClientBuilder builder() {
		return EmulatorClients.builder(this.emulator);
	}

	/** {@code count} contacts created at random seconds of {@code span} seconds, many at the same one. */
	private void seed(Random random, int count, int span) {
		List<Map<String, Object>> contacts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(span));
			contacts.add(Map.of("last_name", "C" + i, "owner_id", EmulatorV100OrderTest.OWNER, "created",
					EmulatorV100OrderTest.FORM.format(created), "modified", EmulatorV100OrderTest.FORM.format(created)));
		}
		this.emulator.insert(this.emulator.getSpace(), "Contacts", contacts);
	}

	/** How a round reads: the page size, and the most slices at once. */
	private record Slices(int pageSize, int slices) {
	}

	private static List<Entity> read(PipelinerClient client) {
		return client.streamEntities("Contacts", Query.all()).collectList().block(Duration.ofMinutes(1));
	}

	@Test
	void randomCollectionsAndSlicesReadEveryContactOnceInTheOrderOfCreated() {
		for (int round = 0; round < 8; round++) {
			Random random = new Random(round);
			this.emulator.reset();
			int count = random.nextInt(2_500);
			int span = 100 + random.nextInt(50_000);
			seed(random, count, span);
			PipelinerClient oneCursor = builder().slicedReads(false).build();
			List<String> expected = read(oneCursor).stream().map(Entity::id).toList();
			Slices sliced = new Slices(1 + random.nextInt(100), 1 + random.nextInt(12));
			List<Entity> read;
			try (RecordingProxy proxy = new RecordingProxy(this.emulator.getPort())) {
				read = read(builder().url(proxy.url()).pageSize(sliced.pageSize()).maxPagesInFlight(sliced.slices()).build());
				long slices = proxy.take().stream().filter((exchange) -> exchange.query().contains("filter%5Bcreated%5D")
						|| exchange.query().contains("filter[created]")).count();
				assertThat(slices > 0).as("round %d: %d contacts, read in slices of created", round, count)
					.isEqualTo(count > sliced.pageSize() * 5);
			}
			assertThat(read).as("round %d", round).hasSize(count);
			assertThat(read.stream().map(Entity::id).toList()).as("round %d", round)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(expected);
			assertThat(read).as("round %d: in the order of created, then id", round)
				.isSortedAccordingTo(Comparator.comparing((Entity contact) -> contact.getString("created")).thenComparing(Entity::id));
		}
	}

	@Test
	void contactsCreatedUpdatedAndDeletedDuringTheReadComeAtMostOnceAndNoOtherIsLostOrRepeated() {
		Random random = new Random(11);
		seed(random, 3_000, 20_000);
		PipelinerClient writer = builder().build();
		for (int round = 0; round < 4; round++) {
			Set<String> before = new HashSet<>(read(builder().slicedReads(false).build()).stream().map(Entity::id).toList());
			List<String> ids = new ArrayList<>(before);
			Set<String> created = ConcurrentHashMap.newKeySet();
			Set<String> deleted = ConcurrentHashMap.newKeySet();
			AtomicBoolean reading = new AtomicBoolean(true);
			Random writes = new Random(100 + round);
			Mono<Void> writing = Mono.fromRunnable(() -> {
				while (reading.get()) {
					switch (writes.nextInt(3)) {
						case 0 -> created.add(writer.setEntity("Contacts",
								Map.of("last_name", "New", "owner_id", EmulatorV100OrderTest.OWNER)).block());
						case 1 -> writer.setEntity("Contacts", Map.of("id", ids.get(writes.nextInt(ids.size())), "last_name",
								"Changed")).onErrorResume((ex) -> Mono.empty()).block();
						default -> {
							String id = ids.get(writes.nextInt(ids.size()));
							if (deleted.add(id)) {
								writer.deleteEntity("Contacts", id).block();
							}
						}
					}
				}
			}).subscribeOn(Schedulers.boundedElastic()).then();
			var done = writing.toFuture();
			List<String> read;
			try {
				// a subscriber a little slower than the network, so that the writes land amid the read
				read = builder().pageSize(50)
					.build()
					.streamEntities("Contacts", Query.all())
					.delayElements(Duration.ofNanos(200_000))
					.map(Entity::id)
					.collectList()
					.block(Duration.ofMinutes(2));
			}
			finally {
				reading.set(false);
				done.join();
			}
			assertThat(read).as("round %d: no contact twice", round).doesNotHaveDuplicates();
			Set<String> kept = new HashSet<>(before);
			kept.removeAll(deleted);
			assertThat(read).as("round %d: every contact there from start to end", round).containsAll(kept);
			Set<String> ever = new HashSet<>(before);
			ever.addAll(created);
			assertThat(ever).as("round %d: nothing that never was", round).containsAll(read);
			assertThat(created.size() + deleted.size()).as("round %d: writes during the read", round).isGreaterThan(10);
		}
	}

}
