package dev.pipeliner.emulator.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EntityTableTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final EntityTable table = new EntityTable(List.of("name"));

	/** What the table must behave like: a map in insertion order. */
	private final Map<String, ObjectNode> reference = new LinkedHashMap<>();

	private int created;

	@Test
	void pagesAtEveryOffsetMatchAFullScanThroughCreatesUpdatesAndDeletes() {
		Random random = new Random(11);
		for (int round = 0; round < 40; round++) {
			for (int i = random.nextInt(400); i > 0; i--) {
				create();
			}
			List<String> ids = new ArrayList<>(this.reference.keySet());
			for (int i = random.nextInt(Math.max(1, ids.size() / 3)); i > 0; i--) {
				String id = ids.get(random.nextInt(ids.size()));
				if (random.nextBoolean()) {
					this.table.remove(id);
					this.reference.remove(id);
				}
				else if (this.reference.containsKey(id)) {
					ObjectNode updated = entity(id).put("round", round).put("name", "n" + random.nextInt(50));
					this.table.put(id, updated);
					this.reference.put(id, updated);
				}
			}
			if (round % 10 == 9 && !ids.isEmpty()) {
				// A run of neighbours gone, so that whole blocks empty out.
				int from = random.nextInt(ids.size());
				ids.subList(from, Math.min(ids.size(), from + 3 * EntityTable.BLOCK)).forEach((id) -> {
					this.table.remove(id);
					this.reference.remove(id);
				});
			}
			assertPagesMatch(1 + random.nextInt(120));
		}
		assertThat(this.table.size()).isEqualTo(this.reference.size()).isGreaterThan(1000);
	}

	@Test
	void anEmptiedTableStartsAgain() {
		for (int i = 0; i < 3 * EntityTable.BLOCK; i++) {
			create();
		}
		new ArrayList<>(this.reference.keySet()).forEach((id) -> {
			this.table.remove(id);
			this.reference.remove(id);
		});
		assertThat(this.table.fromRank(0).hasNext()).isFalse();
		create();
		create();

		assertPagesMatch(1);
		assertThat(this.table.remove("nope")).isNull();
	}

	private void assertPagesMatch(int pageSize) {
		List<ObjectNode> all = new ArrayList<>(this.reference.values());
		List<ObjectNode> byOffset = new ArrayList<>();
		List<ObjectNode> bySequence = new ArrayList<>();
		long after = -1;
		for (int offset = 0; offset < all.size() + pageSize; offset += pageSize) {
			EntityTable.Cursor ranked = this.table.fromRank(offset);
			for (int i = 0; i < pageSize && ranked.hasNext(); i++) {
				byOffset.add(ranked.next());
			}
			EntityTable.Cursor sequenced = this.table.afterSequence(after);
			for (int i = 0; i < pageSize && sequenced.hasNext(); i++) {
				bySequence.add(sequenced.next());
				after = sequenced.lastSequence();
			}
		}
		List<ObjectNode> scanned = new ArrayList<>();
		this.table.values().forEach(scanned::add);
		assertThat(byOffset).containsExactlyElementsOf(all);
		assertThat(bySequence).containsExactlyElementsOf(all);
		assertThat(scanned).containsExactlyElementsOf(all);
		for (String id : this.reference.keySet()) {
			assertThat(this.table.get(id)).isSameAs(this.reference.get(id));
		}
		List<EntityTable.Key> byName = new ArrayList<>();
		SortedIndex.Cursor<EntityTable.Key> names = this.table.index("name").from(0);
		while (names.hasNext()) {
			byName.add(names.next());
		}
		assertThat(byName).isSortedAccordingTo(EntityTable.Key.ORDER)
			.containsExactlyInAnyOrderElementsOf(all.stream().map((entity) -> EntityTable.key("name", entity.get("ID").asString(), entity)).toList());
	}

	private void create() {
		String id = "E" + this.created++;
		ObjectNode entity = entity(id);
		this.table.put(id, entity);
		this.reference.put(id, entity);
	}

	private ObjectNode entity(String id) {
		ObjectNode entity = this.mapper.createObjectNode().put("ID", id);
		return (this.created % 7 == 0) ? entity : entity.put("name", "n" + (this.created % 50));
	}

}
