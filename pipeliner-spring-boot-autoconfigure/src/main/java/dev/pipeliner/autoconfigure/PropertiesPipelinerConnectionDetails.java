package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerProtocol;

/**
 * A {@link PipelinerConnectionDetails} read from an account in properties: {@code pipeliner.*}
 * for the default client, {@code pipeliner.clients.<name>.*} for a named one. Checks on creation
 * that the account is complete and holds no unresolved placeholder.
 */
final class PropertiesPipelinerConnectionDetails implements PipelinerConnectionDetails {

	private final String prefix;

	private final PipelinerAccount account;

	/**
	 * @param prefix where the account's settings live, such as {@code pipeliner} or
	 * {@code pipeliner.clients.emea}
	 * @param account its URL, team pipeline and credentials
	 */
	PropertiesPipelinerConnectionDetails(String prefix, PipelinerAccount account) {
		PipelinerAccountCheck.check(prefix, account);
		this.prefix = prefix;
		this.account = account;
	}

	/** @return where the settings live, such as {@code pipeliner}, to name them in failures */
	String getPrefix() {
		return this.prefix;
	}

	@Override
	public String getUrl() {
		return this.account.getUrl();
	}

	@Override
	public String getTeamPipeline() {
		return this.account.getTeamPipeline();
	}

	@Override
	public PipelinerProtocol getProtocol() {
		return this.account.getProtocol();
	}

	@Override
	public String getSpace() {
		return this.account.getSpace();
	}

	@Override
	public Credentials getCredentials() {
		return new Credentials(this.account.getApiToken(), this.account.getApiPassword());
	}

	@Override
	public String toString() {
		return "PropertiesPipelinerConnectionDetails[" + this.prefix + ": " + this.account + "]";
	}

}
