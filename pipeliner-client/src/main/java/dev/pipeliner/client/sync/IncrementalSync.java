package dev.pipeliner.client.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.pipeliner.client.Entity;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.query.Filter;
import dev.pipeliner.client.query.Query;
import dev.pipeliner.client.query.Sort;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads what changed in one collection since a checkpoint, page by page, with the checkpoint to
 * store after each page.
 * <pre>{@code
 * IncrementalSync contacts = IncrementalSync.builder(client, "Contacts").build();
 * SyncCheckpoint next = contacts.run(SyncCheckpoint.parse(stored), (batch) -> {
 *     apply(batch.changes());
 *     store(batch.checkpoint().toString());
 * });
 * }</pre>
 * <h2>The guarantee</h2>
 * At least once, in {@code modified} order, no change lost: every change to an entity (a create,
 * an update, on v100 a delete) whose {@code modified} time is at or after the checkpoint a read
 * starts from is handed over by that read, or by the reads that follow it from the checkpoints it
 * hands back, however the collection changes during the read, and whether a read ends, fails or
 * is stopped between pages. An entity is handed over in its state when read, so a change that
 * another change overtakes comes as that later state. Within a read, the {@code modified} times
 * handed over never go back; an entity can come more than once, in one read (changed while the
 * read runs, or read again where many entities share one {@code modified} time) or in the next
 * (the overlap).
 * <p>
 * This holds if a change becomes visible to reads within the {@link Builder#overlap overlap} of
 * its {@code modified} time, the difference between the server's clock and the application's
 * included. The overlap is read again by every read. v100 has no clock endpoint, so the
 * application's clock stands for the server's.
 * <h2>How it reads</h2>
 * <ul>
 * <li>Sorted by {@code modified}, then by id, from the checkpoint's instant cut down to the second,
 * so that the read is the same whether a protocol writes filter values to the second or finer.</li>
 * <li>v100: one stream over the service's keyset cursors, {@code include-deleted=true}: an entity
 * changed during the read sorts again after the cursor and is read again; a deleted one comes
 * with {@code is_deleted} true. The page size is the client's.</li>
 * <li>v1: every page is asked afresh from the last key read and checked to follow it (see
 * {@code OffsetKeysetPages}), since an offset read skips an entity when one before it changes.
 * v1 reports no deletions: a deleted entity is no longer read.</li>
 * <li>A read ends at the first entity modified after its start, by the application's clock: the
 * checkpoint cannot pass the start, so the next read reads what lies beyond; a read of a
 * collection that changes faster than it is read still ends.</li>
 * <li>The checkpoint after a page is the {@code modified} of the last entity read, or the start
 * of the read if that is earlier, less the overlap; at the end of a read, its start less the
 * overlap.</li>
 * </ul>
 */
public final class IncrementalSync {

	/** The overlap unless {@link Builder#overlap} says otherwise. */
	public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(2);

	/** The earliest instant a filter can hold; a checkpoint before it reads everything. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private final PipelinerClient client;

	private final String entity;

	private final Duration overlap;

	private final int pageSize;

	private final Clock clock;

	private final List<String> loadOnly;

	private final boolean v100;

	private IncrementalSync(Builder builder) {
		this.client = builder.client;
		this.entity = builder.entity;
		this.overlap = builder.overlap;
		this.pageSize = builder.pageSize;
		this.clock = builder.clock;
		this.v100 = builder.client.getProtocol() == PipelinerProtocol.V100;
		this.loadOnly = loadOnly(builder.loadOnly, this.v100);
	}

	/**
	 * @param client the client to read with
	 * @param entity the entity or collection name, such as {@code Contacts}
	 * @return a builder of a sync of that collection
	 * @throws IllegalArgumentException if either is {@code null} or the name is blank
	 */
	public static Builder builder(PipelinerClient client, String entity) {
		if (client == null) {
			throw new IllegalArgumentException("client must not be null");
		}
		if (entity == null || entity.isBlank()) {
			throw new IllegalArgumentException("entity must be an entity or collection name, such as Contacts");
		}
		return new Builder(client, entity);
	}

	/**
	 * @param entity an entity read by a sync
	 * @return whether it is a deletion: {@code is_deleted} true (v100; v1 reports none)
	 */
	public static boolean isDeleted(Entity entity) {
		return entity.has("is_deleted") && Boolean.TRUE.equals(entity.getBoolean("is_deleted"));
	}

	/**
	 * Reads what changed since a checkpoint. Nothing is sent before subscription; each
	 * subscription is a new read, which starts by the clock when it is subscribed to.
	 * @param from the checkpoint to read from: {@link SyncCheckpoint#start()} for the whole
	 * collection
	 * @return a batch per page that has entities, then one with none and the checkpoint for the
	 * next read; an error of the client ends it, and the last checkpoint received stays valid
	 * @throws IllegalArgumentException if {@code from} is {@code null}
	 */
	public Flux<SyncBatch> changes(SyncCheckpoint from) {
		if (from == null) {
			throw new IllegalArgumentException("from must not be null; use SyncCheckpoint.start() to read everything");
		}
		return Flux.defer(() -> {
			Instant start = this.clock.instant();
			Watermark watermark = new Watermark(from.from(), start, this.overlap);
			Instant since = since(from.from());
			Flux<List<Entity>> pages = this.v100 ? v100Pages(since) : v1Pages(since);
			return pages.map((entities) -> upTo(start, entities))
				.takeUntil(Page::reachedStart)
				.filter((page) -> !page.entities().isEmpty())
				.map((page) -> {
					page.entities().forEach((entity) -> watermark.read(modifiedOf(entity)));
					return new SyncBatch(page.entities(), watermark.afterPage());
				})
				.concatWith(Mono.fromSupplier(() -> new SyncBatch(List.of(), watermark.atEnd())));
		});
	}

	/** A page cut at the start of the read, and whether it was. */
	private record Page(List<Entity> entities, boolean reachedStart) {
	}

	/**
	 * A read goes up to its start and no further: its checkpoint cannot pass its start, so what
	 * lies beyond is read by the next read, and a read of a collection that changes faster than it
	 * is read still ends.
	 */
	private Page upTo(Instant start, List<Entity> entities) {
		for (int i = 0; i < entities.size(); i++) {
			if (modifiedOf(entities.get(i)).isAfter(start)) {
				return new Page(entities.subList(0, i), true);
			}
		}
		return new Page(entities, false);
	}

	/**
	 * Reads what changed since a checkpoint, blocking, and hands each batch to {@code handler}
	 * as it comes. The handler applies the changes and stores the batch's checkpoint; if it
	 * throws, the read stops and the exception is thrown here. It waits for each page, so call
	 * it from a thread that may block (a scheduled task, not a reactive pipeline, where Reactor
	 * refuses to block); {@link #changes} is the reactive form.
	 * @param from the checkpoint to read from
	 * @param handler applies a batch and stores its checkpoint
	 * @return the checkpoint of the last batch: where the next read goes on from
	 * @throws IllegalArgumentException if an argument is {@code null}
	 */
	public SyncCheckpoint run(SyncCheckpoint from, Consumer<SyncBatch> handler) {
		if (handler == null) {
			throw new IllegalArgumentException("handler must not be null");
		}
		SyncCheckpoint last = from;
		try (Stream<SyncBatch> batches = changes(from).toStream(1)) {
			for (SyncBatch batch : (Iterable<SyncBatch>) batches::iterator) {
				handler.accept(batch);
				last = batch.checkpoint();
			}
		}
		return last;
	}

	private Flux<List<Entity>> v100Pages(@Nullable Instant since) {
		return this.client.streamEntities(this.entity, query(since).includeDeleted(true))
			.byPage()
			.map(EntityPage::items)
			.filter((entities) -> !entities.isEmpty());
	}

	private Flux<List<Entity>> v1Pages(@Nullable Instant since) {
		OffsetKeysetPages pages = new OffsetKeysetPages((after, offset, limit) -> this.client
			.getEntities(this.entity, query(after).offset(offset).limit(limit))
			.map(EntityPage::items), this::modifiedOf, this.pageSize);
		return pages.pages(since);
	}

	/** @return the query of a read from an instant: sorted by modified, then id */
	private Query query(@Nullable Instant since) {
		Query query = Query.all().sort(Sort.asc(modifiedField()).thenAsc(this.v100 ? "id" : "ID"));
		if (since != null) {
			query = query.where(Filter.ge(modifiedField(), since));
		}
		return this.loadOnly.isEmpty() ? query : query.loadOnly(this.loadOnly.toArray(String[]::new));
	}

	/** @return the instant a read filters from, cut to the second; {@code null} for all */
	private static @Nullable Instant since(@Nullable Instant from) {
		return (from == null || from.isBefore(EARLIEST)) ? null : from.truncatedTo(ChronoUnit.SECONDS);
	}

	private String modifiedField() {
		return this.v100 ? "modified" : "MODIFIED";
	}

	private Instant modifiedOf(Entity entity) {
		Instant modified = entity.getDateTime(modifiedField());
		if (modified == null) {
			throw new PipelinerDecodingException(this.entity + ": entity " + entity.id() + " has no " + modifiedField()
					+ ", which an incremental sync sorts and resumes by", null);
		}
		return modified;
	}

	private static List<String> loadOnly(List<String> fields, boolean v100) {
		if (fields.isEmpty()) {
			return List.of();
		}
		Set<String> all = new LinkedHashSet<>(fields);
		all.addAll(v100 ? List.of("id", "modified", "is_deleted") : List.of("ID", "MODIFIED"));
		return List.copyOf(all);
	}

	@Override
	public String toString() {
		return "IncrementalSync[" + this.entity + ", overlap " + this.overlap + "]";
	}

	/** Settings of an {@link IncrementalSync}. */
	public static final class Builder {

		private final PipelinerClient client;

		private final String entity;

		private Duration overlap = DEFAULT_OVERLAP;

		private int pageSize = PipelinerClient.DEFAULT_PAGE_SIZE;

		private Clock clock = Clock.systemUTC();

		private List<String> loadOnly = List.of();

		private Builder(PipelinerClient client, String entity) {
			this.client = client;
			this.entity = entity;
		}

		/**
		 * @param overlap how long after its {@code modified} time a change may become visible to
		 * reads, plus how far the application's clock may be ahead of the server's; every read
		 * reads this much again ({@link #DEFAULT_OVERLAP} by default)
		 * @return this builder
		 * @throws IllegalArgumentException if {@code null} or negative
		 */
		public Builder overlap(Duration overlap) {
			if (overlap == null || overlap.isNegative()) {
				throw new IllegalArgumentException("overlap must be zero or more, such as Duration.ofMinutes(2)");
			}
			this.overlap = overlap;
			return this;
		}

		/**
		 * @param pageSize how many entities a page of a v1 read asks for (100 by default); a v100
		 * read pages by the client's page size
		 * @return this builder
		 * @throws IllegalArgumentException if less than 1
		 */
		public Builder pageSize(int pageSize) {
			if (pageSize < 1) {
				throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
			}
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * @param clock the clock a read takes its start from (the system's UTC clock by default)
		 * @return this builder
		 * @throws IllegalArgumentException if {@code null}
		 */
		public Builder clock(Clock clock) {
			if (clock == null) {
				throw new IllegalArgumentException("clock must not be null");
			}
			this.clock = clock;
			return this;
		}

		/**
		 * @param fields only these fields are read; the id, {@code modified} and, on v100,
		 * {@code is_deleted}, which the sync needs, are added
		 * @return this builder
		 * @throws IllegalArgumentException if a field is {@code null}
		 */
		public Builder loadOnly(String... fields) {
			List<String> list = new ArrayList<>();
			for (String field : (fields != null) ? fields : new String[0]) {
				if (field == null) {
					throw new IllegalArgumentException("loadOnly: a field must not be null");
				}
				list.add(field);
			}
			this.loadOnly = List.copyOf(list);
			return this;
		}

		/** @return the sync */
		public IncrementalSync build() {
			return new IncrementalSync(this);
		}

	}

}
