package dev.pipeliner.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.client.BlockingPipelinerClient;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.observation.PipelinerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of a {@link PipelinerClient} from {@code pipeliner.*} properties, a
 * {@link PipelinerClients} registry with one more client for each {@code pipeliner.clients.<name>},
 * and a {@link BlockingPipelinerClient}.
 * <p>
 * Backs off when neither {@code pipeliner.url} is set nor a {@link PipelinerConnectionDetails} bean
 * exists (an application that injects the client is then told so at startup), or when the
 * application declares its own {@link PipelinerClient} bean. Before the first client is built,
 * {@link PipelinerConnections} checks every client's connection, and fails the startup with one
 * failure analysis that names every problem: missing properties, placeholders left unresolved, a
 * protocol that the URL's data center does not serve. With {@code pipeliner.verify-on-startup},
 * every client then makes one cheap authenticated call before the application starts.
 * <p>
 * Each client is put together in this order, each step able to change what the one before did:
 * <ol>
 * <li>a copy of Spring Boot's {@link WebClient.Builder}, so that the application's
 * {@code WebClientCustomizer}s, codecs and HTTP client observations apply, and a builder the
 * application shares stays as it is;</li>
 * <li>a connector from Spring Boot's {@link ClientHttpConnectorBuilder} and
 * {@link HttpClientSettings} ({@code spring.http.clients.*}), with {@code pipeliner.connect-timeout},
 * {@code pipeliner.read-timeout}, the SSL bundle {@code pipeliner.ssl.bundle} and the proxy
 * {@code pipeliner.proxy.*};</li>
 * <li>the {@link PipelinerConnectionDetails} (for named clients, the entry of the
 * {@link PipelinerClientsConnectionDetails}), the other
 * {@code pipeliner.*} properties, the {@link ObservationRegistry} and a
 * {@link PipelinerObservationConvention} bean, if any;</li>
 * <li>{@link PipelinerClientCustomizer} beans, in order.</li>
 * </ol>
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass({ PipelinerClient.class, WebClient.class })
@Conditional(PipelinerAutoConfiguration.OnConnection.class)
@EnableConfigurationProperties(PipelinerProperties.class)
public final class PipelinerAutoConfiguration {

	@Bean
	PipelinerClientFactory pipelinerClientFactory(PipelinerProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PipelinerObservationConvention> observationConvention,
			ObjectProvider<PipelinerClientCustomizer> customizers, ObjectProvider<JsonMapper> jsonMapper) {
		return new PipelinerClientFactory(properties, webClientBuilder, connectorBuilder, httpClientSettings, sslBundles,
				observationRegistry, observationConvention, customizers, jsonMapper);
	}

	/**
	 * The default client's connection from {@code pipeliner.url}, {@code protocol},
	 * {@code team-pipeline} or {@code space}, {@code api-token} and {@code api-password}, unless
	 * the application or a test support declares a {@link PipelinerConnectionDetails} of its own.
	 */
	@Bean
	@ConditionalOnMissingBean(PipelinerConnectionDetails.class)
	PropertiesPipelinerConnectionDetails pipelinerConnectionDetails(PipelinerProperties properties) {
		return new PropertiesPipelinerConnectionDetails("pipeliner", properties);
	}

	/**
	 * The named clients' connections from {@code pipeliner.clients.<name>.*}, unless the
	 * application or a test support declares a {@link PipelinerClientsConnectionDetails} of its
	 * own.
	 */
	@Bean
	@ConditionalOnMissingBean(PipelinerClientsConnectionDetails.class)
	PropertiesPipelinerClientsConnectionDetails pipelinerClientsConnectionDetails(PipelinerProperties properties) {
		return new PropertiesPipelinerClientsConnectionDetails(properties);
	}

	/** Every client's connection, checked all at once before the first client is built. */
	@Bean
	PipelinerConnections pipelinerConnections(PipelinerConnectionDetails connection,
			PipelinerClientsConnectionDetails clients, PipelinerProperties properties) {
		return new PipelinerConnections(connection, clients, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	PipelinerClient pipelinerClient(PipelinerClientFactory factory, PipelinerConnections connections) {
		return factory.create(connections.get(PipelinerClients.DEFAULT));
	}

	/**
	 * The default client under {@link PipelinerClients#DEFAULT}, and one client for each named
	 * connection of the {@link PipelinerClientsConnectionDetails}.
	 */
	@Bean
	@ConditionalOnMissingBean
	PipelinerClients pipelinerClients(PipelinerClient client, PipelinerClientFactory factory,
			PipelinerConnections connections) {
		Map<String, PipelinerClient> clients = new LinkedHashMap<>();
		clients.put(PipelinerClients.DEFAULT, client);
		connections.names()
			.stream()
			.filter((name) -> !name.equals(PipelinerClients.DEFAULT))
			.forEach((name) -> clients.put(name, factory.create(connections.get(name))));
		return new PipelinerClients(clients);
	}

	/** With {@code pipeliner.verify-on-startup}, one call with every client before the application starts. */
	@Bean
	PipelinerStartupVerification pipelinerStartupVerification(PipelinerProperties properties,
			ObjectProvider<PipelinerClients> clients, ObjectProvider<PipelinerConnections> connections) {
		return new PipelinerStartupVerification(properties, clients, connections);
	}

	/**
	 * The same client for code that runs a thread per request, such as Spring MVC controllers.
	 */
	@Bean
	@ConditionalOnMissingBean
	BlockingPipelinerClient blockingPipelinerClient(PipelinerClient client) {
		return new BlockingPipelinerClient(client);
	}

	/** {@code pipeliner.url} is set, or a {@link PipelinerConnectionDetails} bean exists. */
	static final class OnConnection extends AnyNestedCondition {

		OnConnection() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(prefix = "pipeliner", name = "url")
		static final class Url {

		}

		@ConditionalOnBean(PipelinerConnectionDetails.class)
		static final class Details {

		}

	}

}
