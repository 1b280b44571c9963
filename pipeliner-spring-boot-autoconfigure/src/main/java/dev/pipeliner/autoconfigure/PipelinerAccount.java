package dev.pipeliner.autoconfigure;

/**
 * Where a client connects and as whom: the settings that differ between the accounts of
 * {@code pipeliner.*} and {@code pipeliner.clients.<name>.*}.
 */
public class PipelinerAccount {

	/**
	 * Service URL of the Pipeliner data center, such as https://eu.pipelinersales.com. Setting it
	 * turns the client on; without it no PipelinerClient bean is created.
	 */
	private String url;

	/**
	 * Team pipeline id, such as eu_myPipeline: the one all calls go to unless a client is derived
	 * with withTeamPipeline.
	 */
	private String teamPipeline;

	/**
	 * API token from the customer portal's API Access page (the Basic auth user name).
	 */
	private String apiToken;

	/**
	 * API password from the customer portal's API Access page (the Basic auth password).
	 */
	private String apiPassword;

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getTeamPipeline() {
		return this.teamPipeline;
	}

	public void setTeamPipeline(String teamPipeline) {
		this.teamPipeline = teamPipeline;
	}

	public String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(String apiToken) {
		this.apiToken = apiToken;
	}

	public String getApiPassword() {
		return this.apiPassword;
	}

	public void setApiPassword(String apiPassword) {
		this.apiPassword = apiPassword;
	}

	/** @return the account with the credentials masked */
	@Override
	public String toString() {
		return "url=" + this.url + ", teamPipeline=" + this.teamPipeline + ", apiToken=" + mask(this.apiToken)
				+ ", apiPassword=" + mask(this.apiPassword);
	}

	static String mask(String secret) {
		return (secret == null || secret.isEmpty()) ? "<unset>" : "******";
	}

}
