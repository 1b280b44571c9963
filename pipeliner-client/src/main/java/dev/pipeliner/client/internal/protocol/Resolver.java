package dev.pipeliner.client.internal.protocol;

import java.net.URI;
import java.util.function.Function;

import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds where a call goes: the protocol of the configured URL, or, with data-center discovery,
 * of the data center that serves the account, and the two names of an entity from the cached
 * {@code entityPublic} answer. Both are fetched once, shared by concurrent first callers, and
 * not cached when they fail. Once they are known, a call goes on at once, on the caller's
 * thread. Calls that waited for them go on from Reactor's parallel scheduler, not from the
 * event loop that received the answer: a connection opened from an event loop belongs to that
 * loop, so a burst of first calls would otherwise put every connection, and every later call on
 * them, on one thread. Not part of the public API.
 */
public final class Resolver {

	/** The protocol to call and the two names of the entity. */
	public record Target(Protocol protocol, EntityNames.Resolved names) {

		public String collection() {
			return this.names.collection();
		}

	}

	private final Protocol configured;

	private final Mono<Protocol> protocol;

	/** The protocol and the names, fetched once. */
	private final Mono<Known> lookups;

	/** What the lookups found, once they have. */
	private volatile @Nullable Known known;

	private record Known(Protocol protocol, EntityNames names) {

		Target target(String name) {
			return new Target(this.protocol, this.names.resolve(name));
		}

	}

	/**
	 * @param configured the protocol of the configured URL
	 * @param discoveredAt the protocol for a discovered data center's URL, or {@code null} not to
	 * discover one
	 * @param allowInsecureHttp whether a discovered plain-http URL to another machine is accepted
	 */
	public Resolver(Protocol configured, @Nullable Function<URI, Protocol> discoveredAt, boolean allowInsecureHttp) {
		this.configured = configured;
		this.protocol = (discoveredAt != null) ? configured.teamPipelineUrl().map((url) -> {
			try {
				return discoveredAt.apply(Arguments.requireServiceUrl(url, allowInsecureHttp, "teamPipelineUrl"));
			}
			catch (IllegalArgumentException ex) {
				throw new PipelinerDecodingException("Data-center discovery: " + ex.getMessage(), ex);
			}
		}).cacheInvalidateIf((cached) -> false) : Mono.just(configured);
		this.lookups = this.protocol
			.flatMap((protocol) -> protocol.entityPublic().map((names) -> new Known(protocol, new EntityNames(names))))
			.doOnNext((found) -> this.known = found)
			.cacheInvalidateIf((cached) -> false);
	}

	/** @return the protocol of the configured URL */
	public Protocol configured() {
		return this.configured;
	}

	/** @return the protocol calls go to */
	public Mono<Protocol> protocol() {
		return this.protocol;
	}

	/** @return the entity names, fetched once */
	public Mono<EntityNames> names() {
		return this.lookups.map(Known::names);
	}

	/** @return the protocol and the names of the entity a user named, singular or plural */
	public Mono<Target> resolve(String name) {
		Known found = this.known;
		if (found != null) {
			return Mono.just(found.target(name));
		}
		return this.lookups.publishOn(Schedulers.parallel()).map((lookedUp) -> lookedUp.target(name));
	}

}
