package dev.pipeliner.client.internal.http;

import java.net.URI;
import java.util.Set;

import dev.pipeliner.client.HttpLogOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLoggingTest {

	private final HttpLogging logging = new HttpLogging(HttpLogOptions.of(HttpLogOptions.Level.BASIC));

	@Test
	void queryParameterNamesAreLoggedAndValuesOnlyWhenAllowed() {
		URI url = URI.create("https://eu.pipelinersales.com/rest_services/v1/eu_P/Contacts"
				+ "?filter=EMAIL1::ada%40example.com&limit=25&offset=50&sort=-MODIFIED&after=2024-05-01%2000:00:00");

		assertThat(this.logging.loggedUrl(url)).isEqualTo("https://eu.pipelinersales.com/rest_services/v1/eu_P/Contacts"
				+ "?filter=REDACTED&limit=25&offset=50&sort=-MODIFIED&after=2024-05-01%2000:00:00");
	}

	@Test
	void bracketedNamesFollowTheirBaseNameAndOddNamesAreRedacted() {
		URI url = URI.create("https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/s/entities/Contacts"
				+ "?filter%5Bemail%5D=ada%40example.com&first=30&order-by=-modified&bad+name=x&flag");
		HttpLogging withFilter = new HttpLogging(
				new HttpLogOptions(HttpLogOptions.Level.BASIC, Set.of(), Set.of("filter")));

		assertThat(this.logging.loggedUrl(url)).endsWith(
				"?filter%5Bemail%5D=REDACTED&first=30&order-by=-modified&bad+name=REDACTED&flag");
		assertThat(withFilter.loggedUrl(url)).contains("filter%5Bemail%5D=ada%40example.com", "first=REDACTED");
	}

	@Test
	void aUrlWithoutQueryIsLoggedAsItIs() {
		URI url = URI.create("https://eu.pipelinersales.com/rest_services/v1/eu_P/Contacts/PY-1");

		assertThat(this.logging.loggedUrl(url)).isEqualTo(url.toString());
	}

}
