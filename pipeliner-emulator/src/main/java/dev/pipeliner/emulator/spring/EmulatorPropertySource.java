package dev.pipeliner.emulator.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code pipeliner.*} at an emulator, makes the emulator a bean, and stops it with the
 * context. For a v100 emulator it also sets {@code pipeliner.protocol=v100} and
 * {@code pipeliner.space}; the credentials are the same pair of properties for both protocols.
 */
final class EmulatorPropertySource {

	static final String NAME = "pipelinerEmulator";

	private EmulatorPropertySource() {
	}

	/**
	 * @param first whether the emulator's settings win over every other property source
	 * (tests), or only fill in what is not set (applications)
	 */
	static void attach(ConfigurableApplicationContext context, PipelinerEmulator emulator, boolean first) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("pipeliner.url", emulator.getUrl());
		properties.put("pipeliner.team-pipeline", emulator.getTeamPipeline());
		properties.put("pipeliner.api-token", emulator.getApiToken());
		properties.put("pipeliner.api-password", emulator.getApiPassword());
		if (emulator.getProtocol() == Protocol.V100) {
			properties.put("pipeliner.protocol", "v100");
			properties.put("pipeliner.space", emulator.getSpace());
		}
		MapPropertySource source = new MapPropertySource(NAME, properties);
		if (first) {
			context.getEnvironment().getPropertySources().addFirst(source);
		}
		else {
			context.getEnvironment().getPropertySources().addLast(source);
		}
		context.getBeanFactory().registerSingleton("pipelinerEmulator", emulator);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				emulator.close();
			}
		});
	}

}
