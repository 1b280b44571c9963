package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.RetryPolicy;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import reactor.netty.transport.ProxyProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
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
 * {@link HttpClientSettings} ({@code spring.http.clients.*}), with {@code pipeliner.connect-timeout},
 * {@code pipeliner.read-timeout}, the SSL bundle {@code pipeliner.ssl.bundle} and the proxy
 * {@code pipeliner.proxy.*};</li>
 * <li>the other {@code pipeliner.*} properties, the {@link ObservationRegistry} and a
 * {@link PipelinerObservationConvention} bean, if any;</li>
 * <li>{@link PipelinerClientCustomizer} beans, in order.</li>
 * </ol>
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass({ PipelinerClient.class, WebClient.class })
@ConditionalOnProperty(prefix = "pipeliner", name = "url")
@EnableConfigurationProperties(PipelinerProperties.class)
public final class PipelinerAutoConfiguration {

	/**
	 * The settings the client builder may reject, by the argument name that begins its message:
	 * the property and how to read its value. The credentials are not among them, so no secret
	 * reaches a failure message.
	 */
	private static final Map<String, Setting> SETTINGS = Map.ofEntries(
			setting("url", "pipeliner.url", PipelinerProperties::getUrl),
			setting("teamPipeline", "pipeliner.team-pipeline", PipelinerProperties::getTeamPipeline),
			setting("connectTimeout", "pipeliner.connect-timeout", PipelinerProperties::getConnectTimeout),
			setting("readTimeout", "pipeliner.read-timeout", PipelinerProperties::getReadTimeout),
			setting("callTimeout", "pipeliner.call-timeout", PipelinerProperties::getCallTimeout),
			setting("pageSize", "pipeliner.page-size", PipelinerProperties::getPageSize),
			setting("prefetchPages", "pipeliner.prefetch-pages", PipelinerProperties::getPrefetchPages),
			setting("batchSize", "pipeliner.batch.size", (properties) -> properties.getBatch().getSize()),
			setting("batchConcurrency", "pipeliner.batch.concurrency",
					(properties) -> properties.getBatch().getConcurrency()),
			setting("maxAttempts", "pipeliner.retry.max-attempts", (properties) -> properties.getRetry().getMaxAttempts()),
			setting("initialBackoff", "pipeliner.retry.initial-backoff",
					(properties) -> properties.getRetry().getInitialBackoff()),
			setting("maxBackoff", "pipeliner.retry.max-backoff", (properties) -> properties.getRetry().getMaxBackoff()),
			setting("jitter", "pipeliner.retry.jitter", (properties) -> properties.getRetry().getJitter()),
			setting("maxRetryAfter", "pipeliner.retry.max-retry-after",
					(properties) -> properties.getRetry().getMaxRetryAfter()));

	private record Setting(String property, Function<PipelinerProperties, Object> value) {
	}

	private static Map.Entry<String, Setting> setting(String argument, String property,
			Function<PipelinerProperties, Object> value) {
		return Map.entry(argument, new Setting(property, value));
	}

	@Bean
	@ConditionalOnMissingBean
	PipelinerClient pipelinerClient(PipelinerProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PipelinerObservationConvention> observationConvention,
			ObjectProvider<PipelinerClientCustomizer> customizers) {
		requireSettings(properties);
		WebClient.Builder webClient = webClientBuilder.getIfAvailable(WebClient::builder);
		ClientHttpConnectorBuilder<?> connectors = withProxy(
				connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect), properties.getProxy());
		HttpClientSettings settings = withSslBundle(httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout()), properties.getSsl(), sslBundles);
		try {
			webClient.clientConnector(connectors.build(settings));
			PipelinerClient.Builder builder = PipelinerClient.builder()
				.webClientBuilder(webClient)
				.url(properties.getUrl())
				.allowInsecureHttp(properties.isAllowInsecureHttp())
				.discoverDataCenter(properties.isDiscoverDataCenter())
				.teamPipeline(properties.getTeamPipeline())
				.credentials(properties.getApiToken(), properties.getApiPassword())
				.readTimeout(properties.getReadTimeout())
				.callTimeout(properties.getCallTimeout())
				.retry(retryPolicy(properties.getRetry()))
				.pageSize(properties.getPageSize())
				.prefetchPages(properties.getPrefetchPages())
				.batchSize(properties.getBatch().getSize())
				.batchConcurrency(properties.getBatch().getConcurrency())
				.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.observationConvention(observationConvention.getIfAvailable());
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
	 * The same client for code that runs a thread per request, such as Spring MVC controllers.
	 */
	@Bean
	@ConditionalOnMissingBean
	BlockingPipelinerClient blockingPipelinerClient(PipelinerClient client) {
		return new BlockingPipelinerClient(client);
	}

	private static HttpClientSettings withSslBundle(HttpClientSettings settings, PipelinerProperties.Ssl ssl,
			ObjectProvider<SslBundles> sslBundles) {
		String name = ssl.getBundle();
		if (!StringUtils.hasText(name)) {
			return settings;
		}
		SslBundles bundles = sslBundles.getIfAvailable();
		try {
			if (bundles == null) {
				throw new NoSuchSslBundleException(name, "no SSL bundles are configured");
			}
			return settings.withSslBundle(bundles.getBundle(name));
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("pipeliner.ssl.bundle", name,
					"There is no SSL bundle named '" + name + "'; define it under spring.ssl.bundle.jks." + name
							+ " or spring.ssl.bundle.pem." + name);
		}
	}

	/** Sends every request through the configured proxy; a half-set proxy fails instead of being ignored. */
	private static ClientHttpConnectorBuilder<?> withProxy(ClientHttpConnectorBuilder<?> connectors,
			PipelinerProperties.Proxy proxy) {
		if (!StringUtils.hasText(proxy.getHost())) {
			if (proxy.getPort() != null || StringUtils.hasText(proxy.getUsername()) || StringUtils.hasText(proxy.getPassword())
					|| StringUtils.hasText(proxy.getNonProxyHosts())) {
				throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.host", null,
						"pipeliner.proxy.* is set, but not the proxy's host");
			}
			return connectors;
		}
		if (proxy.getPort() == null || proxy.getPort() < 1 || proxy.getPort() > 65535) {
			throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.port", proxy.getPort(),
					"A proxy needs a port from 1 to 65535 beside pipeliner.proxy.host");
		}
		if (!(connectors instanceof ReactorClientHttpConnectorBuilder reactor)) {
			throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.host", proxy.getHost(),
					"A proxy needs the Reactor Netty connector (spring.http.clients.reactive.connector=reactor), but the"
							+ " application uses " + connectors.getClass().getSimpleName());
		}
		return reactor.withHttpClientCustomizer((client) -> client.proxy((spec) -> {
			ProxyProvider.Builder address = spec.type(ProxyProvider.Proxy.HTTP).host(proxy.getHost()).port(proxy.getPort());
			if (StringUtils.hasText(proxy.getUsername())) {
				address.username(proxy.getUsername()).password((user) -> proxy.getPassword());
			}
			if (StringUtils.hasText(proxy.getNonProxyHosts())) {
				address.nonProxyHosts(proxy.getNonProxyHosts());
			}
		}));
	}

	private static RetryPolicy retryPolicy(PipelinerProperties.Retry retry) {
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getJitter(),
				retry.getMaxRetryAfter());
	}

	/** Reports a setting the client builder rejected under its property name, when it comes from one. */
	private static RuntimeException invalidProperty(IllegalArgumentException ex, PipelinerProperties properties) {
		String message = String.valueOf(ex.getMessage());
		Setting setting = SETTINGS.get(message.split(" ", 2)[0]);
		if (setting == null) {
			return ex;
		}
		return new InvalidConfigurationPropertyValueException(setting.property(), setting.value().apply(properties),
				message);
	}

}
