package dev.pipeliner.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.pipeliner.client.sync.IncrementalSync;
import dev.pipeliner.client.sync.SyncBatch;
import dev.pipeliner.client.sync.SyncCheckpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an incremental sync sends on v100 and what it makes of the answers: the query of the
 * pattern public connectors use (a {@code gte} filter on {@code modified}, sorted by
 * {@code modified} then id, deleted entities included), pages followed by cursor, deletions
 * told apart, the checkpoint after each page, and the read ending at its own start.
 */
class IncrementalSyncV100WireTest {

	private static final Instant START = Instant.parse("2024-05-06T14:10:00Z");

	private static String entity(String id, String modified, boolean deleted) {
		return "{\"id\":\"" + id + "\",\"name\":\"n\",\"is_deleted\":" + deleted + ",\"modified\":\"" + modified + "\"}";
	}

	private static String page(String cursor, boolean more, String... entities) {
		return "{\"success\":true,\"total\":9,\"page_info\":{\"start_cursor\":\"WyJhIl0=\",\"end_cursor\":\"" + cursor
				+ "\",\"has_previous_page\":false,\"has_next_page\":" + more + "},\"data\":[" + String.join(",", entities)
				+ "]}";
	}

	@Test
	void readsByModifiedThenIdWithDeletionsAndHandsBackACheckpointPerPage() throws Exception {
		List<String> pages = List.of(
				page("WyIxIl0=", true, entity("00000000-0000-0000-0000-000000000001", "2024-05-06 14:00:02.512345+00:00", false),
						entity("00000000-0000-0000-0000-000000000002", "2024-05-06 14:05:00.000001+00:00", true)),
				page("WyIyIl0=", true, entity("00000000-0000-0000-0000-000000000003", "2024-05-06 14:09:59.999999+00:00", false),
						entity("00000000-0000-0000-0000-000000000004", "2024-05-06 14:10:00.000001+00:00", false)),
				page("WyIzIl0=", false, entity("00000000-0000-0000-0000-000000000005", "2024-05-06 14:11:00+00:00", false)));
		try (ScriptedV100Server server = new ScriptedV100Server(
				(number, request) -> ScriptedV100Server.Reply.ok(pages.get(number)))) {
			IncrementalSync sync = IncrementalSync.builder(server.clientBuilder().build(), "Contacts")
				.overlap(Duration.ofMinutes(1))
				.clock(Clock.fixed(START, ZoneOffset.UTC))
				.loadOnly("name")
				.build();
			List<SyncBatch> batches = sync.changes(SyncCheckpoint.from(Instant.parse("2024-05-06T13:59:30.250001Z")))
				.collectList()
				.block();

			List<ScriptedV100Server.Request> requests = server.requestsTo("/Contacts");
			assertThat(requests).hasSize(2);
			Map<String, String> first = requests.get(0).query();
			assertThat(requests.get(0).method()).isEqualTo("GET");
			assertThat(first).containsEntry("filter[modified]", "2024-05-06 13:59:30.000000+00:00")
				.containsEntry("filter-op[modified]", "gte")
				.containsEntry("order-by", "modified,id")
				.containsEntry("include-deleted", "true")
				.containsEntry("load-only", "name,id,modified,is_deleted")
				.doesNotContainKey("after");
			assertThat(requests.get(1).query()).containsEntry("after", "WyIxIl0=")
				.containsEntry("filter[modified]", "2024-05-06 13:59:30.000000+00:00");

			assertThat(batches).hasSize(3);
			assertThat(batches.get(0).changes()).extracting(Entity::id)
				.containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
			assertThat(batches.get(0).changes()).extracting(IncrementalSync::isDeleted).containsExactly(false, true);
			assertThat(batches.get(0).checkpoint().from()).isEqualTo(Instant.parse("2024-05-06T14:04:00.000001Z"));
			assertThat(batches.get(1).changes()).extracting(Entity::id)
				.containsExactly("00000000-0000-0000-0000-000000000003");
			assertThat(batches.get(1).checkpoint().from()).isEqualTo(Instant.parse("2024-05-06T14:08:59.999999Z"));
			assertThat(batches.get(2).changes()).isEmpty();
			assertThat(batches.get(2).checkpoint().from()).isEqualTo(Instant.parse("2024-05-06T14:09:00Z"));
		}
	}

	@Test
	void theCheckpointNeverGoesBackNorPassesTheStartOfTheRead() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((number, request) -> ScriptedV100Server.Reply
			.ok(page("WyIxIl0=", false, entity("00000000-0000-0000-0000-000000000001", "2024-05-06 14:09:30+00:00", false))))) {
			IncrementalSync sync = IncrementalSync.builder(server.clientBuilder().build(), "Contacts")
				.overlap(Duration.ofMinutes(5))
				.clock(Clock.fixed(START, ZoneOffset.UTC))
				.build();
			SyncCheckpoint from = SyncCheckpoint.from(Instant.parse("2024-05-06T14:08:00Z"));
			List<SyncBatch> batches = sync.changes(from).collectList().block();
			assertThat(batches).extracting(SyncBatch::checkpoint).containsExactly(from, from);
			assertThat(server.requestsTo("/Contacts").get(0).query()).doesNotContainKey("load-only");
		}
	}

	@Test
	void aReadOfNothingStillHandsBackTheStartLessTheOverlap() throws Exception {
		try (ScriptedV100Server server = new ScriptedV100Server((number, request) -> ScriptedV100Server.Reply.ok(
				"{\"success\":true,\"total\":0,\"page_info\":{\"start_cursor\":null,\"end_cursor\":null,"
						+ "\"has_previous_page\":false,\"has_next_page\":false},\"data\":[]}"))) {
			IncrementalSync sync = IncrementalSync.builder(server.clientBuilder().build(), "Contacts")
				.overlap(Duration.ofSeconds(30))
				.clock(Clock.fixed(START, ZoneOffset.UTC))
				.build();
			List<SyncBatch> batches = sync.changes(SyncCheckpoint.start()).collectList().block();
			assertThat(batches).hasSize(1);
			assertThat(batches.get(0).checkpoint()).isEqualTo(SyncCheckpoint.from(START.minusSeconds(30)));
			assertThat(server.requestsTo("/Contacts").get(0).query()).doesNotContainKey("filter[modified]")
				.containsEntry("order-by", "modified,id");
		}
	}

}
