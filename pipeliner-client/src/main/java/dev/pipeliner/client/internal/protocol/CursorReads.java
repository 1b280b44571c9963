package dev.pipeliner.client.internal.protocol;

import dev.pipeliner.client.EntityPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every page of a cursor read from a function that fetches one, with the checks a stream
 * has. The facade backs it with the paging engine, so that a protocol's own reads of many pages
 * (v100's {@code Entities} and {@code Fields}) are held to the same checks without the protocol
 * knowing the engine. Not part of the public API.
 */
@FunctionalInterface
public interface CursorReads {

	/** Fetches one page of a cursor read. */
	@FunctionalInterface
	interface PageSource {

		/**
		 * @param cursor where the page starts: {@code null} for the first page
		 * @param size the most entities to answer
		 * @param position the position of the page's first entity in the whole read
		 * @return the page, whose continuation token is the next page's cursor, or {@code null}
		 * after the last
		 */
		Mono<EntityPage<ObjectNode>> fetch(@Nullable String cursor, int size, long position);

	}

	/**
	 * @param what what is read, for messages
	 * @param source fetches the pages
	 * @return every page, checked, in order
	 */
	Flux<EntityPage<ObjectNode>> pages(String what, PageSource source);

}
