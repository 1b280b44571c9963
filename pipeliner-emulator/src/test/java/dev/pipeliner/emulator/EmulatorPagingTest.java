package dev.pipeliner.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.pipeliner.emulator.RawHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages of a large collection against a full scan, with deletes and creates in between. */
class EmulatorPagingTest extends EmptyEmulatorTestSupport {

	private static final int SIZE = 6_000;

	@Test
	void offsetPagesAreExactlyTheSlicesOfAFullScan() {
		List<Map<String, Object>> notes = new ArrayList<>();
		for (int i = 0; i < SIZE; i++) {
			notes.add(Map.of("NOTE", "note " + i, "OWNER_ID", 1534));
		}
		this.emulator.insert(this.emulator.getTeamPipeline(), "Notes", notes);
		Random random = new Random(7);
		for (int round = 0; round < 4; round++) {
			List<String> all = ids(this.http.get("/Notes?limit=-1").json());
			StringBuilder doomed = new StringBuilder("[");
			int from = random.nextInt(all.size() - 600);
			for (String id : all.subList(from, from + 300 + round * 50)) {
				doomed.append(doomed.length() > 1 ? "," : "").append('"').append(id).append('"');
			}
			for (int i = 0; i < 50; i++) {
				doomed.append(",\"").append(all.get(random.nextInt(all.size()))).append('"');
			}
			assertThat(this.http.post("/deleteEntities?entityName=Note&flag=1", doomed + "]").status()).isEqualTo(200);
			this.http.post("/Notes", "{\"NOTE\":\"late " + round + "\",\"OWNER_ID\":1534}");

			List<String> scan = ids(this.http.get("/Notes?limit=-1").json());
			List<String> paged = new ArrayList<>();
			for (int offset = 0; offset < scan.size(); offset += 200) {
				Response page = this.http.get("/Notes?limit=200&offset=" + offset);
				assertThat(page.header("Content-Range")).isEqualTo("items " + offset + "-"
						+ (Math.min(scan.size(), offset + 200) - 1) + "/" + scan.size());
				paged.addAll(ids(page.json()));
			}
			assertThat(paged).isEqualTo(scan);
			int offset = random.nextInt(scan.size());
			assertThat(ids(this.http.get("/Notes?limit=100&offset=" + offset).json()))
				.isEqualTo(scan.subList(offset, Math.min(scan.size(), offset + 100)));
		}
	}

	private static List<String> ids(JsonNode entities) {
		List<String> ids = new ArrayList<>();
		entities.forEach((entity) -> ids.add(entity.get("ID").asString()));
		return ids;
	}

}
