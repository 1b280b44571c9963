package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How the default {@code PipelinerClient} reaches Pipeliner: where, with which API version, which
 * team pipeline (v1) or space (v100), and as whom. The auto-configuration reads nothing else to connect.
 * <p>
 * By default it comes from {@code pipeliner.url}, {@code pipeliner.protocol},
 * {@code pipeliner.space} or {@code pipeliner.team-pipeline}, {@code pipeliner.api-token} and
 * {@code pipeliner.api-password}. A bean of this type replaces those properties, whatever they
 * say: this is how the emulator's test and development-time
 * support connect an application to it. The clients under {@code pipeliner.clients.<name>} have
 * their {@link PipelinerClientsConnectionDetails}.
 */
public interface PipelinerConnectionDetails extends ConnectionDetails {

	/**
	 * @return the service URL of the Pipeliner data center, such as
	 * {@code https://eu-central.api.pipelinersales.com} (v100) or
	 * {@code https://eu.pipelinersales.com} (v1)
	 */
	String getUrl();

	/**
	 * @return the v1 team pipeline id that calls go to, such as {@code eu_myPipeline}; none on
	 * v100, where a space takes its place, and none unless said otherwise
	 */
	default @Nullable String getTeamPipeline() {
		return null;
	}

	/** @return the API version to speak; v1 unless said otherwise */
	default PipelinerProtocol getProtocol() {
		return PipelinerProtocol.V1;
	}

	/** @return the v100 space id that calls go to, such as {@code fr_Myself}; none on v1 */
	default @Nullable String getSpace() {
		return null;
	}

	/** @return the API token and password that authenticate every call */
	Credentials getCredentials();

	/**
	 * The Basic auth credentials: on v1 the API token and password from the customer portal's API
	 * Access page, on v100 the API application's username and password. Its {@code toString()}
	 * masks both.
	 *
	 * @param apiToken the API token (v1) or the username (v100): the Basic auth user name
	 * @param apiPassword the API password (v1) or the password (v100): the Basic auth password
	 */
	record Credentials(String apiToken, String apiPassword) {

		@Override
		public String toString() {
			return "Credentials[apiToken=******, apiPassword=******]";
		}

	}

}
