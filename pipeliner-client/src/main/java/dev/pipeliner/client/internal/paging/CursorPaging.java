package dev.pipeliner.client.internal.paging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The paging engine for cursor paging: reads the pages of one result one after another, since
 * each request needs the cursor the answer before it carries. The next request leaves as soon
 * as that cursor is known, while the subscriber still works through the page before. It stops on
 * the server's word that no page follows, even when the last answer still carries a cursor, and
 * fails with a {@link PipelinerDecodingException} when the server answers a cursor it answered
 * before, which would read entities twice. Knows nothing of the wire. Not part of the public API.
 */
public final class CursorPaging {

	/** Sends one page request. */
	@FunctionalInterface
	public interface Fetcher<T> {

		/**
		 * @param cursor where the page starts: {@code null} for the first page
		 * @param size the most entities to answer
		 * @return the page, whose continuation token is the next page's cursor, or {@code null}
		 * after the last
		 */
		Mono<EntityPage<T>> fetch(@Nullable String cursor, int size);

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
	 */
	public <T> Flux<EntityPage<T>> pages(String what, Fetcher<T> fetcher, @Nullable String token, long limit) {
		Start start = Start.of(token);
		if (start.position() >= limit) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			long[] read = { start.position() };
			return fetch(fetcher, start.cursor(), limit - read[0]).expand((page) -> {
				String next = page.continuationToken();
				if (next == null || read[0] + page.items().size() >= limit) {
					return Mono.empty();
				}
				if (!seen.add(next)) {
					return Mono.error(new PipelinerDecodingException("Reading " + what + " stopped: the server answered"
							+ " the cursor " + Arguments.quote(next) + " a second time, so entities would be read twice", null));
				}
				read[0] += page.items().size();
				return fetch(fetcher, next, limit - read[0]);
			}).scan(new Positioned<T>(null, start.position()), (before, page) -> new Positioned<>(page, before.next()))
				.skip(1)
				.map((positioned) -> positioned.page(limit))
				.filter((page) -> !page.items().isEmpty());
		});
	}

	private <T> Mono<EntityPage<T>> fetch(Fetcher<T> fetcher, @Nullable String cursor, long left) {
		return fetcher.fetch(cursor, (int) Math.min(this.pageSize, left));
	}

	/** A page as answered, and the position of its first entity in this read. */
	private record Positioned<T>(@Nullable EntityPage<T> answer, long start) {

		long next() {
			return this.start + ((this.answer != null) ? this.answer.items().size() : 0);
		}

		/** The page positioned in the read, cut to the limit; no continuation after the limit. */
		EntityPage<T> page(long limit) {
			EntityPage<T> answer = Objects.requireNonNull(this.answer, "the seed of the scan is skipped");
			List<T> items = answer.items();
			String cursor = answer.continuationToken();
			if (this.start + items.size() >= limit) {
				items = items.subList(0, (int) (limit - this.start));
				cursor = null;
			}
			return new EntityPage<>(items, this.start, this.start + items.size() - 1, answer.total(),
					token(this.start + items.size(), cursor));
		}

	}

}
