package dev.pipeliner.client.internal.v100;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.Transport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a v100 list answer, {@code {"success":true,"total":N,"page_info":{…},"data":[…]}}, into a
 * page whose continuation token is the cursor of the next page, or {@code null} after the last.
 * <ul>
 * <li>{@code has_next_page: true} with an {@code end_cursor}: that cursor, even on an empty page,
 * which the OpenAPI document's examples answer too. Without a cursor the read could not go on:
 * a decoding failure.</li>
 * <li>{@code has_next_page: false}: the last page, whatever cursor it carries.</li>
 * <li>No {@code page_info}, which the service leaves out when the legacy {@code limit} and
 * {@code offset} are used, or one without {@code has_next_page}: the answer is not a page of a
 * cursor read, and its {@code total} decides. When it says no more entities remain, the page is
 * the last; when it says more do, the read follows the {@code end_cursor} if the answer has one,
 * and fails with a decoding failure that says what the server did if not. A page read on its
 * own ({@code getEntities}) is given as it is, with the cursor if there is one.</li>
 * </ul>
 * Not part of the public API.
 */
final class V100Pages {

	/** The position of a page read on its own, which no read follows. */
	static final long ALONE = -1;

	private final Transport transport;

	V100Pages(Transport transport) {
		this.transport = transport;
	}

	/**
	 * @param answer the success envelope
	 * @param position the position of the page's first entity in the read, or {@link #ALONE}
	 */
	EntityPage<ObjectNode> read(ObjectNode answer, URI uri, long position) {
		JsonNode data = answer.get("data");
		if (data == null || !data.isArray()) {
			throw new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered data that is not"
					+ " a JSON array", null);
		}
		List<ObjectNode> items = new ArrayList<>(data.size());
		for (JsonNode item : data) {
			items.add(requireObject(item, uri));
		}
		JsonNode total = answer.get("total");
		long count = (total != null && total.isIntegralNumber()) ? total.longValue() : -1;
		return new EntityPage<>(items, 0, items.size() - 1, count, next(answer.get("page_info"), items.size(), count,
				position, uri));
	}

	private static @Nullable String next(@Nullable JsonNode info, int items, long total, long position, URI uri) {
		JsonNode more = (info != null) ? info.get("has_next_page") : null;
		String cursor = (info != null && info.isObject()) ? V100Errors.text(info.get("end_cursor")) : null;
		if (cursor != null && cursor.isBlank()) {
			cursor = null;
		}
		if (more != null && more.isBoolean()) {
			if (more.booleanValue() && cursor == null) {
				throw new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered has_next_page"
						+ " without an end_cursor, so the read could not go on", null);
			}
			return more.booleanValue() ? cursor : null;
		}
		if (position == ALONE) {
			return cursor;
		}
		boolean remain = total >= 0 && position + items < total;
		if (remain && cursor == null) {
			throw new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered "
					+ ((info == null) ? "no page_info, as for a read by limit and offset," : "a page_info without"
							+ " has_next_page and end_cursor,")
					+ " while its total says " + total + " entities match and " + (position + items)
					+ " have been read: the read cannot go on", null);
		}
		return remain ? cursor : null;
	}

	ObjectNode requireObject(@Nullable JsonNode json, URI uri) {
		if (!(json instanceof ObjectNode object)) {
			throw new PipelinerDecodingException(Arguments.describe(uri) + " answered an entity that is not a"
					+ " JSON object: " + this.transport.shown(json), null);
		}
		return object;
	}

}
