package dev.pipeliner.client.internal.http;

import java.time.Duration;

import dev.pipeliner.client.HttpLogOptions;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Assembles the {@link WebClient} a client sends with, from what the builder was given. A
 * connector the client creates itself never follows redirects. Not part of the public API.
 */
public final class WebClients {

	private WebClients() {
	}

	/**
	 * @param given a {@link WebClient} to use as it is, or {@code null}
	 * @param builder a builder to clone, or {@code null}
	 * @param connectTimeout a connect timeout that asks for a connector of the client's own, or
	 * {@code null}
	 * @param defaultConnectTimeout the connect timeout of a connector the client creates without
	 * being asked to
	 * @param logging what to log of the traffic
	 * @return the client to send with
	 */
	public static WebClient build(@Nullable WebClient given, WebClient.@Nullable Builder builder,
			@Nullable Duration connectTimeout,
			Duration defaultConnectTimeout, HttpLogOptions logging) {
		if (logging.level() == HttpLogOptions.Level.BODY) {
			HttpLogging.LOG.warn("Pipeliner HTTP logging shows request and response bodies, which hold CRM data,"
					+ " personal data included; use it to debug, not in production");
		}
		if (given != null) {
			if (connectTimeout != null) {
				throw new IllegalArgumentException("connectTimeout cannot be applied to a given WebClient; set it on"
						+ " the WebClient's connector, or pass a WebClient.Builder instead");
			}
			return (logging.level() == HttpLogOptions.Level.NONE) ? given
					: given.mutate().filter(new HttpLogging(logging)).build();
		}
		WebClient.Builder cloned = (builder != null) ? builder.clone() : WebClient.builder();
		if (connectTimeout != null || builder == null) {
			Duration timeout = (connectTimeout != null) ? connectTimeout : defaultConnectTimeout;
			HttpClient httpClient = HttpClient.create()
				.followRedirect(false)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			cloned.clientConnector(new ReactorClientHttpConnector(httpClient));
		}
		if (logging.level() != HttpLogOptions.Level.NONE) {
			cloned.filter(new HttpLogging(logging));
		}
		return cloned.build();
	}

}
