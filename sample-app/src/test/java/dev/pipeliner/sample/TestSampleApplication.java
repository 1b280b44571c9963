package dev.pipeliner.sample;

import dev.pipeliner.emulator.spring.PipelinerEmulatorConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample application on an embedded Pipeliner emulator, whatever its configuration
 * says: {@code mvn -B -ntp -pl sample-app -am spring-boot:test-run}.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(PipelinerEmulatorConfiguration.class).run(args);
	}

}
