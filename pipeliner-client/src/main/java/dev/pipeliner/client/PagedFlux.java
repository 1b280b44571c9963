package dev.pipeliner.client;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The entities of a collection read as one {@link Flux}, with a view of the pages behind it, in
 * the manner of Azure's {@code PagedFlux}. Subscribing reads the entities page by page as the
 * subscriber asks for them; {@link #byPage()} emits the pages instead, each with its position and
 * its {@link EntityPage#continuationToken() continuation token}, and
 * {@link #byPage(String)} reads on after a page, to resume a read that stopped.
 * <pre>{@code
 * PagedFlux<Entity> contacts = client.streamEntities("Contacts", Query.all().sort(Sort.asc("ID")));
 * contacts.byPage().subscribe((page) -> checkpoint(page.continuationToken()));
 * contacts.byPage(savedToken).subscribe(...);   // later: carry on from there
 * }</pre>
 * The token is an offset on the v1 API, and the position and cursor of the next page on v100;
 * either way it is an opaque string to keep and pass back. On v100, subscribing to the entities
 * may read them in slices, several cursors at once ({@code PipelinerClientBuilder.slicedReads});
 * the pages of {@code byPage} are always read by one cursor, so that each page's token resumes
 * the read exactly where it stopped. Like every publisher of the client it is cold: each subscription reads
 * afresh.
 *
 * @param <T> {@link Entity}, or the type the entities are mapped onto
 */
public final class PagedFlux<T> extends Flux<T> {

	private final @Nullable String start;

	private final Function<@Nullable String, Flux<EntityPage<T>>> pagesFrom;

	private final boolean byOffset;

	/** The pages behind the entities, when they are read otherwise than {@link #byPage()} reads them. */
	private final @Nullable Supplier<Flux<EntityPage<T>>> entityPages;

	PagedFlux(@Nullable String start, Function<@Nullable String, Flux<EntityPage<T>>> pagesFrom, boolean byOffset) {
		this(start, pagesFrom, byOffset, null);
	}

	/**
	 * @param entityPages the pages subscribing to the entities reads, in slices say, or
	 * {@code null} for those of {@link #byPage()}
	 */
	PagedFlux(@Nullable String start, Function<@Nullable String, Flux<EntityPage<T>>> pagesFrom, boolean byOffset,
			@Nullable Supplier<Flux<EntityPage<T>>> entityPages) {
		this.start = start;
		this.pagesFrom = pagesFrom;
		this.byOffset = byOffset;
		this.entityPages = entityPages;
	}

	/** @return the pages from the query's start on */
	public Flux<EntityPage<T>> byPage() {
		return this.pagesFrom.apply(this.start);
	}

	/**
	 * @param continuationToken the {@link EntityPage#continuationToken()} of the last page read
	 * @return the pages after it; a limit of the query still ends the read where it would have
	 * @throws IllegalArgumentException if the token is blank or not a token of this protocol
	 */
	public Flux<EntityPage<T>> byPage(String continuationToken) {
		return this.pagesFrom.apply(Arguments.requireText(continuationToken, "continuationToken"));
	}

	/**
	 * @param offset the offset to start at, such as the {@link EntityPage#nextOffset()} of the last
	 * page read; a limit of the query still ends the read where it would have
	 * @return the pages from {@code offset} on
	 * @throws IllegalArgumentException if the offset is negative, or the protocol pages by cursor
	 */
	public Flux<EntityPage<T>> byPage(long offset) {
		if (!this.byOffset) {
			throw new IllegalArgumentException("offset: this read pages by cursor (the v100 API); resume it with"
					+ " byPage(continuationToken)");
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be zero or more, but was " + offset);
		}
		return this.pagesFrom.apply(Long.toString(offset));
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		Flux<EntityPage<T>> pages = (this.entityPages != null) ? this.entityPages.get() : byPage();
		pages.concatMapIterable(EntityPage::items, 1).subscribe(actual);
	}

}
