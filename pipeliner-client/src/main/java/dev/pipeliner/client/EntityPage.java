package dev.pipeliner.client;

import java.util.List;

/**
 * One page of a collection read: the items and the position the server reported in its
 * {@code Content-Range} header ({@code items 0-24/66}).
 *
 * @param items the entities of this page, in the server's order
 * @param start the 0-based offset of the first item
 * @param end the 0-based offset of the last item, inclusive; {@code -1} when the page is empty
 * @param total how many entities match the query in all
 * @param <T> {@link Entity}, or the type the entities were mapped onto
 */
public record EntityPage<T>(List<T> items, long start, long end, long total) {

	public EntityPage {
		items = List.copyOf(items);
	}

	/** @return whether more matching entities lie beyond this page */
	public boolean hasMore() {
		return !this.items.isEmpty() && nextOffset() < this.total;
	}

	/** @return the offset of the entity after this page's last one */
	public long nextOffset() {
		return this.start + this.items.size();
	}

}
