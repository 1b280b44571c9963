package dev.pipeliner.client.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.pipeliner.client.RetryPolicy;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerRedirectException;
import dev.pipeliner.client.error.PipelinerTransportException;
import dev.pipeliner.client.error.ServerError;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.arguments.Secrets;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * One HTTP call of any protocol: the request with its credentials and {@code User-Agent}, each
 * attempt bounded by the read timeout (see {@link AttemptTimeout}), failures translated into Pipeliner exceptions, and
 * retries where {@link Repeat} allows. Redirects are never followed: a 3xx is a
 * {@link PipelinerRedirectException}. Knows nothing of paths or body shapes. Not part of the
 * public API.
 */
public final class Transport {

	/** When an attempt that failed may be sent again. */
	public enum Repeat {

		/** Only when it certainly had no effect: no connection, or 429. For creates and batches. */
		IF_NOT_APPLIED,

		/** On any transient failure: repeating it is harmless. For reads and updates. */
		ALWAYS,

		/**
		 * As {@link #ALWAYS}, and a 404 after an attempt whose outcome is unknown means that attempt
		 * deleted the entity: the call completes. For deletes of one entity.
		 */
		DELETE

	}

	/** Reads what a protocol's error answer says. */
	@FunctionalInterface
	public interface ErrorDecoder {

		/**
		 * @param status the HTTP status
		 * @param body the body as text: JSON of the protocol's shapes, or whatever a proxy sent
		 * @return what the body said; nothing, rather than a failure, when it is of no known shape
		 */
		ServerError read(int status, String body);

	}

	private final WebClient webClient;

	private final Secrets secrets;

	private final @Nullable AttemptTimeout timeout;

	private final RetryPolicy retry;

	private final ErrorDecoder errors;

	private final Bounded bounded;

	/**
	 * @param webClient sends the requests
	 * @param user the user of HTTP Basic authentication
	 * @param password its password
	 * @param timeout the read timeout of each attempt, or {@code null}
	 * @param retry when and how failed attempts are repeated
	 * @param maxResponseSize the most bytes of one answer that are read
	 * @param errors the protocol's error shapes
	 */
	public Transport(WebClient webClient, String user, String password, @Nullable Duration timeout, RetryPolicy retry,
			long maxResponseSize, ErrorDecoder errors) {
		String authorization = basic(user, password);
		// set once as default headers rather than on each request, and held to them at the last filter
		this.webClient = webClient.mutate()
			.defaultHeaders((headers) -> ownHeaders(headers, authorization))
			.filter(ownHeaders(authorization))
			.build();
		this.secrets = Secrets.of(user, password);
		this.timeout = (timeout != null) ? new AttemptTimeout(timeout) : null;
		this.retry = retry;
		this.errors = errors;
		this.bounded = new Bounded(maxResponseSize, this.secrets);
	}

	/** @return the {@code Authorization} value of HTTP Basic authentication */
	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static void ownHeaders(HttpHeaders headers, String authorization) {
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		headers.set(HttpHeaders.USER_AGENT, UserAgent.VALUE);
		headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
	}

	/**
	 * @return the filter, innermost of all, that sends every request with the client's
	 * credentials, {@code User-Agent} and {@code Accept}, once each, whatever a given builder's
	 * default request or filters set in their place; a request that has them as they are goes on
	 * as it is
	 */
	private static ExchangeFilterFunction ownHeaders(String authorization) {
		return (request, next) -> {
			HttpHeaders headers = request.headers();
			if (isOnly(headers, HttpHeaders.AUTHORIZATION, authorization) && isOnly(headers, HttpHeaders.USER_AGENT, UserAgent.VALUE)
					&& isOnly(headers, HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)) {
				return next.exchange(request);
			}
			return next.exchange(ClientRequest.from(request).headers((own) -> ownHeaders(own, authorization)).build());
		};
	}

	private static boolean isOnly(HttpHeaders headers, String name, String value) {
		List<String> values = headers.get(name);
		return values != null && values.size() == 1 && values.get(0).equals(value);
	}

	/** @return the reader that bounds answers to the maximum response size */
	public Bounded bounded() {
		return this.bounded;
	}

	/** @return what a server said, with every form of the credentials in it replaced */
	public ServerError redacted(ServerError error) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		error.fieldErrors().forEach((field, messages) -> fields.put(this.secrets.redact(field),
				messages.stream().map(this.secrets::redact).toList()));
		return new ServerError(error.code(), redacted(error.name()), redacted(error.message()), fields,
				error.entityErrors().stream().map(this.secrets::redact).toList(), error.entityIndex());
	}

	/** @return a server's text as a message may show it: cut short, the credentials replaced */
	public String shown(@Nullable Object answer) {
		return Arguments.shorten(this.secrets.redact(String.valueOf(answer)));
	}

	private @Nullable String redacted(@Nullable String text) {
		return (text != null) ? this.secrets.redact(text) : null;
	}

	/**
	 * @param body the JSON body, or {@code null}
	 * @param repeat when a failed attempt is sent again
	 * @param onSuccess reads a 2xx answer
	 * @return the call, cold
	 */
	public <T> Mono<T> call(HttpMethod method, URI uri, @Nullable JsonNode body, Repeat repeat,
			Function<ClientResponse, Mono<T>> onSuccess) {
		if (repeat == Repeat.DELETE) {
			return Mono.defer(() -> {
				AtomicBoolean unanswered = new AtomicBoolean();
				return retried(attempt(method, uri, body, onSuccess).onErrorResume((ex) -> {
					if (ex instanceof PipelinerNotFoundException && unanswered.get()) {
						return Mono.empty();
					}
					unanswered.compareAndSet(false, mayHaveBeenApplied(ex));
					return Mono.error(ex);
				}), true);
			});
		}
		return retried(attempt(method, uri, body, onSuccess), repeat == Repeat.ALWAYS);
	}

	private <T> Mono<T> attempt(HttpMethod method, URI uri, @Nullable JsonNode body,
			Function<ClientResponse, Mono<T>> onSuccess) {
		Mono<T> attempt = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.webClient.method(method).uri(uri);
			if (this.timeout != null) {
				request.httpRequest(this.timeout::apply);
			}
			WebClient.RequestHeadersSpec<?> spec = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			return spec.exchangeToMono((response) -> answer(response, method, uri, onSuccess));
		});
		if (this.timeout != null) {
			attempt = this.timeout.bound(attempt);
		}
		return attempt.onErrorMap((ex) -> !(ex instanceof PipelinerException), (ex) -> translate(ex, method, uri));
	}

	private <T> Mono<T> answer(ClientResponse response, HttpMethod method, URI uri,
			Function<ClientResponse, Mono<T>> onSuccess) {
		int status = response.statusCode().value();
		if (status >= 200 && status < 300) {
			return onSuccess.apply(response);
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (status >= 300 && status < 400) {
			// the exception shows the Location without its user info
			return response.releaseBody()
				.then(Mono.error(new PipelinerRedirectException(status, location(uri, headers), method, uri)));
		}
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
		Mono<String> body = this.bounded.text(response, method, uri);
		if (Throttling.isThrottle(status)) {
			body = Mono.deferContextual((context) -> {
				Throttling.report(context);
				return this.bounded.text(response, method, uri);
			});
		}
		return body
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(ApiExceptions.of(status, redacted(this.errors.read(status, text)), retryAfter,
					method, uri, null, null)));
	}

	private static @Nullable URI location(URI request, HttpHeaders headers) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		if (location == null) {
			return null;
		}
		try {
			return request.resolve(location.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private <T> Mono<T> retried(Mono<T> call, boolean repeatable) {
		return (this.retry.maxAttempts() <= 1) ? call : retried(call, repeatable, 1);
	}

	/**
	 * The call, sent again after a failure while the policy allows. Built of
	 * {@code onErrorResume} rather than {@code retryWhen}, so that a call that succeeds at once
	 * costs no more than one operator.
	 */
	private <T> Mono<T> retried(Mono<T> call, boolean repeatable, int retry) {
		return call.onErrorResume((failure) -> {
			Duration delay = delayBeforeRetry(failure, retry, repeatable);
			return (delay != null) ? Mono.delay(delay).then(retried(call, repeatable, retry + 1)) : Mono.error(failure);
		});
	}

	/**
	 * @return the wait before retry number {@code retry}, or {@code null} not to retry: the
	 * failure is not transient, repeating the request could write twice, no attempts are left, or
	 * the server asked for a longer wait than the policy allows
	 */
	private @Nullable Duration delayBeforeRetry(Throwable failure, int retry, boolean repeatable) {
		if (!(failure instanceof PipelinerException pipeliner) || !pipeliner.isRetryable()) {
			return null;
		}
		boolean notApplied = (failure instanceof PipelinerTransportException transport && transport.isConnectionFailure())
				|| (failure instanceof PipelinerApiException api && api.getStatus() == 429);
		if (!repeatable && !notApplied) {
			return null;
		}
		return this.retry.delayBefore(retry, (failure instanceof PipelinerApiException api) ? api.getRetryAfter() : null);
	}

	/** Whether a failed attempt may have taken effect on the server. */
	private static boolean mayHaveBeenApplied(Throwable failure) {
		if (failure instanceof PipelinerTransportException transport) {
			return !transport.isConnectionFailure();
		}
		return failure instanceof PipelinerApiException api && (api.getStatus() == 502 || api.getStatus() == 504);
	}

	private Throwable translate(Throwable ex, HttpMethod method, URI uri) {
		String request = method + " " + Arguments.describe(uri);
		if (ex instanceof TimeoutException || causedBy(ex, io.netty.handler.timeout.TimeoutException.class)) {
			return new PipelinerTransportException(request + " had no answer within "
					+ ((this.timeout != null) ? this.timeout.timeout() : "the connector's timeout") + " (readTimeout)", ex);
		}
		if (ex instanceof DataBufferLimitException) {
			return this.bounded.tooLarge(method, uri, ex);
		}
		if (ex instanceof WebClientRequestException || ex instanceof IOException) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new PipelinerTransportException(request + " failed: " + describe(cause), ex, isConnectionFailure(ex));
		}
		if (ex instanceof UnsupportedMediaTypeException) {
			return new PipelinerDecodingException(request + " answered a body that is not JSON: "
					+ Arguments.shorten(describe(ex)), ex);
		}
		if (ex instanceof CodecException || ex instanceof JacksonException) {
			return new PipelinerDecodingException(request + " answered a body that could not be read: "
					+ Arguments.shorten(describe(ex)), ex);
		}
		// an answer came, but reading it failed in a way not foreseen: repeating it would not help
		return new PipelinerDecodingException(request + " answered something that could not be processed: "
				+ Arguments.shorten(describe(ex)), ex);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the connection could not be made, so the request never left. */
	private static boolean isConnectionFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	/** A failure as a message shows it: a parser's message may quote the answer. */
	private String describe(Throwable ex) {
		return this.secrets.redact((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
	}

}
