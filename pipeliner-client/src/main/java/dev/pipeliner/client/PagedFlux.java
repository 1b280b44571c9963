package dev.pipeliner.client;

import java.util.function.LongFunction;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The entities of a collection read as one {@link Flux}, with a view of the pages behind it.
 * Subscribing reads the entities page by page as the subscriber asks for them;
 * {@link #byPage()} emits the pages instead, each with its position in the whole result, and
 * {@link #byPage(long)} starts at an offset, to resume a read that stopped.
 * <pre>{@code
 * PagedFlux<Entity> contacts = client.streamEntities("Contacts", Query.all().sort(Sort.asc("ID")));
 * contacts.byPage().subscribe((page) -> checkpoint(page.nextOffset()));
 * contacts.byPage(savedOffset).subscribe(...);   // later: carry on from there
 * }</pre>
 * Like every publisher of the client it is cold: each subscription reads afresh.
 *
 * @param <T> {@link Entity}, or the type the entities are mapped onto
 */
public final class PagedFlux<T> extends Flux<T> {

	private final long start;

	private final LongFunction<Flux<EntityPage<T>>> pagesFrom;

	PagedFlux(long start, LongFunction<Flux<EntityPage<T>>> pagesFrom) {
		this.start = start;
		this.pagesFrom = pagesFrom;
	}

	/** @return the pages from the query's offset on */
	public Flux<EntityPage<T>> byPage() {
		return this.pagesFrom.apply(this.start);
	}

	/**
	 * @param offset the offset to start at, such as the {@link EntityPage#nextOffset()} of the last
	 * page read; a limit of the query still ends the read where it would have
	 * @return the pages from {@code offset} on
	 * @throws IllegalArgumentException if the offset is negative
	 */
	public Flux<EntityPage<T>> byPage(long offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be zero or more, but was " + offset);
		}
		return this.pagesFrom.apply(offset);
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		byPage().concatMapIterable(EntityPage::items, 1).subscribe(actual);
	}

}
