package dev.pipeliner.client.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
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
		Mono<EntityPage<T>> fetch(String cursor, int size);

	}

	private final int pageSize;

	/** @param pageSize how many entities to ask for per request */
	public CursorPaging(int pageSize) {
		this.pageSize = pageSize;
	}

	/**
	 * @param what what is read, for messages
	 * @param fetcher sends the requests
	 * @param cursor where to start: {@code null} for the beginning
	 * @param limit the most entities to read in all
	 * @return the pages, none of them empty, positioned from the start of this read
	 */
	public <T> Flux<EntityPage<T>> pages(String what, Fetcher<T> fetcher, String cursor, long limit) {
		if (limit <= 0) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			long[] read = { 0 };
			return fetch(fetcher, cursor, limit).expand((page) -> {
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
			}).scan(new Positioned<T>(null, 0), (before, page) -> new Positioned<>(page, before.next()))
				.skip(1)
				.map((positioned) -> positioned.page(limit))
				.filter((page) -> !page.items().isEmpty());
		});
	}

	private <T> Mono<EntityPage<T>> fetch(Fetcher<T> fetcher, String cursor, long left) {
		return fetcher.fetch(cursor, (int) Math.min(this.pageSize, left));
	}

	/** A page as answered, and the position of its first entity in this read. */
	private record Positioned<T>(EntityPage<T> answer, long start) {

		long next() {
			return this.start + ((this.answer != null) ? this.answer.items().size() : 0);
		}

		/** The page positioned in the read, cut to the limit; no continuation after the limit. */
		EntityPage<T> page(long limit) {
			List<T> items = this.answer.items();
			String token = this.answer.continuationToken();
			if (this.start + items.size() >= limit) {
				items = items.subList(0, (int) (limit - this.start));
				token = null;
			}
			return new EntityPage<>(items, this.start, this.start + items.size() - 1, this.answer.total(), token);
		}

	}

}
