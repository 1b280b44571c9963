package dev.pipeliner.emulator.internal.v100;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.EntityTable.Key;
import dev.pipeliner.emulator.internal.store.SortedIndex;
import dev.pipeliner.emulator.internal.store.Wire;
import dev.pipeliner.emulator.internal.v100.V100Property.Kind;
import dev.pipeliner.emulator.internal.v100.V100Query.Condition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page of a v100 list: {@code {"success":true,"total":n,"page_info":{…},"data":[…]}}, with
 * {@code page_info} before {@code data}, or without {@code page_info} for the legacy
 * {@code limit}/{@code offset}, which read in the default order.
 * <p>
 * Pages follow {@link V100Cursors keyset cursors}. A read in the order of an indexed field
 * ({@code id}, the default, {@code created} or {@code modified}, either way), unfiltered or with one
 * ordered condition ({@code eq}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code between})
 * on that field, is answered from the field's index: the page, its cursor's position and
 * {@code total} cost O(page + log n), however far the reader is, and a descending page O(log n)
 * more for each distinct value on it. Any other read costs a pass over
 * the collection, keeping only the page in order. An empty page has {@code null} cursors and
 * {@code has_previous_page} false, as the service's has.
 */
final class V100Lists {

	private final ObjectMapper mapper;

	V100Lists(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** The entities of a page, and what page_info says of it. */
	private record Window(List<ObjectNode> items, long total, boolean hasPrevious, boolean hasNext) {
	}

	/**
	 * Reads one page; hold the team pipeline's read lock.
	 * @param tables where the entities are: one collection, or those a view such as Activities shows
	 * @param render turns a stored entity into the form answered
	 */
	Reply page(List<EntityTable> tables, V100Query query, UnaryOperator<ObjectNode> render) {
		if (query.offset >= 0) {
			Window legacy = legacy(tables, query);
			return reply(legacy.total(), null, legacy.items(), render);
		}
		Window window = (tables.size() == 1) ? indexed(tables.get(0), query) : null;
		if (window == null) {
			window = scan(tables, query);
		}
		List<ObjectNode> items = window.items();
		ObjectNode pageInfo = this.mapper.createObjectNode();
		pageInfo.put("start_cursor", items.isEmpty() ? null : V100Cursors.encode(query, items.get(0)));
		pageInfo.put("end_cursor", items.isEmpty() ? null : V100Cursors.encode(query, items.get(items.size() - 1)));
		pageInfo.put("has_previous_page", !items.isEmpty() && window.hasPrevious());
		pageInfo.put("has_next_page", window.hasNext());
		return reply(window.total(), pageInfo, items, render);
	}

	/** @return the page from the index of the order's field, or {@code null} when the read cannot use one */
	private @Nullable Window indexed(EntityTable table, V100Query query) {
		String field = query.orders.isEmpty() ? "id" : (query.orders.size() == 1) ? query.orders.get(0).property().name() : null;
		if (field == null || !table.isIndexed(field) || query.conditions.size() > 1) {
			return null;
		}
		Condition condition = query.conditions.isEmpty() ? null : query.conditions.get(0);
		if (condition != null && (!condition.property().name().equals(field) || !V100Query.ORDERED.contains(condition.operator()))) {
			return null;
		}
		SortedIndex<Key> index = table.index(field);
		Kind kind = (condition != null) ? condition.property().kind() : query.orders.isEmpty() ? Kind.TEXT
				: query.orders.get(0).property().kind();
		int low = 0;
		int high = index.size();
		if (condition != null) {
			List<String> bounds = condition.values().stream().map((value) -> stored(kind, value)).toList();
			String bound = bounds.get(0);
			switch (condition.operator()) {
				case "eq" -> {
					low = index.rank(atLeast(bound));
					high = index.rank(above(bound));
				}
				case "gt" -> low = index.rank(above(bound));
				case "gte" -> low = index.rank(atLeast(bound));
				case "lt" -> {
					low = index.rank((key) -> key.value() != null);
					high = index.rank(atLeast(bound));
				}
				case "lte" -> {
					low = index.rank((key) -> key.value() != null);
					high = index.rank(above(bound));
				}
				default -> {
					low = index.rank(atLeast(bound));
					high = Math.max(low, index.rank(above(bounds.get(1))));
				}
			}
		}
		String cursor = query.after;
		Key after = (cursor != null) ? after(query, cursor, kind) : null;
		if (!query.orders.isEmpty() && query.orders.get(0).descending()) {
			return descending(table, index, query.first, low, high, after);
		}
		int start = (after == null) ? low : Math.min(high, Math.max(low, index.rank((key) -> Key.ORDER.compare(key, after) > 0)));
		int end = Math.min(high, start + query.first);
		List<ObjectNode> items = new ArrayList<>(end - start);
		SortedIndex.Cursor<Key> keys = index.from(start);
		for (int i = start; i < end; i++) {
			ObjectNode entity = table.get(keys.next().id());
			if (entity != null) {
				items.add(entity);
			}
		}
		return new Window(items, high - low, start > low, end < high);
	}

	/** @return the cursor's place in the index: its value in the index's form, and its id */
	private static Key after(V100Query query, String cursor, Kind kind) {
		List<JsonNode> keys = V100Cursors.decode(query, cursor);
		JsonNode value = keys.get(0);
		return new Key(value.isNull() ? null : stored(kind, value.asString()), keys.get(keys.size() - 1).asString());
	}

	/**
	 * A page in the field's order the other way round, from the highest value down, entities
	 * with equal values in the order of their ids as in every order: the index's groups of
	 * equal values from the last to the first, each read forwards. Each group costs O(log n).
	 * @param low the rank of the first key the condition keeps
	 * @param high the rank after the last key the condition keeps
	 * @param after the cursor's place, or {@code null} for the first page
	 */
	private static Window descending(EntityTable table, SortedIndex<Key> index, int first, int low, int high, @Nullable Key after) {
		int end;
		int start;
		int position;
		boolean hasPrevious;
		if (after == null) {
			end = high;
			start = (end > low) ? groupStart(index, low, index.from(end - 1).next().value()) : low;
			position = start;
			hasPrevious = false;
		}
		else {
			String value = after.value();
			end = Math.max(low, Math.min(high, (value == null) ? index.rank((key) -> key.value() != null) : index.rank(above(value))));
			start = Math.min(end, groupStart(index, low, value));
			position = Math.min(end, Math.max(start, index.rank((key) -> Key.ORDER.compare(key, after) > 0)));
			hasPrevious = position > start || end < high;
		}
		List<ObjectNode> items = new ArrayList<>(Math.min(first, high - low));
		while (true) {
			SortedIndex.Cursor<Key> keys = index.from(position);
			for (; position < end && items.size() < first; position++) {
				ObjectNode entity = table.get(keys.next().id());
				if (entity != null) {
					items.add(entity);
				}
			}
			if (items.size() >= first || start <= low) {
				break;
			}
			end = start;
			start = groupStart(index, low, index.from(end - 1).next().value());
			position = start;
		}
		return new Window(items, high - low, hasPrevious, position < end || start > low);
	}

	/** @return the rank of the first key with this value, or {@code low} if that comes before */
	private static int groupStart(SortedIndex<Key> index, int low, @Nullable String value) {
		return Math.max(low, (value == null) ? 0 : index.rank(atLeast(value)));
	}

	/** @return the page from a pass over the entities, keeping only the page in order */
	private static Window scan(List<EntityTable> tables, V100Query query) {
		List<JsonNode> cursor = (query.after != null) ? V100Cursors.decode(query, query.after) : null;
		Comparator<JsonNode> order = query.comparator();
		PriorityQueue<ObjectNode> page = new PriorityQueue<>(query.first + 1, order.reversed());
		long total = 0;
		long before = 0;
		long after = 0;
		for (EntityTable table : tables) {
			for (ObjectNode entity : table.values()) {
				if (!query.matches(entity)) {
					continue;
				}
				total++;
				if (cursor != null && V100Cursors.compare(query, entity, cursor) <= 0) {
					before++;
					continue;
				}
				after++;
				page.add(entity);
				if (page.size() > query.first) {
					page.poll();
				}
			}
		}
		List<ObjectNode> items = new ArrayList<>(page);
		items.sort(order);
		return new Window(items, total, before > 0, after > query.first);
	}

	/** The legacy {@code limit} and {@code offset}: by rank in the default order, or in the list's order. */
	private static Window legacy(List<EntityTable> tables, V100Query query) {
		List<ObjectNode> items = new ArrayList<>();
		if (tables.size() == 1 && !query.isFiltered() && !query.isSorted() && tables.get(0).isIndexed("id")) {
			EntityTable table = tables.get(0);
			SortedIndex.Cursor<Key> keys = table.index("id").from(query.offset);
			while (items.size() < query.first && keys.hasNext()) {
				ObjectNode entity = table.get(keys.next().id());
				if (entity != null) {
					items.add(entity);
				}
			}
			return new Window(items, table.size(), false, false);
		}
		List<ObjectNode> matches = new ArrayList<>();
		for (EntityTable table : tables) {
			for (ObjectNode entity : table.values()) {
				if (query.matches(entity)) {
					matches.add(entity);
				}
			}
		}
		matches.sort(query.comparator());
		items.addAll(matches.subList(Math.min(query.offset, matches.size()),
				(int) Math.min(matches.size(), (long) query.offset + query.first)));
		return new Window(items, matches.size(), false, false);
	}

	/** @return a value in the form the index holds: date-times as stored, ids in lower case */
	private static String stored(Kind kind, String value) {
		if (kind == Kind.DATE_TIME) {
			var instant = Wire.V100.parse(value);
			return (instant != null) ? Wire.V100.format(instant) : value;
		}
		return value.toLowerCase(Locale.ROOT);
	}

	private static Predicate<Key> atLeast(String bound) {
		return (key) -> key.value() != null && key.value().compareTo(bound) >= 0;
	}

	private static Predicate<Key> above(String bound) {
		return (key) -> key.value() != null && key.value().compareTo(bound) > 0;
	}

	private Reply reply(long total, @Nullable ObjectNode pageInfo, List<ObjectNode> items, UnaryOperator<ObjectNode> render) {
		ObjectNode envelope = this.mapper.createObjectNode();
		envelope.put("success", true);
		envelope.put("total", total);
		if (pageInfo != null) {
			envelope.set("page_info", pageInfo);
		}
		String json = this.mapper.writeValueAsString(envelope);
		String head = json.substring(0, json.length() - 1) + ",\"data\":[";
		List<ObjectNode> rendered = items.stream().map(render).toList();
		return new Reply(200, Map.of(), null, rendered, head, "]}");
	}

}
