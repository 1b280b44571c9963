package dev.pipeliner.emulator.internal.v100;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.pipeliner.emulator.internal.http.Reply;
import dev.pipeliner.emulator.internal.store.ApiError;
import dev.pipeliner.emulator.internal.store.EntityTable;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page of a v100 list: {@code {"success":true,"total":n,"page_info":{…},"data":[…]}}, with
 * {@code page_info} before {@code data}, or without {@code page_info} for the legacy
 * {@code limit}/{@code offset}.
 * <p>
 * Cursors are base64 of a JSON array, {@code ["s:<sequence>","<id>"]} in the default (insertion)
 * order and {@code ["o:<index>","<id>"]} in an {@code order-by} order. In the default order a page
 * resumes right after the entity its cursor names, by sequence number, so it costs
 * O(page + log n) without a filter, however far the reader is; entities created or deleted in
 * between neither shift nor repeat it. A filter, or an {@code order-by}, costs a pass over the
 * collection.
 */
final class V100Lists {

	private final ObjectMapper mapper;

	V100Lists(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Reads one page; hold the team pipeline's read lock.
	 * @param render turns a stored entity into the form answered
	 */
	Reply page(EntityTable table, V100Query query, UnaryOperator<ObjectNode> render) {
		List<ObjectNode> items = new ArrayList<>();
		List<String> cursors = new ArrayList<>();
		long total;
		boolean hasPrevious;
		boolean hasNext;
		if (query.offset >= 0) {
			total = legacy(table, query, items);
			return reply(total, null, items, render);
		}
		if (query.isSorted()) {
			List<ObjectNode> matches = matches(table, query);
			matches.sort(query.comparator());
			int start = (query.after == null) ? 0 : (int) Math.min(decode(query.after, "o:") + 1, matches.size());
			int end = Math.min(matches.size(), start + query.first);
			for (int i = start; i < end; i++) {
				items.add(matches.get(i));
				cursors.add(encode("o:" + i, matches.get(i)));
			}
			total = matches.size();
			hasPrevious = start > 0;
			hasNext = end < matches.size();
		}
		else {
			long after = (query.after == null) ? -1 : decode(query.after, "s:");
			EntityTable.Cursor cursor = table.afterSequence(after);
			while (items.size() < query.first && cursor.hasNext()) {
				ObjectNode entity = cursor.next();
				if (query.matches(entity)) {
					items.add(entity);
					cursors.add(encode("s:" + cursor.lastSequence(), entity));
				}
			}
			hasNext = false;
			while (!hasNext && cursor.hasNext()) {
				hasNext = query.matches(cursor.next());
			}
			total = query.isFiltered() ? matches(table, query).size() : table.size();
			hasPrevious = after >= 0 && anyUpTo(table, query, after);
		}
		ObjectNode pageInfo = this.mapper.createObjectNode();
		pageInfo.put("start_cursor", cursors.isEmpty() ? null : cursors.get(0));
		pageInfo.put("end_cursor", cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
		pageInfo.put("has_previous_page", hasPrevious);
		pageInfo.put("has_next_page", hasNext);
		return reply(total, pageInfo, items, render);
	}

	private long legacy(EntityTable table, V100Query query, List<ObjectNode> items) {
		if (!query.isFiltered() && !query.isSorted()) {
			EntityTable.Cursor cursor = table.fromRank(query.offset);
			while (items.size() < query.first && cursor.hasNext()) {
				items.add(cursor.next());
			}
			return table.size();
		}
		List<ObjectNode> matches = matches(table, query);
		matches.sort(query.comparator());
		items.addAll(matches.subList(Math.min(query.offset, matches.size()),
				(int) Math.min(matches.size(), (long) query.offset + query.first)));
		return matches.size();
	}

	private static List<ObjectNode> matches(EntityTable table, V100Query query) {
		List<ObjectNode> matches = new ArrayList<>();
		for (ObjectNode entity : table.values()) {
			if (query.matches(entity)) {
				matches.add(entity);
			}
		}
		return matches;
	}

	/** @return whether a matching entity has a sequence number up to {@code sequence} */
	private static boolean anyUpTo(EntityTable table, V100Query query, long sequence) {
		EntityTable.Cursor cursor = table.fromRank(0);
		while (cursor.hasNext()) {
			ObjectNode entity = cursor.next();
			if (cursor.lastSequence() > sequence) {
				return false;
			}
			if (query.matches(entity)) {
				return true;
			}
		}
		return false;
	}

	private Reply reply(long total, @Nullable ObjectNode pageInfo, List<ObjectNode> items,
			UnaryOperator<ObjectNode> render) {
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

	private String encode(String position, ObjectNode entity) {
		String json = this.mapper.writeValueAsString(
				this.mapper.createArrayNode().add(position).add(entity.path("id").asString()));
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private long decode(String cursor, String kind) {
		try {
			JsonNode array = this.mapper.readTree(Base64.getDecoder().decode(cursor.trim()));
			String position = array.get(0).asString();
			if (!position.startsWith(kind)) {
				throw invalidCursor(cursor, "it belongs to a list in another order");
			}
			return Long.parseLong(position.substring(kind.length()));
		}
		catch (IllegalArgumentException | JacksonException | NullPointerException ex) {
			throw invalidCursor(cursor, "it is not a cursor this API gave");
		}
	}

	private static ApiError invalidCursor(String cursor, String why) {
		String shown = (cursor.length() > 60) ? cursor.substring(0, 60) + "…" : cursor;
		return ApiError.badRequest(ApiError.INVALID_QUERY, "after '" + shown + "' is not valid: " + why);
	}

}
