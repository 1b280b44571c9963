package dev.pipeliner.autoconfigure;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks Pipeliner's credentials in the actuator's {@code /env} and {@code /configprops}, even where
 * an application has them show values: the API token and password of the default client and of
 * each {@code pipeliner.clients.<name>}, and the proxy password. Every other key is left to Spring
 * Boot's own rules.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class PipelinerActuatorAutoConfiguration {

	/**
	 * {@code pipeliner.api-token}, {@code pipeliner.clients.us.api-password},
	 * {@code pipeliner.clients[us].apiToken} (as {@code /configprops} names it),
	 * {@code PIPELINER_API_TOKEN}, {@code PIPELINER_APITOKEN},
	 * {@code PIPELINER_CLIENTS_US_API_PASSWORD}, {@code pipeliner.proxy.password} and the like.
	 */
	static final Pattern CREDENTIAL = Pattern.compile(
			"(?i)pipeliner[._](?:clients(?:[._].+?[._]|\\[[^\\]]+][._]?))?(?:api[-_]?token|api[-_]?password|proxy[._]password)");

	@Bean
	SanitizingFunction pipelinerCredentialsSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches((key) -> CREDENTIAL.matcher(key).matches());
	}

}
