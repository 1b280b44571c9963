package dev.pipeliner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A stream read to its end, as a test of stream integrity sees it: the ids emitted, and the
 * failure it ended with, if any.
 *
 * @param ids the ids of the entities emitted, in order
 * @param failure what the stream ended with, or {@code null} when it completed
 */
record Reads(List<String> ids, @Nullable Throwable failure) {

	static Reads of(Flux<Entity> entities) {
		List<String> ids = new ArrayList<>();
		Throwable failure = null;
		try {
			entities.doOnNext((entity) -> ids.add(entity.id())).blockLast(Duration.ofSeconds(20));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		return new Reads(ids, failure);
	}

}
