package dev.pipeliner.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import dev.pipeliner.client.HttpLogOptions;
import dev.pipeliner.client.InvalidSettingException;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import reactor.netty.transport.ProxyProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds Pipeliner clients, in the order {@link PipelinerAutoConfiguration} describes: each from a
 * {@link PipelinerConnectionDetails}, which alone says where and as whom it connects, and the
 * settings of {@code pipeliner.*} that all clients share. Every client gets a WebClient and
 * connector of its own. The connections and the proxy's settings come checked by
 * {@link PipelinerConnections}.
 */
final class PipelinerClientFactory {

	private final PipelinerProperties properties;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final ObjectProvider<HttpClientSettings> httpClientSettings;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<PipelinerObservationConvention> observationConvention;

	private final ObjectProvider<PipelinerClientCustomizer> customizers;

	private final ObjectProvider<JsonMapper> jsonMapper;

	PipelinerClientFactory(PipelinerProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PipelinerObservationConvention> observationConvention,
			ObjectProvider<PipelinerClientCustomizer> customizers, ObjectProvider<JsonMapper> jsonMapper) {
		this.properties = properties;
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.httpClientSettings = httpClientSettings;
		this.sslBundles = sslBundles;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.customizers = customizers;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * @param connection where the client connects and as whom; every other setting is shared
	 */
	PipelinerClient create(PipelinerConnectionDetails connection) {
		PipelinerProperties properties = this.properties;
		// A copy: the application may share its builder as a singleton bean, which must not change
		WebClient.Builder webClient = this.webClientBuilder.getIfAvailable(WebClient::builder).clone();
		ClientHttpConnectorBuilder<?> connectors = withProxy(
				this.connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect), properties.getProxy());
		// The API has no reason to redirect a client elsewhere, and following could carry the
		// credentials or CRM data to another host: no connector follows a redirect
		HttpClientSettings settings = withSslBundle(this.httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW), properties.getSsl(), this.sslBundles);
		try {
			webClient.clientConnector(connectors.build(settings));
			PipelinerClientBuilder builder = connect(PipelinerClient.builder().webClientBuilder(webClient), connection);
			PipelinerSharedSettings.applyTo(builder, properties);
			// the application's mapper maps entities onto its own types; the wire format is the client's
			this.jsonMapper.ifAvailable(builder::jsonMapper);
			builder.observationRegistry(this.observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.observationConvention(this.observationConvention.getIfAvailable())
				.httpLogging(httpLogOptions(properties.getLogging()));
			this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}
		catch (InvalidSettingException ex) {
			throw invalidSetting(ex, connection);
		}
	}

	/** Everything the client needs to know of where it connects, and as whom, in one place. */
	private static PipelinerClientBuilder connect(PipelinerClientBuilder builder,
			PipelinerConnectionDetails connection) {
		PipelinerConnectionDetails.Credentials credentials = connection.getCredentials();
		builder.protocol(connection.getProtocol()).url(connection.getUrl());
		if (connection.getProtocol() == PipelinerProtocol.V100) {
			builder.space(connection.getSpace());
		}
		else {
			builder.teamPipeline(connection.getTeamPipeline());
		}
		return builder.credentials(credentials.apiToken(), credentials.apiPassword());
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
		// PipelinerConnections has found no placeholder in them; read once, so that the checks below hold for the values the customizer uses
		String host = proxy.getHost();
		Integer port = proxy.getPort();
		String username = proxy.getUsername();
		String password = proxy.getPassword();
		String nonProxyHosts = proxy.getNonProxyHosts();
		if (!StringUtils.hasText(host)) {
			if (port != null || StringUtils.hasText(username) || StringUtils.hasText(password)
					|| StringUtils.hasText(nonProxyHosts)) {
				throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.host", null,
						"pipeliner.proxy.* is set, but not the proxy's host");
			}
			return connectors;
		}
		if (port == null || port < 1 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.port", port,
					"A proxy needs a port from 1 to 65535 beside pipeliner.proxy.host");
		}
		if (!(connectors instanceof ReactorClientHttpConnectorBuilder reactor)) {
			throw new InvalidConfigurationPropertyValueException("pipeliner.proxy.host", host,
					"A proxy needs the Reactor Netty connector (spring.http.clients.reactive.connector=reactor), but the"
							+ " application uses " + connectors.getClass().getSimpleName());
		}
		int portNumber = port;
		return reactor.withHttpClientCustomizer((client) -> client.proxy((spec) -> {
			ProxyProvider.Builder address = spec.type(ProxyProvider.Proxy.HTTP).host(host).port(portNumber);
			if (StringUtils.hasText(username)) {
				address.username(username).password((user) -> password);
			}
			if (StringUtils.hasText(nonProxyHosts)) {
				address.nonProxyHosts(nonProxyHosts);
			}
		}));
	}

	private static HttpLogOptions httpLogOptions(PipelinerProperties.Logging logging) {
		Set<String> allowed = new HashSet<>(HttpLogOptions.DEFAULT_ALLOWED_HEADERS);
		allowed.addAll(logging.getAllowedHeaders());
		return new HttpLogOptions(logging.getLevel(), allowed, new HashSet<>(logging.getAllowedQueryParams()));
	}

	/**
	 * Reports a setting the client builder rejected under its property name, when it comes from
	 * one. The credentials are never among them, so no secret reaches the message.
	 */
	private RuntimeException invalidSetting(InvalidSettingException ex, PipelinerConnectionDetails connection) {
		String message = String.valueOf(ex.getMessage());
		String setting = ex.getSetting();
		if (setting.equals("space") && connection instanceof PropertiesPipelinerConnectionDetails properties) {
			return new InvalidConfigurationPropertyValueException(properties.getPrefix() + ".space", connection.getSpace(),
					message);
		}
		if (setting.equals("url") || setting.equals("teamPipeline")) {
			if (!(connection instanceof PropertiesPipelinerConnectionDetails properties)) {
				return new IllegalStateException("The PipelinerConnectionDetails bean " + connection + " is invalid: "
						+ message, ex);
			}
			return setting.equals("url")
					? new InvalidConfigurationPropertyValueException(properties.getPrefix() + ".url",
							PipelinerAccount.withoutUserInfo(connection.getUrl()), message)
					: new InvalidConfigurationPropertyValueException(properties.getPrefix() + ".team-pipeline",
							connection.getTeamPipeline(), message);
		}
		RuntimeException shared = PipelinerSharedSettings.invalid(ex, this.properties);
		return (shared != null) ? shared : ex;
	}

}
