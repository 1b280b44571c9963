package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.PipelinerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of a {@link PipelinerClient} from {@code pipeliner.*} properties.
 * <p>
 * Backs off when {@code pipeliner.url} is not set (an application that injects the client is then
 * told so at startup), or when the application declares its own {@link PipelinerClient} bean. With
 * {@code pipeliner.url} set, missing credentials or team pipeline fail the startup with a failure
 * analysis that names them.
 * <p>
 * The client is put together in this order, each step able to change what the one before did:
 * <ol>
 * <li>a new {@link WebClient.Builder} from Spring Boot, so that the application's
 * {@code WebClientCustomizer}s, codecs and HTTP client observations apply;</li>
 * <li>a connector from Spring Boot's {@link ClientHttpConnectorBuilder} and
 * {@link HttpClientSettings} ({@code spring.http.clients.*}), with {@code pipeliner.connect-timeout}
 * and {@code pipeliner.read-timeout};</li>
 * <li>the other {@code pipeliner.*} properties;</li>
 * <li>{@link PipelinerClientCustomizer} beans, in order.</li>
 * </ol>
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass({ PipelinerClient.class, WebClient.class })
@ConditionalOnProperty(prefix = "pipeliner", name = "url")
@EnableConfigurationProperties(PipelinerProperties.class)
public final class PipelinerAutoConfiguration {

	/** Builder argument names, as they begin the builder's messages, to property names. */
	private static final Map<String, String> PROPERTY_NAMES = Map.of("url", "pipeliner.url", "teamPipeline",
			"pipeliner.team-pipeline", "connectTimeout", "pipeliner.connect-timeout", "readTimeout",
			"pipeliner.read-timeout", "pageSize", "pipeliner.page-size", "prefetchPages", "pipeliner.prefetch-pages",
			"batchSize", "pipeliner.batch.size", "batchConcurrency", "pipeliner.batch.concurrency");

	@Bean
	@ConditionalOnMissingBean
	PipelinerClient pipelinerClient(PipelinerProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<PipelinerClientCustomizer> customizers) {
		requireSettings(properties);
		WebClient.Builder webClient = webClientBuilder.getIfAvailable(WebClient::builder);
		ClientHttpConnectorBuilder<?> connectors = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout());
		try {
			webClient.clientConnector(connectors.build(settings));
			PipelinerClient.Builder builder = PipelinerClient.builder()
				.webClientBuilder(webClient)
				.url(properties.getUrl())
				.teamPipeline(properties.getTeamPipeline())
				.credentials(properties.getApiToken(), properties.getApiPassword())
				.readTimeout(properties.getReadTimeout())
				.pageSize(properties.getPageSize())
				.prefetchPages(properties.getPrefetchPages())
				.batchSize(properties.getBatch().getSize())
				.batchConcurrency(properties.getBatch().getConcurrency());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw invalidProperty(ex, properties);
		}
	}

	private static void requireSettings(PipelinerProperties properties) {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(properties.getTeamPipeline())) {
			missing.add("pipeliner.team-pipeline");
		}
		if (!StringUtils.hasText(properties.getApiToken())) {
			missing.add("pipeliner.api-token");
		}
		if (!StringUtils.hasText(properties.getApiPassword())) {
			missing.add("pipeliner.api-password");
		}
		if (!missing.isEmpty()) {
			throw new MissingPipelinerPropertiesException(missing);
		}
	}

	/**
	 * Reports a setting the client builder rejected under its property name, when it comes from
	 * one; the credentials are never among them, so no secret reaches the message.
	 */
	private static RuntimeException invalidProperty(IllegalArgumentException ex, PipelinerProperties properties) {
		String message = String.valueOf(ex.getMessage());
		String argument = message.split(" ", 2)[0];
		String property = PROPERTY_NAMES.get(argument);
		if (property == null) {
			return ex;
		}
		Object value = switch (argument) {
			case "url" -> properties.getUrl();
			case "teamPipeline" -> properties.getTeamPipeline();
			case "connectTimeout" -> properties.getConnectTimeout();
			case "readTimeout" -> properties.getReadTimeout();
			case "prefetchPages" -> properties.getPrefetchPages();
			case "batchSize" -> properties.getBatch().getSize();
			case "batchConcurrency" -> properties.getBatch().getConcurrency();
			default -> properties.getPageSize();
		};
		return new InvalidConfigurationPropertyValueException(property, value, message);
	}

}
