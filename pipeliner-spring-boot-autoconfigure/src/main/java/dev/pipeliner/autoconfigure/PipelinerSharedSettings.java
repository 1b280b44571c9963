package dev.pipeliner.autoconfigure;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.pipeliner.client.InvalidSettingException;
import dev.pipeliner.client.PipelinerClientBuilder;
import dev.pipeliner.client.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The settings of {@code pipeliner.*} that every client shares, each named once: its property,
 * how to read it, and the client builder's method and setting name. Applies them to a builder,
 * and names the property of a setting the builder rejected. The credentials are not among them,
 * so no secret reaches a failure message.
 */
final class PipelinerSharedSettings {

	private static final List<Setting<?>> SETTINGS = List.of(
			new Setting<>("allowInsecureHttp", "pipeliner.allow-insecure-http", PipelinerProperties::isAllowInsecureHttp,
					PipelinerClientBuilder::allowInsecureHttp),
			new Setting<>("discoverDataCenter", "pipeliner.discover-data-center",
					PipelinerProperties::isDiscoverDataCenter, PipelinerClientBuilder::discoverDataCenter),
			// on the connector, by PipelinerClientFactory
			new Setting<>("connectTimeout", "pipeliner.connect-timeout", PipelinerProperties::getConnectTimeout, null),
			new Setting<>("readTimeout", "pipeliner.read-timeout", PipelinerProperties::getReadTimeout,
					PipelinerClientBuilder::readTimeout),
			new Setting<>("callTimeout", "pipeliner.call-timeout", PipelinerProperties::getCallTimeout,
					PipelinerClientBuilder::callTimeout),
			new Setting<>("maxResponseSize", "pipeliner.max-response-size", PipelinerProperties::getMaxResponseSize,
					PipelinerClientBuilder::maxResponseSize),
			new Setting<>("pageSize", "pipeliner.page-size", PipelinerProperties::getPageSize,
					PipelinerClientBuilder::pageSize),
			new Setting<>("prefetchPages", "pipeliner.prefetch-pages", PipelinerProperties::getPrefetchPages,
					PipelinerClientBuilder::prefetchPages),
			new Setting<>("maxPagesInFlight", "pipeliner.max-pages-in-flight", PipelinerProperties::getMaxPagesInFlight,
					PipelinerClientBuilder::maxPagesInFlight),
			new Setting<>("slicedReads", "pipeliner.sliced-reads", PipelinerProperties::isSlicedReads,
					PipelinerClientBuilder::slicedReads),
			new Setting<>("batchSize", "pipeliner.batch.size", (properties) -> properties.getBatch().getSize(),
					PipelinerClientBuilder::batchSize),
			new Setting<>("batchConcurrency", "pipeliner.batch.concurrency",
					(properties) -> properties.getBatch().getConcurrency(), PipelinerClientBuilder::batchConcurrency),
			// the retry settings reach the builder together, as one RetryPolicy
			new Setting<>("maxAttempts", "pipeliner.retry.max-attempts",
					(properties) -> properties.getRetry().getMaxAttempts(), null),
			new Setting<>("initialBackoff", "pipeliner.retry.initial-backoff",
					(properties) -> properties.getRetry().getInitialBackoff(), null),
			new Setting<>("maxBackoff", "pipeliner.retry.max-backoff",
					(properties) -> properties.getRetry().getMaxBackoff(), null),
			new Setting<>("jitter", "pipeliner.retry.jitter", (properties) -> properties.getRetry().getJitter(), null),
			new Setting<>("maxRetryAfter", "pipeliner.retry.max-retry-after",
					(properties) -> properties.getRetry().getMaxRetryAfter(), null));

	private PipelinerSharedSettings() {
	}

	static void applyTo(PipelinerClientBuilder builder, PipelinerProperties properties) {
		SETTINGS.forEach((setting) -> setting.applyTo(builder, properties));
		PipelinerProperties.Retry retry = properties.getRetry();
		builder.retry(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getJitter(), retry.getMaxRetryAfter()));
	}

	/**
	 * @param ex what the client builder threw, naming the setting
	 * @return the failure under the property's name, or {@code null} if no shared setting is meant
	 */
	static @Nullable RuntimeException invalid(InvalidSettingException ex, PipelinerProperties properties) {
		for (Setting<?> setting : SETTINGS) {
			if (setting.argument().equals(ex.getSetting())) {
				return new InvalidConfigurationPropertyValueException(setting.property(),
						setting.value().apply(properties), String.valueOf(ex.getMessage()));
			}
		}
		return null;
	}

	/**
	 * @param argument the builder's name for it, as {@link InvalidSettingException#getSetting()} gives it
	 * @param property the property
	 * @param value how to read it
	 * @param builder how to hand it to the client builder; {@code null} if it goes elsewhere
	 */
	private record Setting<T>(String argument, String property, Function<PipelinerProperties, T> value,
			@Nullable BiConsumer<PipelinerClientBuilder, T> builder) {

		void applyTo(PipelinerClientBuilder target, PipelinerProperties properties) {
			if (this.builder != null) {
				this.builder.accept(target, this.value.apply(properties));
			}
		}

	}

}
