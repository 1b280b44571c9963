package dev.pipeliner.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.pipeliner.emulator.EmulatorV100ReadingTest.assertV100Error;
import static dev.pipeliner.emulator.EmulatorV100WritingTest.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

class EmulatorV100RobustnessTest {

	@Test
	void concurrentWritesAndCursorReadsLoseNothing() throws Exception {
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().protocol(Protocol.V100).start()) {
			RawHttp http = new RawHttp(emulator);
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (int task = 0; task < 32; task++) {
					int number = task;
					Callable<Integer> work = () -> {
						int created = 0;
						for (int i = 0; i < 10; i++) {
							String contact = GOOD.replace("Good", "T" + number + "-" + i);
							created += (http.post("/entities/Contacts", contact).status() == 201) ? 1 : 0;
							Response batch = http.post("/entities/Contacts/batch-modify", "[" + contact + "," + contact + "]");
							created += (batch.status() == 200) ? batch.json().get("data").size() : 0;
							assertThat(readAll(http, 60)).doesNotHaveDuplicates();
						}
						return created;
					};
					results.add(pool.submit(work));
				}
				int created = 0;
				for (Future<Integer> result : results) {
					created += result.get();
				}
				assertThat(created).isEqualTo(32 * 10 * 3);
				List<String> all = readAll(http, 100);
				assertThat(new HashSet<>(all)).hasSize(created);
				assertThat(all).hasSize(created);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aSeedFileInV100FormFillsASpace(@TempDir Path directory) throws Exception {
		Path seed = directory.resolve("seed.json");
		Files.writeString(seed, """
				{"Accounts": [{"id": "0190978c-d6d1-de35-3f6d-7cf0a0e264db", "name": "Seeded Ltd",
				               "owner_id": "00000000-0000-0000-0000-000000008e97", "unit_id": "00000000-0000-0000-0000-000000000001",
				               "modified": "2023-01-02T03:04:05Z"}]}""");

		try (PipelinerEmulator emulator = PipelinerEmulator.builder().protocol(Protocol.V100).teamPipeline("fr_Seeded", seed).start()) {
			JsonNode account = new RawHttp(emulator).get("/entities/Accounts/0190978c-d6d1-de35-3f6d-7cf0a0e264db").json().get("data");

			assertThat(account.get("name").asString()).isEqualTo("Seeded Ltd");
			assertThat(account.get("modified").asString()).isEqualTo("2023-01-02 03:04:05.000000+00:00");
		}
	}

	@Test
	void aBodyOverTheLimitIs413InTheV100Shape() {
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().protocol(Protocol.V100).maxBodySize(1000).start()) {
			Response response = new RawHttp(emulator).post("/entities/Notes", "{\"note\":\"" + "x".repeat(2000) + "\"}");

			assertV100Error(response, 413, 117, "ERROR_PARAMETER_INVALID");
		}
	}

	private static List<String> readAll(RawHttp http, int first) {
		List<String> ids = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			JsonNode page = http.get("/entities/Contacts?first=" + first + ((after != null) ? "&after=" + after : "")).json();
			page.get("data").forEach((contact) -> ids.add(contact.get("id").asString()));
			hasNext = page.get("page_info").get("has_next_page").booleanValue();
			after = page.get("page_info").get("end_cursor").asString();
		}
		return ids;
	}

}
