package dev.pipeliner.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerRateLimitException;
import dev.pipeliner.client.error.PipelinerServerException;
import dev.pipeliner.client.error.PipelinerValidationException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Turns an error answer of the v1 API into the exception for its status. The body may be
 * {@code {"errorcode":n,"message":"…"}}, a bare JSON string, an HTML page or plain text from a
 * proxy, or nothing; none of them leads to a decoding failure. Not part of the public API.
 */
final class ApiErrors {

	private static final int MAX_PLAIN_MESSAGE = 500;

	private final ObjectMapper mapper;

	ApiErrors(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	<T> Mono<T> toException(ClientResponse response, HttpMethod method, URI uri) {
		int status = response.statusCode().value();
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return response.bodyToMono(String.class)
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty("")
			.flatMap((body) -> Mono.error(create(status, body, retryAfter, method, uri)));
	}

	PipelinerApiException create(int status, String body, String retryAfter, HttpMethod method, URI uri) {
		Integer code = null;
		String message = null;
		String text = body.trim();
		if (text.startsWith("{") || text.startsWith("\"")) {
			try {
				JsonNode json = this.mapper.readTree(text);
				if (json.isString()) {
					message = json.stringValue();
				}
				else {
					code = errorCode(json);
					message = firstText(json, "message", "errormessage", "error");
				}
			}
			catch (JacksonException ex) {
				// not JSON after all: treated as text below
			}
		}
		if (message == null && code == null && !text.isEmpty() && !text.startsWith("<")
				&& text.length() <= MAX_PLAIN_MESSAGE) {
			message = text;
		}
		Duration wait = parseRetryAfter(retryAfter);
		return switch (status) {
			case 401, 403 -> new PipelinerAuthenticationException(status, code, message, method, uri);
			case 404 -> new PipelinerNotFoundException(status, code, message, method, uri);
			case 429 -> new PipelinerRateLimitException(code, message, method, uri, wait);
			default -> {
				if (status >= 500) {
					yield new PipelinerServerException(status, code, message, method, uri, wait);
				}
				if (status >= 400) {
					yield new PipelinerValidationException(status, code, message, method, uri);
				}
				yield new PipelinerApiException(status, code, message, method, uri, wait);
			}
		};
	}

	private static Integer errorCode(JsonNode json) {
		for (String name : new String[] { "errorcode", "errorCode", "code" }) {
			JsonNode value = json.get(name);
			if (value != null && value.isIntegralNumber()) {
				return value.intValue();
			}
			if (value != null && value.isString()) {
				try {
					return Integer.valueOf(value.stringValue().trim());
				}
				catch (NumberFormatException ex) {
					// not a number: ignored
				}
			}
		}
		return null;
	}

	private static String firstText(JsonNode json, String... names) {
		for (String name : names) {
			JsonNode value = json.get(name);
			if (value != null && value.isValueNode() && !value.isNull()) {
				return value.asString();
			}
		}
		return null;
	}

	/**
	 * @return the wait a {@code Retry-After} header asks for (seconds or an HTTP date), or
	 * {@code null} when absent or malformed
	 */
	static Duration parseRetryAfter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

}
