package dev.pipeliner.client.internal.paging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The paging engine for a cursor read in slices: several cursor reads of disjoint parts of one
 * result at once, each part the entities whose key (a value that never changes, such as the time
 * an entity was created) lies from one bound to the next, delivered in the order of the key.
 * <ol>
 * <li>The first page, sorted by the key, gives the total and the key the read has come to. When
 * no page follows, the read ends there, at one request; when the rest fits in fewer than two
 * slices, the server gives no total, or the page holds no entity or one without the key, the
 * read goes on by that page's cursor alone.</li>
 * <li>Otherwise one more request, the query sorted the other way round, gives the newest key.
 * The keys between are cut into slices of about {@link #PAGES_PER_SLICE} pages each.</li>
 * <li>Each slice is a cursor read of the entities from its lower bound on, which stops at the
 * first entity at or past the next slice's bound: that entity and the rest of its page are cut
 * off, for the next slice reads them. The first slice goes on from the first page's cursor; the
 * last has no upper bound, so an entity created during the read comes in it, once.</li>
 * <li>Up to {@code maxSlices} slices are under way at once, each with one request in flight at
 * most, and each holding at most {@link #HELD_PER_SLICE} pages its subscriber has not taken. A
 * slice read to its end that waits to be delivered counts as under way, so more slices than
 * requests are wanted for the requests to stay in flight. The requests in flight, those of the
 * first page and the newest entity included, are at most {@code maxRequests} at once
 * ({@link RequestWindow}); each {@code 429} or {@code 503} answer halves that, down to one, for
 * the rest of the read, and the request is retried as the client's retry policy says.</li>
 * </ol>
 * Since the key never changes, every entity lies in one slice, and each slice's cursor reads it
 * once: the read delivers every entity once, loses none, and an entity created or deleted
 * during the read comes at most once. Every slice's pages get the checks of every cursor read
 * ({@link CursorChecks}), and those of the key: every entity has one, none lies below its slice's
 * bound, and the keys do not fall from entity to entity. A limit ends the read, the last page cut
 * to it; the slices are counted for the limit, so that no more than about a page per slice is read
 * past it. The pages emitted carry positions in the whole read and the first page's total, and no
 * continuation token: a read that must resume reads by one cursor ({@link CursorPaging}). Knows
 * nothing of the wire. Not part of the public API.
 */
public final class SlicedPaging {

	/** About how many pages one slice reads. */
	static final int PAGES_PER_SLICE = 4;

	/**
	 * The most pages a slice reads ahead of the subscriber: a slice's pages, the one that crosses
	 * its bound and one more, so that a slice that is not yet delivered reads to its end.
	 */
	static final int HELD_PER_SLICE = PAGES_PER_SLICE + 2;

	/** What a sliced read needs of the wire. */
	public interface Source<T> {

		/**
		 * @param from the lowest key of the slice, or {@code null} for the read from the beginning
		 * @param cursor where the page starts: {@code null} for the slice's first page
		 * @param size the most entities to answer
		 * @param position how many entities the slice's query answered before the page
		 * @return the page of the read sorted by the key (ties in the order of the id), whose
		 * continuation token is the next page's cursor, or {@code null} after the last
		 */
		Mono<EntityPage<T>> fetch(@Nullable Instant from, @Nullable String cursor, int size, long position);

		/** @return a page whose first entity is the newest by the key, if there is one */
		Mono<EntityPage<T>> newest();

		/** @return the key of an entity, or {@code null} when it has none */
		@Nullable Instant keyOf(T item);

		/** @return the key's name, for messages */
		String keyName();

	}

	/** Where the slices after the first start. */
	@FunctionalInterface
	interface Bounds {

		/**
		 * @param after the key the read has come to
		 * @param newest the newest key
		 * @param slices how many slices to cut
		 * @return the lower bounds of the slices after the first, rising, each after {@code after}
		 * and not after {@code newest}; fewer than {@code slices - 1} when the keys are too close
		 */
		List<Instant> between(Instant after, Instant newest, int slices);

	}

	/** Bounds an equal time apart, to the microsecond. */
	static final Bounds EVEN = (after, newest, slices) -> {
		long span = ChronoUnit.MICROS.between(after, newest);
		List<Instant> bounds = new ArrayList<>();
		long previous = 0;
		for (int i = 1; i < slices; i++) {
			long offset = (long) ((double) span * i / slices);
			if (offset > previous) {
				bounds.add(after.truncatedTo(ChronoUnit.MICROS).plus(Duration.of(offset, ChronoUnit.MICROS)));
				previous = offset;
			}
		}
		return bounds;
	};

	private final int pageSize;

	private final int maxSlices;

	private final int maxRequests;

	private final Bounds bounds;

	/**
	 * @param pageSize how many entities to ask for per request
	 * @param maxSlices the most slices under way at once
	 * @param maxRequests the most requests in flight at once
	 */
	public SlicedPaging(int pageSize, int maxSlices, int maxRequests) {
		this(pageSize, maxSlices, maxRequests, EVEN);
	}

	/** A read with as many requests in flight as slices under way. */
	SlicedPaging(int pageSize, int maxSlices) {
		this(pageSize, maxSlices, maxSlices, EVEN);
	}

	SlicedPaging(int pageSize, int maxSlices, Bounds bounds) {
		this(pageSize, maxSlices, maxSlices, bounds);
	}

	private SlicedPaging(int pageSize, int maxSlices, int maxRequests, Bounds bounds) {
		this.pageSize = pageSize;
		this.maxSlices = Math.max(1, maxSlices);
		this.maxRequests = Math.max(1, maxRequests);
		this.bounds = bounds;
	}

	/**
	 * @param what what is read, for messages
	 * @param source sends the requests
	 * @param limit the most entities to read in all
	 * @return the pages, none of them empty, positioned in the whole read, without continuation
	 * tokens
	 */
	public <T> Flux<EntityPage<T>> pages(String what, Source<T> source, long limit) {
		if (limit <= 0) {
			return Flux.empty();
		}
		return Flux.defer(() -> new Read<>(what, source, limit).pages());
	}

	/** A page as one slice read it, cut to the slice, and the cursor of its next page. */
	private record Step<T>(List<T> items, long total, @Nullable String next) {
	}

	/** One subscription's read: its slices, its requests in flight, and where it stands. */
	private final class Read<T> {

		private final String what;

		private final Source<T> source;

		private final RequestWindow requests = new RequestWindow(SlicedPaging.this.maxRequests);

		private final long limit;

		private long position;

		private long total = -1;

		Read(String what, Source<T> source, long limit) {
			this.what = what;
			this.source = source;
			this.limit = limit;
		}

		Flux<EntityPage<T>> pages() {
			Slice first = new Slice(null);
			return first.fetch(null, (int) Math.min(SlicedPaging.this.pageSize, this.limit))
				.flatMapMany((step) -> {
					this.total = step.total();
					return Flux.just(step.items()).concatWith((step.next() != null) ? rest(first, step) : Flux.empty());
				})
				.filter((items) -> !items.isEmpty())
				.map(this::positioned)
				.takeUntil((page) -> this.position >= this.limit);
		}

		private EntityPage<T> positioned(List<T> items) {
			long from = this.position;
			List<T> kept = items.subList(0, (int) Math.min(items.size(), this.limit - from));
			this.position = from + kept.size();
			return new EntityPage<>(kept, from, this.position - 1, this.total, null);
		}

		/** What follows the first page: read by its cursor alone, or in slices. */
		private Flux<List<T>> rest(Slice first, Step<T> step) {
			if (step.items().size() >= this.limit) {
				return Flux.empty();
			}
			String cursor = step.next();
			long wanted = Math.min(step.total(), this.limit) - step.items().size();
			long slices = slices(wanted);
			// with a limit, slices of the size the whole collection's would have, as many as the limit needs
			long all = Math.max(slices, slices(step.total() - step.items().size()));
			Instant reached = first.lastKey;
			if (cursor == null || !first.keyed || step.total() < 0 || slices < 2 || reached == null) {
				return first.from(cursor);
			}
			return this.requests.send(this.source::newest).flatMapMany((answer) -> {
				Instant newest = answer.items().isEmpty() ? null : this.source.keyOf(answer.items().get(0));
				if (newest == null || !newest.isAfter(reached)) {
					return first.from(cursor);
				}
				List<Instant> bounds = SlicedPaging.this.bounds.between(reached, newest, (int) all);
				List<Instant> starts = bounds.subList(0, (int) Math.min(bounds.size(), slices - 1));
				List<Flux<List<T>>> reads = new ArrayList<>();
				first.hi = starts.isEmpty() ? null : starts.get(0);
				reads.add(first.from(cursor));
				for (int i = 0; i < starts.size(); i++) {
					Slice slice = new Slice(starts.get(i));
					slice.hi = (i + 1 < starts.size()) ? starts.get(i + 1) : null;
					reads.add(Flux.defer(() -> slice.from(null)));
				}
				return Flux.mergeSequential(reads, SlicedPaging.this.maxSlices, HELD_PER_SLICE);
			});
		}

		/** @return how many slices of about {@link #PAGES_PER_SLICE} pages {@code entities} make */
		private long slices(long entities) {
			long perSlice = (long) SlicedPaging.this.pageSize * PAGES_PER_SLICE;
			return Math.min(Integer.MAX_VALUE, Math.max(0, (entities + perSlice - 1) / perSlice));
		}

		/**
		 * One slice: the entities whose key lies from {@code lo} (inclusive, or from the beginning)
		 * to {@code hi} (exclusive, or to the end), read by one cursor, with the checks of every
		 * cursor read and those of the key.
		 */
		private final class Slice {

			private final @Nullable Instant lo;

			private @Nullable Instant hi;

			private @Nullable Instant lastKey;

			/** How many entities the slice's query answered before the next page. */
			private long answered;

			/**
			 * Whether the slice's entities are checked for their keys: not when the read's first
			 * answer holds an entity without one, which is then read by its one cursor.
			 */
			private boolean keyed = true;

			private final CursorChecks.Cursors cursors = new CursorChecks.Cursors(null);

			private final CursorChecks.Repeats<T> repeats = new CursorChecks.Repeats<>();

			private final CursorChecks.EmptyPages empty = new CursorChecks.EmptyPages(CursorPaging.MAX_EMPTY_PAGES);

			Slice(@Nullable Instant lo) {
				this.lo = lo;
			}

			/** @return the slice's pages from the cursor on ({@code null}: from its start) */
			Flux<List<T>> from(@Nullable String cursor) {
				return fetch(cursor, SlicedPaging.this.pageSize)
					.expand((step) -> (step.next() != null) ? fetch(step.next(), SlicedPaging.this.pageSize) : Mono.empty())
					.map(Step::items);
			}

			Mono<Step<T>> fetch(@Nullable String cursor, int size) {
				long position = this.answered;
				return Read.this.requests.send(() -> Read.this.source.fetch(this.lo, cursor, size, position))
					.map((answer) -> accept(cursor, answer));
			}

			private Step<T> accept(@Nullable String cursor, EntityPage<T> answer) {
				this.repeats.requireNotRepeated(Read.this.what, answer, cursor);
				this.empty.requireFew(Read.this.what, answer);
				List<T> items = answer.items();
				String next = answer.continuationToken();
				if (this.lo == null && this.answered == 0
						&& items.stream().anyMatch((item) -> Read.this.source.keyOf(item) == null)) {
					this.keyed = false;
				}
				this.answered += items.size();
				for (int i = 0; this.keyed && i < items.size(); i++) {
					Instant key = key(items.get(i));
					if (this.hi != null && !key.isBefore(this.hi)) {
						items = items.subList(0, i);
						next = null;
						break;
					}
					this.lastKey = key;
				}
				if (next != null) {
					this.cursors.requireNew(Read.this.what, next);
				}
				return new Step<>(items, answer.total(), next);
			}

			private Instant key(T item) {
				Source<T> source = Read.this.source;
				Instant key = source.keyOf(item);
				if (key == null) {
					throw failure("an entity without " + source.keyName());
				}
				if (this.lo != null && key.isBefore(this.lo)) {
					throw failure("an entity with " + source.keyName() + " " + key + " for a slice from " + this.lo
							+ ", so it does not keep to the slice's filter");
				}
				if (this.lastKey != null && key.isBefore(this.lastKey)) {
					throw failure("an entity with " + source.keyName() + " " + key + " after one with " + this.lastKey
							+ ", so it does not keep to the order of " + source.keyName());
				}
				return key;
			}

			private PipelinerDecodingException failure(String answered) {
				return new PipelinerDecodingException("Reading " + Read.this.what + " in slices stopped: the server answered "
						+ answered + ". Entities would be lost or repeated, so the read cannot be trusted", null);
			}

		}

	}

}
