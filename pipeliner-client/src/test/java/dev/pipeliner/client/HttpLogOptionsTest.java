package dev.pipeliner.client;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpLogOptionsTest {

	@Test
	void authorizationIsNeverAllowedWhateverTheList() {
		HttpLogOptions options = new HttpLogOptions(HttpLogOptions.Level.HEADERS,
				Set.of("authorization", "Proxy-Authorization", "X-Request-Id"));

		assertThat(options.isAllowed("Authorization")).isFalse();
		assertThat(options.isAllowed("PROXY-AUTHORIZATION")).isFalse();
		assertThat(options.isAllowed("x-request-id")).isTrue();
		assertThat(HttpLogOptions.of(HttpLogOptions.Level.BASIC).isAllowed("Content-Range")).isTrue();
		assertThat(HttpLogOptions.NONE.level()).isEqualTo(HttpLogOptions.Level.NONE);
	}

	@Test
	void badOptionsNameTheArgument() {
		assertThatThrownBy(() -> new HttpLogOptions(null, Set.of())).hasMessageStartingWith("level");
		assertThatThrownBy(() -> new HttpLogOptions(HttpLogOptions.Level.BODY, Set.of(" "))).hasMessageStartingWith("allowedHeaders");
	}

}
