package dev.pipeliner.autoconfigure;

import java.util.List;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link PipelinerConnectionDetails} read from an account in properties: {@code pipeliner.*}
 * for the default client, {@code pipeliner.clients.<name>.*} for a named one. Checks the account
 * on creation ({@link PipelinerAccountCheck}) and keeps what it found, so that
 * {@link PipelinerConnections} can report the problems of every client at once; read before they
 * are fixed, it throws them.
 */
final class PropertiesPipelinerConnectionDetails implements PipelinerConnectionDetails {

	private final String prefix;

	private final PipelinerAccount account;

	private final List<Problem> problems;

	/**
	 * @param prefix where the account's settings live, such as {@code pipeliner} or
	 * {@code pipeliner.clients.emea}
	 * @param account its URL, team pipeline and credentials
	 */
	PropertiesPipelinerConnectionDetails(String prefix, PipelinerAccount account) {
		this.prefix = prefix;
		this.account = account;
		this.problems = PipelinerAccountCheck.check(prefix, account);
	}

	/** @return what is wrong with the account; empty if nothing is */
	List<Problem> getProblems() {
		return this.problems;
	}

	/** @return where the settings live, such as {@code pipeliner}, to name them in failures */
	String getPrefix() {
		return this.prefix;
	}

	@Override
	public String getUrl() {
		return required(checked().getUrl(), "url");
	}

	@Override
	public @Nullable String getTeamPipeline() {
		return checked().getTeamPipeline();
	}

	@Override
	public PipelinerProtocol getProtocol() {
		return checked().getProtocol();
	}

	@Override
	public @Nullable String getSpace() {
		return checked().getSpace();
	}

	@Override
	public Credentials getCredentials() {
		PipelinerAccount account = checked();
		return new Credentials(required(account.getApiToken(), "api-token"),
				required(account.getApiPassword(), "api-password"));
	}

	/** @return the account, if the check on creation found nothing wrong */
	private PipelinerAccount checked() {
		if (!this.problems.isEmpty()) {
			throw new PipelinerConfigurationException(
					"The Pipeliner client of " + this.prefix + ".* could not be configured", this.problems);
		}
		return this.account;
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
