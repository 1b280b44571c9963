package dev.pipeliner.client.internal.observation;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.observation.DefaultPipelinerObservationConvention;
import dev.pipeliner.client.observation.PipelinerObservationContext;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The observation engine: one {@code pipeliner.client.operation} observation per client call,
 * ended before the result travels on, and put in the Reactor context so that the HTTP requests
 * of the call are observed as its children. Knows nothing of the wire. Not part of the public
 * API.
 */
public final class Observations {

	private static final PipelinerObservationConvention DEFAULT_CONVENTION = new DefaultPipelinerObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable PipelinerObservationConvention convention;

	/**
	 * @param registry where observations go; nothing is observed with the no-op registry
	 * @param convention names and tags them, or {@code null} for the default
	 */
	public Observations(ObservationRegistry registry, @Nullable PipelinerObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/** @return the call, observed as {@code operation} on {@code entity} in {@code teamPipeline} */
	public <T> Mono<T> observed(String operation, @Nullable String entity, String teamPipeline, Mono<T> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.defer(() -> {
			Observation observation = start(operation, entity, teamPipeline);
			AtomicBoolean stopped = new AtomicBoolean();
			return call.doOnSuccess((value) -> stop(observation, "success", stopped))
				.doOnError((ex) -> failed(observation, ex, stopped))
				.doOnCancel(() -> stop(observation, "cancelled", stopped))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/** @return the call, observed as {@code operation} on {@code entity} in {@code teamPipeline} */
	public <T> Flux<T> observed(String operation, @Nullable String entity, String teamPipeline, Flux<T> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Flux.defer(() -> {
			Observation observation = start(operation, entity, teamPipeline);
			AtomicBoolean stopped = new AtomicBoolean();
			return call.doOnComplete(() -> stop(observation, "success", stopped))
				.doOnError((ex) -> failed(observation, ex, stopped))
				.doOnCancel(() -> stop(observation, "cancelled", stopped))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation start(String operation, @Nullable String entity, String teamPipeline) {
		PipelinerObservationContext context = new PipelinerObservationContext(operation,
				(entity != null) ? entity : "none", teamPipeline);
		return Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry).start();
	}

	/**
	 * Stops before the signal travels on, so that the observation has ended when the caller sees
	 * the result; once only, even if a cancel follows the value.
	 */
	private static void stop(Observation observation, String outcome, AtomicBoolean stopped) {
		if (stopped.compareAndSet(false, true)) {
			((PipelinerObservationContext) observation.getContext()).setOutcome(outcome);
			observation.stop();
		}
	}

	private static void failed(Observation observation, Throwable ex, AtomicBoolean stopped) {
		if (!stopped.get()) {
			observation.error(ex);
		}
		stop(observation, kindOf(ex), stopped);
	}

	static String kindOf(Throwable ex) {
		if (ex instanceof PipelinerApiException api) {
			int status = api.getStatus();
			return (status == 401 || status == 403) ? "authentication" : (status == 404) ? "not_found"
					: (status == 429) ? "rate_limited" : (status >= 500) ? "server_error"
							: (status >= 400) ? "validation" : "client_error";
		}
		if (ex instanceof PipelinerTransportException) {
			return "transport_error";
		}
		if (ex instanceof PipelinerDecodingException) {
			return "decoding_error";
		}
		return (ex instanceof IllegalArgumentException) ? "bad_argument" : "error";
	}

}
