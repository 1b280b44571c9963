package dev.pipeliner.client.internal.protocol;

import java.net.URI;
import java.util.function.Function;

import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Finds where a call goes: the protocol of the configured URL, or, with data-center discovery,
 * of the data center that serves the account, and the two names of an entity from the cached
 * {@code entityPublic} answer. Both are fetched once, shared by concurrent first callers, and
 * not cached when they fail. Not part of the public API.
 */
public final class Resolver {

	/** The protocol to call and the two names of the entity. */
	public record Target(Protocol protocol, EntityNames.Resolved names) {

		public String collection() {
			return this.names.collection();
		}

	}

	private final Protocol configured;

	private final boolean discovering;

	private final Mono<Protocol> protocol;

	private final Mono<EntityNames> names;

	/**
	 * @param configured the protocol of the configured URL
	 * @param discoveredAt the protocol for a discovered data center's URL, or {@code null} not to
	 * discover one
	 * @param allowInsecureHttp whether a discovered plain-http URL to another machine is accepted
	 */
	public Resolver(Protocol configured, @Nullable Function<URI, Protocol> discoveredAt, boolean allowInsecureHttp) {
		this.configured = configured;
		this.discovering = discoveredAt != null;
		this.protocol = (discoveredAt != null) ? configured.teamPipelineUrl().map((url) -> {
			try {
				return discoveredAt.apply(Arguments.requireServiceUrl(url, allowInsecureHttp, "teamPipelineUrl"));
			}
			catch (IllegalArgumentException ex) {
				throw new PipelinerDecodingException("Data-center discovery: " + ex.getMessage(), ex);
			}
		}).cacheInvalidateIf((cached) -> false) : Mono.just(configured);
		this.names = this.protocol.flatMap(Protocol::entityPublic)
			.map(EntityNames::new)
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
		return this.names;
	}

	/** @return the protocol and the names of the entity a user named, singular or plural */
	public Mono<Target> resolve(String name) {
		if (!this.discovering) {
			return this.names.map((names) -> new Target(this.configured, names.resolve(name)));
		}
		return this.protocol.zipWith(this.names.map((names) -> names.resolve(name)), Target::new);
	}

}
