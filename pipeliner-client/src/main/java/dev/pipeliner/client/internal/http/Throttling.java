package dev.pipeliner.client.internal.http;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Tells whoever sent a request, through the subscriber context, that the server asked it to slow
 * down: a {@code 429} or a {@code 503} answer, retried or not. A paging engine listens, to keep
 * fewer requests in flight. Not part of the public API.
 */
public final class Throttling {

	/** Hears that an answer was {@code 429} or {@code 503}. */
	@FunctionalInterface
	public interface Listener {

		void throttled();

	}

	private static final String KEY = Throttling.class.getName();

	private Throttling() {
	}

	/** @return a context in which {@code listener} hears of throttled answers */
	public static Context listen(Listener listener) {
		return Context.of(KEY, listener);
	}

	/** @return whether the status asks the client to slow down */
	static boolean isThrottle(int status) {
		return status == 429 || status == 503;
	}

	/** Tells the listener of a context, if there is one, that an answer was throttled. */
	public static void report(ContextView context) {
		context.<Listener>getOrEmpty(KEY).ifPresent(Listener::throttled);
	}

}
