package dev.pipeliner.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.pipeliner.client.BatchResult.Outcome;
import dev.pipeliner.client.BatchResult.Status;
import dev.pipeliner.client.ScriptedV100Server.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A v100 batch outcome is what the server said, on the item it was said of: an entity in the
 * answer is a success with its id whatever its fields are called, only the error's shape is an
 * error (its code kept in every form), an update or a delete answered with another id is not a
 * success, and a delete answered in another order keeps each outcome on its own item.
 */
class V100BatchOutcomesTest {

	private static final int SEEDS = 150;

	/** What the server answers for one item, and what the caller must be told. */
	private record Case(Map<String, Object> item, String answer, Status status, String id, Integer code) {
	}

	@Test
	void everyItemOfABatchModifyGetsTheOutcomeTheServerGaveIt() throws Exception {
		List<List<Case>> batches = new ArrayList<>();
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok("{\"success\":true,\"data\":["
				+ String.join(",", batches.get(n).stream().map(Case::answer).toList()) + "]}"))) {
			PipelinerClient client = server.clientBuilder().build();
			for (long seed = 1; seed <= SEEDS; seed++) {
				Random random = new Random(seed);
				List<Case> batch = new ArrayList<>();
				for (int i = 0; i < 1 + random.nextInt(20); i++) {
					batch.add(modifyCase(random, i));
				}
				batches.add(batch);
				BatchResult result = client.setEntities("Products", batch.stream().map(Case::item).toList(),
						BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
				assertOutcomes(result, batch, "seed " + seed);
			}
		}
	}

	@Test
	void everyIdOfABatchDeleteGetsTheOutcomeTheServerGaveItInAnyOrder() throws Exception {
		List<List<String>> answers = new ArrayList<>();
		try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> Reply.ok("{\"success\":true,\"data\":["
				+ String.join(",", answers.get(n)) + "]}"))) {
			PipelinerClient client = server.clientBuilder().build();
			for (long seed = 1; seed <= SEEDS; seed++) {
				Random random = new Random(seed);
				List<Case> batch = new ArrayList<>();
				List<String> answer = new ArrayList<>();
				for (int i = 0; i < 1 + random.nextInt(20); i++) {
					String id = "d-" + seed + "-" + i;
					int kind = random.nextInt(6);
					if (kind == 0) {
						// an error that names the entity it is about
						answer.add("{\"code\":120,\"name\":\"ERROR_RELATIONS_DOESNT_EXIST\",\"message\":\"in use\","
								+ "\"entity_id\":\"" + id + "\",\"http_status\":422,\"success\":false}");
						batch.add(new Case(Map.of(), "", Status.FAILED, id, 120));
					}
					else if (kind == 1) {
						// a foreign id in its place: this one is not accounted for
						answer.add("\"foreign-" + seed + "-" + i + "\"");
						batch.add(new Case(Map.of(), "", Status.UNKNOWN, id, null));
					}
					else {
						answer.add("\"" + id + "\"");
						batch.add(new Case(Map.of(), "", Status.SUCCEEDED, id, null));
					}
				}
				if (random.nextBoolean()) {
					Collections.shuffle(answer, random);
				}
				answers.add(answer);
				BatchResult result = client.deleteEntities("Products", batch.stream().map(Case::id).toList(),
						BatchFlag.IGNORE_AND_RETURN_ERRORS).block();
				assertOutcomes(result, batch, "seed " + seed + " answered " + answer);
			}
		}
	}

	private static void assertOutcomes(BatchResult result, List<Case> batch, String message) {
		assertThat(result.outcomes()).as(message).hasSize(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Outcome outcome = result.outcomes().get(i);
			Case expected = batch.get(i);
			String item = message + ", item " + i + " answered " + expected.answer();
			assertThat(outcome.index()).as(item).isEqualTo(i);
			assertThat(outcome.status()).as(item).isEqualTo(expected.status());
			assertThat(outcome.id()).as(item).isEqualTo(expected.id());
			assertThat(outcome.errorCode()).as(item).isEqualTo(expected.code());
			if (expected.status() == Status.FAILED) {
				assertThat(outcome.message()).as(item).isNotBlank();
			}
		}
	}

	/** One item of a batch-modify: a create or an update, and one of the answers the service may give. */
	private static Case modifyCase(Random random, int index) {
		boolean update = random.nextBoolean();
		String id = update ? "u-" + index : "n-" + index;
		Map<String, Object> item = new LinkedHashMap<>();
		if (update) {
			item.put("id", id);
		}
		item.put("name", "Widget " + index);
		return switch (random.nextInt(8)) {
			case 0 -> new Case(item, "\"" + id + "\"", Status.SUCCEEDED, id, null);
			// the entity as it was written, with fields an error also has
			case 1 -> new Case(item, "{\"id\":\"" + id + "\",\"name\":\"Acme\",\"modified\":\"2023-03-23 14:20:54.529536+00:00\"}",
					Status.SUCCEEDED, id, null);
			case 2 -> new Case(item, "{\"id\":\"" + id + "\",\"name\":\"Widget\",\"code\":\"SKU-117\",\"message\":null}",
					Status.SUCCEEDED, id, null);
			case 3 -> new Case(item, "{\"code\":40000,\"name\":\"ERROR_ENTITY_VALIDATION\",\"message\":\"Not valid.\","
					+ "\"entity_index\":" + index + ",\"http_status\":422,\"success\":false}", Status.FAILED,
					update ? id : null, 40000);
			case 4 -> new Case(item, "{\"code\":\"117\",\"name\":\"ERROR_PARAMETER_INVALID\",\"message\":\"Invalid.\"}",
					Status.FAILED, update ? id : null, 117);
			case 5 -> new Case(item, "{\"errorcode\":119,\"message\":\"Missing.\"}", Status.FAILED, update ? id : null, 119);
			// an update answered with another entity's id, a create with nothing usable
			case 6 -> update ? new Case(item, "\"someone-else\"", Status.UNKNOWN, id, null)
					: new Case(item, "{\"id\":\"" + id + "\"}", Status.SUCCEEDED, id, null);
			default -> update ? new Case(item, "{\"id\":\"someone-else\",\"name\":\"Acme\"}", Status.UNKNOWN, id, null)
					: new Case(item, "null", Status.UNKNOWN, null, null);
		};
	}

}
