package dev.pipeliner.client.internal.protocol;

import java.time.Instant;
import java.util.function.Function;

import dev.pipeliner.client.internal.http.QueryString;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a protocol reads the result of one stream's query in slices of a key that never changes
 * and has an order, such as the time an entity was created: the query sorted by the key, the
 * other way round for the newest entity, and from a lower bound on. Each slice's pages go through
 * {@link Protocol#page(String, QueryString, String, int, long)} like any cursor read's. Not part of
 * the public API.
 *
 * @param key the key's name, for messages
 * @param ascending the query, sorted by the key (ties in the order of the id)
 * @param descending the query sorted by the key the other way round, whose first entity is the newest
 * @param from the ascending query, kept to the entities whose key is at or after a bound
 * @param keyOf the key of an entity as answered, or {@code null} when it has none
 */
public record Slicing(String key, QueryString ascending, QueryString descending, Function<Instant, QueryString> from,
		Function<ObjectNode, @Nullable Instant> keyOf) {
}
