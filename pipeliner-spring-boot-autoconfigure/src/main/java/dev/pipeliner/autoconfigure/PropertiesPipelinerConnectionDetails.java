package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

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
		return required(this.account.getUrl(), "url");
	}

	@Override
	public @Nullable String getTeamPipeline() {
		return this.account.getTeamPipeline();
	}

	@Override
	public PipelinerProtocol getProtocol() {
		return this.account.getProtocol();
	}

	@Override
	public @Nullable String getSpace() {
		return this.account.getSpace();
	}

	@Override
	public Credentials getCredentials() {
		return new Credentials(required(this.account.getApiToken(), "api-token"),
				required(this.account.getApiPassword(), "api-password"));
	}

	/** @return a value the check on creation found set */
	private String required(@Nullable String value, String property) {
		Assert.state(value != null, () -> this.prefix + "." + property + " was set when the client was configured,"
				+ " but is no longer");
		return value;
	}

	@Override
	public String toString() {
		return "PropertiesPipelinerConnectionDetails[" + this.prefix + ": " + this.account + "]";
	}

}
