package dev.pipeliner.client;

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
	V1,

	/**
	 * The Cloud API v100 that current accounts are served by
	 * ({@code {url}/api/v100/rest/spaces/{space}}), with the username and password of an API
	 * application. Recommended for current accounts.
	 */
	V100

}
