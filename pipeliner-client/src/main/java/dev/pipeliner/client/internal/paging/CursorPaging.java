package dev.pipeliner.client.internal.paging;

import java.util.List;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The paging engine for cursor paging: reads the pages of one result one after another, since
 * each request needs the cursor the answer before it carries. The next request leaves as soon as
 * that cursor is known, while the subscriber still works through the page before. It stops on
 * the server's word that no page follows, even when the last answer still carries a cursor.
 * <p>
 * What it guarantees: the pages it emits hold what the server answered, each page once, or the
 * read fails with a {@link dev.pipeliner.client.error.PipelinerDecodingException} that says what the server did, before the
 * page that cannot be trusted is emitted ({@link CursorChecks}):
 * <ul>
 * <li>a cursor answered before, the one the read resumed from included, fails the read;</li>
 * <li>a page that repeats the page before it for a new cursor fails the read;</li>
 * <li>an empty page that says more follow is followed, up to {@link #MAX_EMPTY_PAGES} in a
 * row;</li>
 * <li>a limit ends the read, the last page cut to it.</li>
 * </ul>
 * Whether an answer says another page follows is the protocol's to read; the position the
 * engine passes lets it weigh an answer that does not say against its total. Knows nothing of
 * the wire. Not part of the public API.
 */
public final class CursorPaging {

	/** How many empty pages in a row, each saying more follow, a read follows before it fails. */
	public static final int MAX_EMPTY_PAGES = 100;

	/** Sends one page request. */
	@FunctionalInterface
	public interface Fetcher<T> {

		/**
		 * @param cursor where the page starts: {@code null} for the first page
		 * @param size the most entities to answer
		 * @param position the position of the page's first entity in the whole read
		 * @return the page, whose continuation token is the next page's cursor, or {@code null}
		 * after the last
		 */
		Mono<EntityPage<T>> fetch(@Nullable String cursor, int size, long position);

	}

	private final int pageSize;

	/**
	 * @param position the position of the entity after the page in the whole read
	 * @param cursor the server's cursor of the next page, or {@code null} after the last
	 * @return the continuation token of a page: its position, {@code :}, then the cursor, so that a
	 * resumed read knows where it stands; {@code null} after the last page
	 */
	public static @Nullable String token(long position, @Nullable String cursor) {
		return (cursor != null) ? position + ":" + cursor : null;
	}

	/** Where a read starts: a position, and the cursor of the page there ({@code null} for the first). */
	private record Start(long position, @Nullable String cursor) {

		/**
		 * A token of {@link #token}, or a bare cursor, which counts from position 0.
		 * @throws IllegalArgumentException for a token whose cursor is empty or holds whitespace or
		 * control characters, which no server's cursor does
		 */
		static Start of(@Nullable String token) {
			if (token == null) {
				return new Start(0, null);
			}
			int colon = token.indexOf(':');
			boolean positioned = colon > 0 && colon < 19 && token.substring(0, colon).chars().allMatch(Character::isDigit);
			String cursor = positioned ? token.substring(colon + 1) : token;
			if (cursor.isEmpty() || cursor.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
				throw new IllegalArgumentException("continuationToken must be the continuation token of a page,"
						+ " a position and a cursor such as '100:WyIwMSJd', but was " + Arguments.quote(token));
			}
			return new Start(positioned ? Long.parseLong(token.substring(0, colon)) : 0, cursor);
		}

	}

	/** @param pageSize how many entities to ask for per request */
	public CursorPaging(int pageSize) {
		this.pageSize = pageSize;
	}

	/**
	 * @param what what is read, for messages
	 * @param fetcher sends the requests
	 * @param token where to start: {@code null} for the beginning, else a page's continuation
	 * token (or a bare cursor, which counts from position 0)
	 * @param limit the most entities to read in all, counted from the beginning of the read
	 * @return the pages, none of them empty, positioned in the whole read, each with its
	 * continuation token
	 * @throws IllegalArgumentException for a token that is not a continuation token
	 */
	public <T> Flux<EntityPage<T>> pages(String what, Fetcher<T> fetcher, @Nullable String token, long limit) {
		Start start = Start.of(token);
		if (start.position() >= limit) {
			return Flux.empty();
		}
		return Flux.defer(() -> new Read<>(what, fetcher, start, limit).pages());
	}

	/** A page as emitted, and the server's cursor of the next one, or {@code null} after the last. */
	private record Step<T>(EntityPage<T> page, @Nullable String next) {
	}

	/** The state of one subscription's read: where it stands, and its checks. */
	private final class Read<T> {

		private final String what;

		private final Fetcher<T> fetcher;

		private final Start start;

		private final long limit;

		private final CursorChecks.Cursors cursors;

		private final CursorChecks.Repeats<T> repeats = new CursorChecks.Repeats<>();

		private final CursorChecks.EmptyPages empty = new CursorChecks.EmptyPages(MAX_EMPTY_PAGES);

		/** The position of the next page's first entity. */
		private long position;

		Read(String what, Fetcher<T> fetcher, Start start, long limit) {
			this.what = what;
			this.fetcher = fetcher;
			this.start = start;
			this.limit = limit;
			this.cursors = new CursorChecks.Cursors(start.cursor());
			this.position = start.position();
		}

		Flux<EntityPage<T>> pages() {
			return fetch(this.start.cursor())
				.expand((step) -> (step.next() != null) ? fetch(step.next()) : Mono.empty())
				.map(Step::page)
				.filter((page) -> !page.items().isEmpty());
		}

		/** The page at the cursor, checked and positioned, cut to the limit. */
		private Mono<Step<T>> fetch(@Nullable String cursor) {
			long from = this.position;
			return this.fetcher.fetch(cursor, (int) Math.min(CursorPaging.this.pageSize, this.limit - from), from)
				.map((answer) -> {
					this.repeats.requireNotRepeated(this.what, answer, cursor);
					this.empty.requireFew(this.what, answer);
					String next = answer.continuationToken();
					List<T> items = answer.items();
					if (from + items.size() >= this.limit) {
						items = items.subList(0, (int) (this.limit - from));
						next = null;
					}
					if (next != null) {
						this.cursors.requireNew(this.what, next);
					}
					this.position = from + items.size();
					return new Step<>(new EntityPage<>(items, from, this.position - 1, answer.total(),
							token(this.position, next)), next);
				});
		}

	}

}
