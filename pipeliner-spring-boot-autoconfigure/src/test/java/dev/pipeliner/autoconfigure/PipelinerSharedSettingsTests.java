package dev.pipeliner.autoconfigure;

import dev.pipeliner.client.InvalidSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinerSharedSettingsTests {

	@Test
	void aRefusedSettingIsReportedUnderItsPropertyWhateverItsMessageSays() {
		PipelinerProperties properties = new PipelinerProperties();
		properties.setPageSize(0);

		RuntimeException failure = PipelinerSharedSettings
			.invalid(new InvalidSettingException("pageSize", "A page must hold one entity or more"), properties);

		assertThat(failure).isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
			assertThat(invalid.getName()).isEqualTo("pipeliner.page-size");
			assertThat(invalid.getValue()).isEqualTo(0);
			assertThat(invalid.getMessage()).contains("A page must hold one entity or more");
		});
	}

	@Test
	void aSettingThatIsNotSharedIsLeftToTheCaller() {
		assertThat(PipelinerSharedSettings.invalid(new InvalidSettingException("credentials", "pageSize is fine"),
				new PipelinerProperties())).isNull();
	}

}
