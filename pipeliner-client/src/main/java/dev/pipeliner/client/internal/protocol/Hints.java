package dev.pipeliner.client.internal.protocol;

/**
 * What a protocol tells a caller whose client is pointed at a host that does not serve it: a
 * v100 client at a v1 host, say, hears a 404 for the API's own paths. Not part of the public API.
 */
public final class Hints {

	private Hints() {
	}

	/**
	 * @param protocol the protocol's name, {@code v1} or {@code v100}
	 * @param serviceUrl the configured URL
	 * @param account what the account setting is called and holds, such as
	 * {@code the space fr_Myself (pipeliner.space, space(...))}
	 * @return that the protocol or the URL is probably wrong, naming both settings
	 */
	public static String wrongProtocol(String protocol, String serviceUrl, String account) {
		return "No " + protocol + " API answers at " + serviceUrl + ": the protocol or the URL is probably wrong."
				+ " The client speaks " + protocol + " (pipeliner.protocol, protocol(...)) to " + serviceUrl
				+ " (pipeliner.url, url(...)) for " + account + "; v100 service URLs look like"
				+ " https://eu-central.api.pipelinersales.com, v1 URLs like https://eu.pipelinersales.com";
	}

}
