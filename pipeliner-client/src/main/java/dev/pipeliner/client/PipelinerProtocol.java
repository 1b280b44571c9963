package dev.pipeliner.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The version of the Pipeliner API a client speaks. The public API of the client is the same for
 * both; what one version lacks fails with a
 * {@link dev.pipeliner.client.error.PipelinerUnsupportedOperationException} or, for a query or
 * flag it cannot express, an {@link IllegalArgumentException}, before anything is sent.
 */
public enum PipelinerProtocol {

	/**
	 * The REST API v1 of the vendor's SDKs ({@code {url}/rest_services/v1/{teamPipeline}}), with
	 * an API token and password. The vendor has deprecated it.
	 */
	V1("https://eu.pipelinersales.com", "https://us.pipelinersales.com"),

	/**
	 * The Cloud API v100 that current accounts are served by
	 * ({@code {url}/api/v100/rest/spaces/{space}}), with the username and password of an API
	 * application. Recommended for current accounts.
	 */
	V100("https://us-east.api.pipelinersales.com", "https://eu-central.api.pipelinersales.com",
			"https://ca-central.api.pipelinersales.com", "https://ap-southeast.api.pipelinersales.com");

	private final List<String> dataCenters;

	PipelinerProtocol(String... dataCenters) {
		this.dataCenters = List.of(dataCenters);
	}

	/**
	 * @return the service URLs of the vendor's data centers that serve this version, such as
	 * {@code https://eu.pipelinersales.com} for v1 and
	 * {@code https://eu-central.api.pipelinersales.com} for v100
	 */
	public List<String> getDataCenters() {
		return this.dataCenters;
	}

	/**
	 * @param url a service URL, such as {@code https://eu.pipelinersales.com}
	 * @return the version that the vendor's data center at that URL's host serves, or empty for
	 * any other host (a proxy, an emulator) and for text that is not a URL
	 */
	public static Optional<PipelinerProtocol> servedAt(String url) {
		String host;
		try {
			host = URI.create(url.trim()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (host == null) {
			return Optional.empty();
		}
		String normalized = host.toLowerCase(Locale.ROOT);
		for (PipelinerProtocol protocol : values()) {
			for (String dataCenter : protocol.dataCenters) {
				if (URI.create(dataCenter).getHost().equals(normalized)) {
					return Optional.of(protocol);
				}
			}
		}
		return Optional.empty();
	}

}
