package dev.pipeliner.client.internal.paging;

import java.util.List;
import java.util.function.Function;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.Throttling;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The paging engine for offset paging: reads the pages of one result from an offset to an end,
 * keeping requests in flight ahead of the subscriber, as many as a {@link PageWindow} allows
 * (more while the subscriber waits for pages, fewer while it lags or the server throttles, never
 * more than the maximum), emitting the pages in order, and checking every answer against what
 * was asked. Knows nothing of the wire: a {@link Fetcher} sends the requests.
 * <p>
 * What it guarantees: the pages it emits hold each entity of the range exactly once, in order,
 * or the read fails with a {@link PipelinerDecodingException} that says what the server did.
 * <ul>
 * <li>A page that starts elsewhere than asked (the server ignored the offset), whose position
 * disagrees with its item count, or that starts with the first page's first entity, fails the
 * read.</li>
 * <li>A page shorter than asked is followed: the rest of its range is asked for before the next
 * page is emitted. The first page's length sets the stride, so a server that caps pages is
 * followed too.</li>
 * <li>A page longer than asked is cut to what was asked: the next request covers the rest.</li>
 * <li>The total of every answer bounds the read: when it shrinks, no further pages are asked
 * for beyond it.</li>
 * </ul>
 * Not part of the public API.
 */
public final class OffsetPaging {

	/** Sends one page request. */
	@FunctionalInterface
	public interface Fetcher<T> {

		/**
		 * @param offset the offset of the first entity
		 * @param limit the most entities to answer
		 * @return the page as the server answered it
		 */
		Mono<EntityPage<T>> fetch(long offset, int limit);

	}

	private final int pageSize;

	/**
	 * @param token a continuation token of an offset read: the offset, in decimal
	 * @return the offset
	 * @throws IllegalArgumentException if the token is not an offset
	 */
	public static long offsetOf(@Nullable String token) {
		try {
			long offset = Long.parseLong(Arguments.requireText(token, "continuationToken").trim());
			if (offset >= 0) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new IllegalArgumentException("continuationToken must be an offset of zero or more, such as the"
				+ " continuation token of a page read by offset, but was " + Arguments.quote(token));
	}

	private final int initialPagesInFlight;

	private final int maxPagesInFlight;

	/**
	 * A read that keeps a fixed number of page requests in flight.
	 * @param pageSize how many entities to ask for per request
	 * @param pagesInFlight how many page requests may be in flight ahead of the subscriber
	 */
	public OffsetPaging(int pageSize, int pagesInFlight) {
		this(pageSize, pagesInFlight, pagesInFlight);
	}

	/**
	 * A read that adapts the number of page requests in flight.
	 * @param pageSize how many entities to ask for per request
	 * @param initialPagesInFlight how many page requests a read starts with in flight
	 * @param maxPagesInFlight the most page requests in flight or pages held for the subscriber;
	 * at least {@code initialPagesInFlight} is allowed whatever this says
	 */
	public OffsetPaging(int pageSize, int initialPagesInFlight, int maxPagesInFlight) {
		this.pageSize = pageSize;
		this.initialPagesInFlight = initialPagesInFlight;
		this.maxPagesInFlight = Math.max(initialPagesInFlight, maxPagesInFlight);
	}

	/**
	 * @param what what is read, for messages, such as {@code "Contacts"}
	 * @param fetcher sends the requests
	 * @param idOf the id of an entity, or {@code null} if it has none, to recognise repeated pages
	 * @param from the offset to start at
	 * @param end the offset to stop before; {@link Long#MAX_VALUE} for the whole result
	 * @return the pages, none of them empty
	 */
	public <T> Flux<EntityPage<T>> pages(String what, Fetcher<T> fetcher, Function<T, @Nullable String> idOf, long from,
			long end) {
		if (from >= end) {
			return Flux.empty();
		}
		return Flux.defer(() -> new Read<>(what, fetcher, idOf, end).from(from));
	}

	/** The state of one subscription's read. */
	private final class Read<T> {

		private final String what;

		private final Fetcher<T> fetcher;

		private final Function<T, @Nullable String> idOf;

		private final long end;

		/** The offset past which nothing is asked for: the end, or the last total if smaller. */
		private volatile long bound;

		/** The offset of the first page, and the id of its first entity. */
		private long from;

		private volatile @Nullable String firstId;

		Read(String what, Fetcher<T> fetcher, Function<T, @Nullable String> idOf, long end) {
			this.what = what;
			this.fetcher = fetcher;
			this.idOf = idOf;
			this.end = end;
			this.bound = end;
		}

		Flux<EntityPage<T>> from(long from) {
			this.from = from;
			int max = OffsetPaging.this.maxPagesInFlight;
			PageWindow window = new PageWindow(OffsetPaging.this.initialPagesInFlight, max);
			int firstLimit = limitAt(from, OffsetPaging.this.pageSize);
			return fetch(window, from, firstLimit).flatMapMany((answer) -> {
				EntityPage<T> first = accept(from, firstLimit, answer);
				int stride = first.items().size();
				long next = from + stride;
				Flux<EntityPage<T>> head = first.items().isEmpty() ? Flux.empty() : Flux.just(first);
				if (stride == 0 || next >= this.bound) {
					return head;
				}
				Flux<Piece<T>> pieces = window.offsets(next, stride, () -> this.bound)
					.flatMapSequential((offset) -> {
						int limit = limitAt(offset, stride);
						return fetch(window, offset, limit).flatMapMany((page) -> complete(window, offset, limit, page))
							.doOnNext((piece) -> piece.ifLast(window::arrived));
					}, max, 1);
				// the window sees the subscriber's own demand: nothing in between asks ahead
				return head.concatWith(pieces.doOnNext((piece) -> piece.ifLast(window::taken))
					.<EntityPage<T>>handle((piece, sink) -> {
						EntityPage<T> page = piece.page();
						if (page != null) {
							sink.next(page);
						}
					})
					.doOnRequest(window::requested));
			});
		}

		/** One request, whose 429 and 503 answers the window hears of. */
		private Mono<EntityPage<T>> fetch(PageWindow window, long offset, int limit) {
			return this.fetcher.fetch(offset, limit).contextWrite(Throttling.listen(window));
		}

		/**
		 * The page as asked, followed by what fills it up when the server answered it short, as
		 * pieces of which the last ends the request's batch. Runs for several pages at once, so it
		 * keeps no state but the bound.
		 */
		private Flux<Piece<T>> complete(PageWindow window, long offset, int asked, EntityPage<T> answer) {
			EntityPage<T> page = accept(offset, asked, answer);
			long filled = page.nextOffset();
			long wanted = Math.min(offset + asked, this.bound);
			if (filled >= wanted) {
				return Flux.just(new Piece<>(page.items().isEmpty() ? null : page, true));
			}
			if (page.items().isEmpty()) {
				return Flux.error(inconsistent(offset, asked, answer,
						"no entities, although its total of " + page.total() + " says there are more"));
			}
			int limit = (int) (wanted - filled);
			return Flux.just(new Piece<>(page, false))
				.concatWith(fetch(window, filled, limit).flatMapMany((rest) -> complete(window, filled, limit, rest)));
		}

		/**
		 * Checks an answer against the request, updates the bound from its total, and cuts it
		 * to what was asked.
		 */
		private EntityPage<T> accept(long offset, int limit, EntityPage<T> answer) {
			List<T> items = answer.items();
			if (!items.isEmpty()) {
				if (answer.start() != offset) {
					throw inconsistent(offset, limit, answer, "a page that starts at " + answer.start()
							+ "; the server does not keep to the offset");
				}
				if (answer.end() != answer.start() + items.size() - 1) {
					throw inconsistent(offset, limit, answer, items.size() + " entities, although its range counts "
							+ (answer.end() - answer.start() + 1));
				}
				if (answer.end() >= answer.total()) {
					throw inconsistent(offset, limit, answer, "a range that ends beyond its total");
				}
				String firstId = this.idOf.apply(items.get(0));
				if (this.firstId == null) {
					this.firstId = firstId;
				}
				else if (firstId != null && offset != this.from && firstId.equals(this.firstId)) {
					throw inconsistent(offset, limit, answer, "the same first entity '" + firstId
							+ "' as at offset " + this.from + "; the server does not keep to the offset");
				}
			}
			this.bound = Math.min(this.end, answer.total());
			if (items.size() > limit) {
				items = items.subList(0, limit);
			}
			return new EntityPage<>(items, offset, offset + items.size() - 1, answer.total());
		}

		private int limitAt(long offset, int size) {
			return (int) Math.min(size, this.end - offset);
		}

		private PipelinerDecodingException inconsistent(long offset, int limit, EntityPage<T> answer, String what) {
			return new PipelinerDecodingException("Reading " + this.what + " stopped: asked for " + limit
					+ " entities at offset " + offset + ", the server answered items " + answer.start() + "-"
					+ answer.end() + "/" + answer.total() + " with " + what
					+ ". Entities would be lost or repeated, so the read cannot be trusted", null);
		}

	}

	/**
	 * A page of a request's batch, or none when the request found nothing; the last piece of a
	 * batch ends it, for the window's counts.
	 */
	private record Piece<T>(@Nullable EntityPage<T> page, boolean last) {

		void ifLast(Runnable action) {
			if (this.last) {
				action.run();
			}
		}

	}

}
