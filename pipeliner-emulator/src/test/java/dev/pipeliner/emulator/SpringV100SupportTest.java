package dev.pipeliner.emulator;

import dev.pipeliner.emulator.spring.AutoConfigurePipelinerEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigurePipelinerEmulator(seed = Seed.DEMO, protocol = Protocol.V100)
class SpringV100SupportTest {

	@Autowired
	PipelinerEmulator emulator;

	@Autowired
	Environment environment;

	@Test
	void thePropertiesNameTheV100EmulatorAndItsSpace() {
		assertThat(this.emulator.getProtocol()).isEqualTo(Protocol.V100);
		assertThat(this.environment.getProperty("pipeliner.protocol")).isEqualTo("v100");
		assertThat(this.environment.getProperty("pipeliner.url")).isEqualTo(this.emulator.getUrl());
		String space = this.environment.getProperty("pipeliner.space");
		assertThat(space).isEqualTo(this.emulator.getSpace());
		RawHttp http = new RawHttp(this.environment.getProperty("pipeliner.url") + "/api/v100/rest/spaces/" + space,
				this.environment.getProperty("pipeliner.api-token"), this.environment.getProperty("pipeliner.api-password"));
		assertThat(http.get("/entities/Accounts").json().get("total").intValue()).isEqualTo(12);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
