package dev.pipeliner.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a collection read: the items, where they lie in the whole result, and the token
 * that continues the read after them.
 *
 * @param items the entities of this page, in the server's order
 * @param start the 0-based position of the first item in the whole result
 * @param end the 0-based position of the last item, inclusive; {@code start - 1} when the page is
 * empty
 * @param total how many entities match the query in all, or {@code -1} when the server did not
 * say
 * @param continuationToken what {@link PagedFlux#byPage(String)} takes to read on after this page:
 * an offset on the v1 API, the position and cursor of the next page on v100; {@code null} after
 * the last page
 * @param <T> {@link Entity}, or the type the entities were mapped onto
 */
public record EntityPage<T>(List<T> items, long start, long end, long total, @Nullable String continuationToken) {

	public EntityPage {
		items = List.copyOf(items);
	}

	/**
	 * A page of an offset read, whose continuation token is the offset after it while the total
	 * says more entities follow.
	 * @param items the entities of this page
	 * @param start the offset of the first item
	 * @param end the offset of the last item, inclusive
	 * @param total how many entities match in all
	 */
	public EntityPage(List<T> items, long start, long end, long total) {
		this(items, start, end, total,
				(!items.isEmpty() && start + items.size() < total) ? Long.toString(start + items.size()) : null);
	}

	/** @return whether more matching entities lie beyond this page */
	public boolean hasMore() {
		return this.continuationToken != null;
	}

	/** @return the position of the entity after this page's last one */
	public long nextOffset() {
		return this.start + this.items.size();
	}

	/** @return this page with other items, mapped from these one by one */
	<R> EntityPage<R> withItems(List<R> mapped) {
		return new EntityPage<>(mapped, this.start, this.end, this.total, this.continuationToken);
	}

}
