package dev.pipeliner.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.Entity;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import dev.pipeliner.client.sync.IncrementalSync;
import dev.pipeliner.client.sync.SyncCheckpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incremental sync of contacts against the emulator while another thread creates, updates and
 * deletes contacts between its pages, with a crash between pages and a resume from the stored
 * checkpoint in a new sync: every contact state that stood from the start of a read (or of the
 * read that crashed) to the end of the read that completed it is handed over, in
 * {@code modified} order. A subclass names the protocol and its field names.
 */
abstract class IncrementalSyncSuite {

	/** One state of a contact: what the sync must hand over. */
	record State(String id, Instant modified, String surname) {
	}

	/** A crash of the application between two pages. */
	static final class Crash extends RuntimeException {

		Crash() {
			super("crash between pages");
		}

	}

	PipelinerClient client;

	BlockingPipelinerClient blocking;

	Map<String, Object> owner;

	/** The ids the writer deleted, and those the sync handed over as deletions. */
	final Set<String> deleted = ConcurrentHashMap.newKeySet();

	final Set<String> deletionsDelivered = ConcurrentHashMap.newKeySet();

	abstract PipelinerEmulator emulator();

	/** @return whether the protocol reports deletions (v100, with {@code include-deleted}) */
	abstract boolean reportsDeletions();

	/** @return the id, modified, surname, owner and sales unit fields of a contact, in that order */
	abstract List<String> fields();

	@BeforeEach
	void connect() {
		emulator().reset();
		this.client = EmulatorClients.builder(emulator()).pageSize(7).build();
		this.blocking = new BlockingPipelinerClient(this.client);
		Entity account = this.client.getEntities("Accounts", Query.all().limit(1)).block().items().get(0);
		this.owner = Map.of(fields().get(3), account.toMap().get(fields().get(3)), fields().get(4),
				account.toMap().get(fields().get(4)));
		List<Map<String, Object>> bulk = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			bulk.add(contact("Bulk " + i));
		}
		assertThat(this.blocking.setEntities("Contacts", bulk).outcomes()).hasSize(120);
	}

	private Map<String, Object> contact(String surname) {
		Map<String, Object> contact = new HashMap<>(this.owner);
		contact.put(fields().get(2), surname);
		return contact;
	}

	@Test
	void noContactStateIsLostToChangesBetweenPagesOrToACrash() throws Exception {
		IncrementalSync sync = IncrementalSync.builder(this.client, "Contacts")
			.pageSize(7)
			.overlap(Duration.ZERO)
			.build();
		Set<State> delivered = new HashSet<>();
		AtomicReference<String> stored = new AtomicReference<>(SyncCheckpoint.start().toString());

		// A whole read while contacts change.
		Set<State> before = snapshot();
		read(sync, stored, delivered, Integer.MAX_VALUE, 1);
		assertThat(delivered).containsAll(stood(before, snapshot()));

		// A read that crashes after three pages, resumed by a new sync from the stored checkpoint.
		before = snapshot();
		read(sync, stored, delivered, 3, 2);
		IncrementalSync resumed = IncrementalSync.builder(EmulatorClients.builder(emulator()).pageSize(5).build(), "Contacts")
			.pageSize(5)
			.overlap(Duration.ZERO)
			.build();
		read(resumed, stored, delivered, Integer.MAX_VALUE, 3);
		assertThat(delivered).containsAll(stood(before, snapshot()));

		// A read of a quiet collection ends with every contact as it is.
		List<State> quiet = new ArrayList<>();
		resumed.run(SyncCheckpoint.parse(stored.get()), (batch) -> batch.changes().forEach((c) -> {
			quiet.add(state(c));
			if (IncrementalSync.isDeleted(c)) {
				this.deletionsDelivered.add(c.id());
			}
		}));
		delivered.addAll(quiet);
		assertThat(delivered).containsAll(snapshot());
		assertThat(this.deleted).isNotEmpty();
		if (reportsDeletions()) {
			assertThat(this.deletionsDelivered).containsAll(this.deleted);
		}
		else {
			assertThat(this.deletionsDelivered).isEmpty();
		}
	}

	@Test
	void aReadFromTheCheckpointOfAQuietCollectionReadsWhatChangedSinceAndNoMore() {
		IncrementalSync sync = IncrementalSync.builder(this.client, "Contacts").pageSize(7).overlap(Duration.ZERO).build();
		List<State> first = new ArrayList<>();
		SyncCheckpoint next = sync.run(SyncCheckpoint.start(), (batch) -> batch.changes().forEach((c) -> first.add(state(c))));
		assertThat(new HashSet<>(first)).containsExactlyInAnyOrderElementsOf(snapshot());

		String created = this.blocking.setEntity("Contacts", contact("After the read"));
		List<State> second = new ArrayList<>();
		sync.run(SyncCheckpoint.parse(next.toString()), (batch) -> batch.changes().forEach((c) -> second.add(state(c))));
		assertThat(second).extracting(State::id).contains(created);
		assertThat(second).allSatisfy((state) -> assertThat(state.modified()).isAfterOrEqualTo(
				next.from().truncatedTo(ChronoUnit.SECONDS)));
	}

	/**
	 * One read, with a writer changing contacts until it ends: at least two changes between any
	 * two pages, whether the sync has asked for the next page already or not.
	 */
	private void read(IncrementalSync sync, AtomicReference<String> stored, Set<State> delivered, int crashAfter,
			long seed) throws InterruptedException {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger changes = new AtomicInteger();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Thread writer = new Thread(() -> write(new Random(seed), running, changes, failures), "contact-writer");
		writer.start();
		List<Instant> order = new ArrayList<>();
		int[] pages = {0};
		try {
			sync.run(SyncCheckpoint.parse(stored.get()), (batch) -> {
				if (pages[0]++ == crashAfter) {
					throw new Crash();
				}
				batch.changes().forEach((contact) -> {
					delivered.add(state(contact));
					if (IncrementalSync.isDeleted(contact)) {
						this.deletionsDelivered.add(contact.id());
					}
					order.add(contact.getDateTime(fields().get(1)));
				});
				stored.set(batch.checkpoint().toString());
				int target = changes.get() + 2;
				while (changes.get() < target && writer.isAlive()) {
					Thread.onSpinWait();
				}
			});
		}
		catch (Crash crash) {
			// the next read resumes from the stored checkpoint
		}
		finally {
			running.set(false);
			writer.join();
		}
		assertThat(failures).isEmpty();
		assertThat(order).isSorted();
		assertThat(pages[0]).isGreaterThan(3);
	}

	private void write(Random random, AtomicBoolean running, AtomicInteger changes, List<Throwable> failures) {
		List<String> ids = new ArrayList<>(snapshot().stream().map(State::id).toList());
		int n = 0;
		while (running.get()) {
			try {
				int kind = random.nextInt(5);
				if (kind == 0) {
					ids.add(this.blocking.setEntity("Contacts", contact("Created " + n)));
				}
				else if (kind == 1 && ids.size() > 10) {
					try {
						String id = ids.remove(random.nextInt(ids.size()));
						this.blocking.deleteEntity("Contacts", id);
						this.deleted.add(id);
					}
					catch (PipelinerNotFoundException ex) {
						// deleted before
					}
				}
				else {
					String id = ids.get(random.nextInt(ids.size()));
					this.blocking.setEntity("Contacts", Map.of(fields().get(0), id, fields().get(2), "Updated " + n));
				}
				n++;
				changes.incrementAndGet();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
				return;
			}
		}
	}

	private Set<State> snapshot() {
		return new HashSet<>(this.client.streamEntities("Contacts", Query.all().sort(Sort.asc(fields().get(0))))
			.map(this::state)
			.collectList()
			.block());
	}

	private static Set<State> stood(Set<State> before, Set<State> after) {
		Set<State> stood = new HashSet<>(before);
		stood.retainAll(after);
		return stood;
	}

	private State state(Entity contact) {
		return new State(contact.id(), contact.getDateTime(fields().get(1)), contact.getString(fields().get(2)));
	}

}
