package dev.pipeliner.client.internal.paging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.internal.arguments.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a cursor read, each a piece of its own with the state of one read, so that any
 * reader of cursor pages (a stream, or several readers of parts of one result) applies the same.
 * Each throws a {@link PipelinerDecodingException} that says what the server did. None of them
 * takes an entity seen twice for a fault: with keyset cursors, an entity whose sort key changes
 * during the read sorts again after the cursor and is rightly read again. Not part of the public
 * API.
 */
final class CursorChecks {

	private CursorChecks() {
	}

	/** Every cursor answered is new: one answered before would read its entities again, or forever. */
	static final class Cursors {

		private final Set<String> seen = new HashSet<>();

		/** @param start the cursor the read starts from, which counts as answered, or {@code null} */
		Cursors(@Nullable String start) {
			if (start != null) {
				this.seen.add(start);
			}
		}

		void requireNew(String what, String cursor) {
			if (cursor.isBlank() || cursor.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
				throw new PipelinerDecodingException("Reading " + what + " stopped: the server answered the cursor "
						+ Arguments.quote(cursor) + ", which no request can carry back", null);
			}
			if (!this.seen.add(cursor)) {
				throw new PipelinerDecodingException("Reading " + what + " stopped: the server answered the cursor "
						+ Arguments.quote(cursor) + " a second time, so entities would be read twice", null);
			}
		}

	}

	/**
	 * A page is not the page before it again: the same entities with the same values answered for
	 * a new cursor mean the server ignores the cursor. An entity that sorts again after the cursor
	 * has changed, so a rightly repeated entity never makes two pages equal.
	 */
	static final class Repeats<T> {

		private @Nullable List<T> previous;

		void requireNotRepeated(String what, EntityPage<T> page, @Nullable String cursor) {
			if (page.items().isEmpty()) {
				return;
			}
			if (page.items().equals(this.previous)) {
				throw new PipelinerDecodingException("Reading " + what + " stopped: the server answered the same "
						+ page.items().size() + " entities for the cursor " + Arguments.quote(cursor)
						+ " as for the page before it, so it does not read on from the cursor", null);
			}
			this.previous = page.items();
		}

	}

	/**
	 * An empty page that says more follow is a page (a server may answer one for a part of the
	 * result that held nothing), but only so many in a row: a server that answers nothing but
	 * such pages would keep the read going forever.
	 */
	static final class EmptyPages {

		private final int max;

		private int inARow;

		/** @param max how many empty pages in a row are followed */
		EmptyPages(int max) {
			this.max = max;
		}

		void requireFew(String what, EntityPage<?> page) {
			if (!page.items().isEmpty() || page.continuationToken() == null) {
				this.inARow = 0;
				return;
			}
			if (++this.inARow > this.max) {
				throw new PipelinerDecodingException("Reading " + what + " stopped: the server answered " + this.inARow
						+ " empty pages in a row, each saying more entities follow", null);
			}
		}

	}

}
