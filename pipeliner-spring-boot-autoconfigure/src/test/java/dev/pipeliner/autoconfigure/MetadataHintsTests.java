package dev.pipeliner.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.client.PipelinerProtocol;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs offer the data-center URLs for {@code pipeliner.url}, from the generated metadata: the same
 * that {@link PipelinerProtocol} knows, and that the startup check holds a protocol to.
 */
class MetadataHintsTests {

	@Test
	void pipelinerUrlHintsListTheDataCentersOfBothProtocols() throws Exception {
		JsonNode hint = null;
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			for (JsonNode candidate : JsonMapper.builder().build().readTree(metadata).path("hints")) {
				if (candidate.get("name").asString().equals("pipeliner.url")) {
					hint = candidate;
				}
			}
		}
		assertThat(hint).as("a hint for pipeliner.url").isNotNull();
		List<String> values = new ArrayList<>();
		for (JsonNode value : hint.get("values")) {
			values.add(value.get("value").asString());
			assertThat(value.path("description").asString("")).isNotBlank();
		}
		assertThat(values).containsExactly("https://eu.pipelinersales.com", "https://us.pipelinersales.com",
				"https://us-east.api.pipelinersales.com", "https://eu-central.api.pipelinersales.com",
				"https://ca-central.api.pipelinersales.com", "https://ap-southeast.api.pipelinersales.com");
		List<String> byProtocol = new ArrayList<>(PipelinerProtocol.V1.getDataCenters());
		byProtocol.addAll(PipelinerProtocol.V100.getDataCenters());
		assertThat(values).as("the hints and the startup check know the same data centers").isEqualTo(byProtocol);
		for (JsonNode value : hint.get("values")) {
			PipelinerProtocol protocol = PipelinerProtocol.servedAt(value.get("value").asString()).orElseThrow();
			assertThat(value.get("description").asString()).as(value.get("value").asString())
				.contains((protocol == PipelinerProtocol.V1) ? "v1" : "v100");
		}
		assertThat(hint.get("providers").get(0).get("name").asString()).isEqualTo("any");
	}

}
