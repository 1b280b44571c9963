package dev.pipeliner.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pipeliner.client.PipelinerClient;
import dev.pipeliner.client.error.PipelinerTransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS through Spring SSL bundles, and HTTP proxies, written in properties.
 */
class PipelinerConnectionTests {

	private static final String VERSION = "/rest_services/v1/eu_Pipeline1/teamPipelineVersion";

	@TempDir
	static Path directory;

	static WireMockServer tls;

	static WireMockServer plain;

	static TunnelingProxy proxy;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				PipelinerAutoConfiguration.class))
		.withPropertyValues("pipeliner.team-pipeline=eu_Pipeline1", "pipeliner.api-token=token-123",
				"pipeliner.api-password=password-456", "pipeliner.retry.max-attempts=1");

	@BeforeAll
	static void servers() throws Exception {
		keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				"server.p12", "-storepass", "changeit", "-keypass", "changeit");
		keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", "changeit", "-file",
				"server.cer");
		keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-storetype", "PKCS12",
				"-keystore", "trust.p12", "-storepass", "changeit");
		tls = new WireMockServer(wireMockConfig().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(directory.resolve("server.p12").toString())
			.keystoreType("PKCS12")
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
		tls.start();
		tls.stubFor(get(urlEqualTo(VERSION)).willReturn(okJson("15")));
		plain = new WireMockServer(wireMockConfig().dynamicPort());
		plain.start();
		plain.stubFor(get(urlEqualTo(VERSION)).willReturn(okJson("14")));
		proxy = new TunnelingProxy(plain.port());
	}

	@AfterAll
	static void stopServers() throws Exception {
		tls.stop();
		plain.stop();
		proxy.close();
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

	@Test
	void anSslBundleSuppliesTheTrustForTls() {
		String url = "pipeliner.url=https://localhost:" + tls.httpsPort();

		this.contextRunner.withPropertyValues(url, "pipeliner.ssl.bundle=pipeliner",
				"spring.ssl.bundle.jks.pipeliner.truststore.location=file:" + directory.resolve("trust.p12"),
				"spring.ssl.bundle.jks.pipeliner.truststore.password=changeit",
				"spring.ssl.bundle.jks.pipeliner.truststore.type=PKCS12")
			.run((context) -> assertThat(context.getBean(PipelinerClient.class).getTeamPipelineVersion().block())
				.isEqualTo(15));
		this.contextRunner.withPropertyValues(url)
			.run((context) -> assertThatThrownBy(() -> context.getBean(PipelinerClient.class).getTeamPipelineVersion().block())
				.isInstanceOf(PipelinerTransportException.class));
	}

	@Test
	void anUnknownSslBundleFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.ssl.bundle=missing")
			.run((context) -> {
				InvalidConfigurationPropertyValueException cause = findCause(context.getStartupFailure());
				assertThat(cause.getName()).isEqualTo("pipeliner.ssl.bundle");
				assertThat(cause.getMessage()).contains("spring.ssl.bundle.jks.missing");
			});
	}

	@Test
	void requestsGoThroughAProxyWrittenInProperties() {
		this.contextRunner
			.withPropertyValues("pipeliner.url=http://pipeliner.invalid", "pipeliner.allow-insecure-http=true",
					"pipeliner.proxy.host=localhost", "pipeliner.proxy.port=" + proxy.port(),
					"pipeliner.proxy.username=proxy-user", "pipeliner.proxy.password=proxy-secret")
			.run((context) -> assertThat(context.getBean(PipelinerClient.class).getTeamPipelineVersion().block())
				.isEqualTo(14));
		assertThat(proxy.requests()).anySatisfy((request) -> assertThat(request).startsWith("CONNECT pipeliner.invalid:80")
			.containsIgnoringCase("Proxy-Authorization: Basic "
					+ java.util.Base64.getEncoder().encodeToString("proxy-user:proxy-secret".getBytes())));
		plain.verify(getRequestedFor(urlEqualTo(VERSION)));
	}

	@Test
	void aHalfSetProxyFailsNamingWhatIsMissing() {
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.proxy.host=proxy.corp")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).getName()).isEqualTo("pipeliner.proxy.port"));
		this.contextRunner.withPropertyValues("pipeliner.url=https://eu.pipelinersales.com", "pipeliner.proxy.port=3128")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).getName()).isEqualTo("pipeliner.proxy.host"));
	}

	private static InvalidConfigurationPropertyValueException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("no InvalidConfigurationPropertyValueException in " + failure);
	}

}
