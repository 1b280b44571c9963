package dev.pipeliner.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/**
 * An application may declare its {@link WebClient.Builder} as a singleton bean; building the
 * Pipeliner clients must leave it as it was.
 */
class SharedWebClientBuilderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.team-pipeline=eu_Pipeline1",
				"pipeliner.api-token=token-123", "pipeliner.api-password=password-456",
				"pipeliner.clients.us.url=https://us.pipelinersales.com", "pipeliner.clients.us.team-pipeline=us_P",
				"pipeliner.clients.us.api-token=us-token", "pipeliner.clients.us.api-password=us-password");

	@Test
	void anApplicationsSingletonBuilderIsLeftUnchanged() {
		WebClient.Builder shared = spy(WebClient.builder());

		this.contextRunner.withBean(WebClient.Builder.class, () -> shared).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PipelinerClients.class).names()).containsExactly("default", "us");
			assertThat(context.getBean(WebClient.Builder.class)).isSameAs(shared);
		});

		verify(shared, never()).clientConnector(any(ClientHttpConnector.class));
		verify(shared, never()).baseUrl(any());
		verify(shared, never()).filter(any());
		verify(shared, never()).defaultHeader(any(), any(String[].class));
	}

}
