package dev.pipeliner.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP requests to an emulator, without the Pipeliner client, so that tests see exactly
 * what goes over the wire.
 */
final class RawHttp {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	record Response(int status, java.net.http.HttpHeaders headers, String body) {

		JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		int errorCode() {
			return json().get("errorcode").intValue();
		}

		String message() {
			return json().get("message").asString();
		}

	}

	private final String base;

	private final String authorization;

	RawHttp(PipelinerEmulator emulator) {
		this(emulator.getBaseUrl(emulator.getTeamPipeline()).toString(), emulator.getApiToken(), emulator.getApiPassword());
	}

	RawHttp(String base, String token, String password) {
		this.base = base;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((token + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path) {
		return send("GET", path, null);
	}

	Response post(String path, String body) {
		return send("POST", path, body);
	}

	Response put(String path, String body) {
		return send("PUT", path, body);
	}

	Response patch(String path, String body) {
		return send("PATCH", path, body);
	}

	Response delete(String path) {
		return send("DELETE", path, null);
	}

	/** The path may hold '|', '[', ']' and spaces; they are encoded here. */
	Response send(String method, String path, String body) {
		String encoded = path.replace("|", "%7C").replace(" ", "%20").replace("[", "%5B").replace("]", "%5D");
		return send(HttpRequest.newBuilder(URI.create(this.base + encoded)).header("Authorization", this.authorization),
				method, body);
	}

	static Response send(HttpRequest.Builder request, String method, String body) {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = HTTP.send(request.method(method, publisher).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
