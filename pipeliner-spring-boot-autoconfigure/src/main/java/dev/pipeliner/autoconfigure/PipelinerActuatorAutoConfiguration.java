package dev.pipeliner.autoconfigure;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the Pipeliner API token and password, and the proxy password, in the actuator's
 * {@code /env} and {@code /configprops}, even where an application has them show values.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class PipelinerActuatorAutoConfiguration {

	/**
	 * {@code pipeliner.api-token}, {@code apiPassword}, {@code PIPELINER_API_TOKEN},
	 * {@code pipeliner.proxy.password} and the like.
	 */
	private static final Pattern CREDENTIAL = Pattern.compile("(?i)(^|.*[._])(api[-_]?token|api[-_]?password|password)$");

	@Bean
	SanitizingFunction pipelinerCredentialsSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(CREDENTIAL);
	}

}
