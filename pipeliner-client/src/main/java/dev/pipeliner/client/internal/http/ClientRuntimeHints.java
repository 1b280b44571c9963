package dev.pipeliner.client.internal.http;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of an application needs of the client: the resource that holds the
 * library's version for the {@code User-Agent} header. The client maps answers through JSON
 * trees, so it needs no reflection hints of its own. Not part of the public API.
 */
public final class ClientRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("dev/pipeliner/client/internal/http/version.properties");
	}

}
