package dev.pipeliner.autoconfigure;

import java.util.regex.Pattern;

import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Where a client connects and as whom: the settings that differ between the accounts of
 * {@code pipeliner.*} and {@code pipeliner.clients.<name>.*}.
 */
public class PipelinerAccount {

	private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

	/**
	 * Service URL of the Pipeliner data center, such as https://eu.pipelinersales.com. Setting it
	 * turns the client on; without it no PipelinerClient bean is created.
	 */
	private @Nullable String url;

	/**
	 * Version of the Pipeliner API to speak: v1, the REST API of the vendor's SDKs, or v100, the
	 * Cloud API that current accounts are served by.
	 */
	private PipelinerProtocol protocol = PipelinerProtocol.V1;

	/**
	 * Team pipeline id, such as eu_myPipeline, for the v1 API: the one all calls go to unless a
	 * client is derived with withTeamPipeline.
	 */
	private @Nullable String teamPipeline;

	/**
	 * Space id, such as fr_Myself, for the v100 API; it comes with the API application.
	 */
	private @Nullable String space;

	/**
	 * API token from the customer portal's API Access page (v1), or the API application's
	 * username (v100): the Basic auth user name.
	 */
	private @Nullable String apiToken;

	/**
	 * API password from the customer portal's API Access page (v1), or the API application's
	 * password (v100): the Basic auth password.
	 */
	private @Nullable String apiPassword;

	public PipelinerProtocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(PipelinerProtocol protocol) {
		this.protocol = protocol;
	}

	public @Nullable String getSpace() {
		return this.space;
	}

	public void setSpace(@Nullable String space) {
		this.space = space;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getTeamPipeline() {
		return this.teamPipeline;
	}

	public void setTeamPipeline(@Nullable String teamPipeline) {
		this.teamPipeline = teamPipeline;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	public @Nullable String getApiPassword() {
		return this.apiPassword;
	}

	public void setApiPassword(@Nullable String apiPassword) {
		this.apiPassword = apiPassword;
	}

	/** @return the account with the credentials masked */
	@Override
	public String toString() {
		return "protocol=" + this.protocol + ", url=" + withoutUserInfo(this.url) + ", "
				+ ((this.protocol == PipelinerProtocol.V100) ? "space=" + this.space : "teamPipeline=" + this.teamPipeline)
				+ ", apiToken=" + mask(this.apiToken)
				+ ", apiPassword=" + mask(this.apiPassword);
	}

	/**
	 * @return the text of a URL, valid or not, with whatever stands between {@code ://} and the
	 * last {@code @} of the authority replaced, so that a failure report or log shows no user name
	 * or password
	 */
	static @Nullable String withoutUserInfo(@Nullable String url) {
		return (url != null) ? USER_INFO.matcher(url).replaceFirst("$1…@") : null;
	}

	static String mask(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "<unset>" : "******";
	}

}
