package dev.pipeliner.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concurrency, scale, seeds and the standalone launcher.
 */
class EmulatorRobustnessTest {

	@Test
	void concurrentCreatesAndBatchesLoseNothing() throws Exception {
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().start()) {
			RawHttp http = new RawHttp(emulator);
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (int task = 0; task < 32; task++) {
					int number = task;
					Callable<Integer> work = () -> {
						int created = 0;
						for (int i = 0; i < 10; i++) {
							String contact = "{\"SURNAME\":\"T" + number + "-" + i + "\",\"OWNER_ID\":1,\"SALES_UNIT_ID\":1}";
							created += (http.post("/Contacts", contact).status() == 201) ? 1 : 0;
							Response batch = http.post("/setEntities?entityName=Contact", "[" + contact + "," + contact + "]");
							created += (batch.status() == 200) ? batch.json().size() : 0;
							http.get("/Contacts?limit=5&sort=-MODIFIED");
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
				JsonNode all = http.get("/Contacts?limit=-1").json();
				Set<String> ids = new HashSet<>();
				all.forEach((contact) -> ids.add(contact.get("ID").asString()));
				assertThat(ids).hasSize(created);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aMillionEntitiesPageQuickly() {
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().start()) {
			List<Map<String, Object>> products = new ArrayList<>(1_000_000);
			for (int i = 0; i < 1_000_000; i++) {
				products.add(Map.of("NAME", "Product " + i));
			}
			emulator.insert("eu_Emulator", "Products", products);
			products.clear();
			RawHttp http = new RawHttp(emulator);

			Response last = http.get("/Products?offset=999990&limit=25&loadonly=NAME");
			Response filtered = http.get("/Products?filter=NAME::Product 123456&limit=5");

			assertThat(last.header("Content-Range")).isEqualTo("items 999990-999999/1000000");
			assertThat(last.json().get(9).get("NAME").asString()).isEqualTo("Product 999999");
			assertThat(filtered.header("Content-Range")).isEqualTo("items 0-0/1");
		}
	}

	@Test
	void aSeedFileFillsATeamPipeline(@TempDir Path directory) throws Exception {
		Path seed = directory.resolve("seed.json");
		Files.writeString(seed, """
				{"Accounts": [{"ID": "PY-7FFFFFFF-SEED-1", "ORGANIZATION": "Seeded Ltd", "OWNER_ID": 7, "SALES_UNIT_ID": 1,
				               "MODIFIED": "2023-01-02 03:04:05"}],
				 "Contact": [{"SURNAME": "Seeded", "OWNER_ID": 7, "SALES_UNIT_ID": 1}]}""");

		try (PipelinerEmulator emulator = PipelinerEmulator.builder().teamPipeline("eu_Seeded", seed).start()) {
			RawHttp http = new RawHttp(emulator);
			JsonNode account = http.get("/Accounts/PY-7FFFFFFF-SEED-1").json();

			assertThat(account.get("ORGANIZATION").asString()).isEqualTo("Seeded Ltd");
			assertThat(account.get("MODIFIED").asString()).isEqualTo("2023-01-02 03:04:05");
			assertThat(http.get("/Contacts").header("Content-Range")).isEqualTo("items 0-0/1");
		}
	}

	@Test
	void anInvalidSeedFailsNamingTheEntity(@TempDir Path directory) throws Exception {
		Path seed = directory.resolve("bad.json");
		Files.writeString(seed, "{\"Accounts\": [{\"ORGANIZATION\": \"No owner\"}]}");

		assertThatThrownBy(() -> PipelinerEmulator.builder().teamPipeline("eu_Bad", seed).start())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Accounts[0]")
			.hasMessageContaining("OWNER_ID");
	}

	@Test
	void theLauncherParsesItsOptions() {
		try (PipelinerEmulator emulator = PipelinerEmulatorMain.start(PipelinerEmulatorMain.parse(new String[] {
				"--port=0", "--team-pipeline=eu_A,us_B", "--seed=demo", "--api-token=t", "--api-password=p" }))) {
			assertThat(emulator.getTeamPipelines()).containsExactly("eu_A", "us_B");
			assertThat(new RawHttp(emulator.getBaseUrl("us_B").toString(), "t", "p").get("/Accounts").json().size()).isEqualTo(12);
		}
		assertThatThrownBy(() -> PipelinerEmulatorMain.parse(new String[] { "--colour=blue" }))
			.hasMessageContaining("unknown option --colour");
	}

	@Test
	void toStringShowsNoPassword() {
		try (PipelinerEmulator emulator = PipelinerEmulator.builder().credentials("t", "secret-pw").start()) {
			assertThat(emulator.toString()).contains(emulator.getUrl()).doesNotContain("secret-pw");
		}
	}

}
