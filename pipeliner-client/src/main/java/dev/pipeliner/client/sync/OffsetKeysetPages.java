package dev.pipeliner.client.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.pipeliner.client.Entity;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pages of a read sorted by {@code modified}, then id, from a server that pages by offset
 * (v1): each page is asked afresh from the last key read, so that an entity changed during the
 * read, which moves to the end, shifts nothing that is still to come.
 * <p>
 * A page after the first asks for the entities modified at or after the last {@code modified}
 * read, from the position of the last entity read among them: the entities read at that same
 * time come first. The first entity of the answer must be that last entity; then the rest
 * follows it in the order, and nothing lies between. If it is not (an entity of that same time
 * changed, or one joined it), the read goes back to the first entity of that time and reads them
 * all again.
 */
final class OffsetKeysetPages {

	/** Where a read stands: the last key read, and how many entities of its time were read. */
	private record Position(@Nullable Instant from, @Nullable Instant modified, @Nullable String id, int sameTime) {

		Position after(List<Entity> entities, Function<Entity, Instant> modifiedOf) {
			Position position = this;
			for (Entity entity : entities) {
				Instant time = modifiedOf.apply(entity);
				int sameTime = time.equals(position.modified) ? position.sameTime + 1 : 1;
				position = new Position(position.from, time, entity.id(), sameTime);
			}
			return position;
		}

	}

	/** One answer: the entities new to the read, and where to go on from, or {@code null} at the end. */
	private record Step(List<Entity> entities, @Nullable Position next) {
	}

	/** Reads one page of the entities modified at or after an instant (all for {@code null}). */
	interface PageReader {

		Mono<List<Entity>> read(@Nullable Instant from, int offset, int limit);

	}

	private final PageReader reader;

	private final Function<Entity, Instant> modifiedOf;

	private final int pageSize;

	OffsetKeysetPages(PageReader reader, Function<Entity, Instant> modifiedOf, int pageSize) {
		this.reader = reader;
		this.modifiedOf = modifiedOf;
		this.pageSize = pageSize;
	}

	/**
	 * @param from the instant to read from, or {@code null} for all
	 * @return the entities of each page, new to the read, in order; no empty page
	 */
	Flux<List<Entity>> pages(@Nullable Instant from) {
		return step(new Position(from, null, null, 0))
			.expand((step) -> (step.next() != null) ? step(Objects.requireNonNull(step.next())) : Mono.empty())
			.map(Step::entities)
			.filter((entities) -> !entities.isEmpty());
	}

	private Mono<Step> step(Position position) {
		Instant modified = position.modified();
		if (modified == null) {
			return this.reader.read(position.from(), 0, this.pageSize)
				.map((entities) -> new Step(entities,
						(entities.size() < this.pageSize) ? null : position.after(entities, this.modifiedOf)));
		}
		return this.reader.read(modified, position.sameTime() - 1, this.pageSize + 1).map((entities) -> {
			if (entities.isEmpty() || !isAt(entities.get(0), position)) {
				return new Step(List.of(), new Position(modified, null, null, 0));
			}
			List<Entity> rest = entities.subList(1, entities.size());
			return new Step(rest, (rest.size() < this.pageSize) ? null : position.after(rest, this.modifiedOf));
		});
	}

	private boolean isAt(Entity entity, Position position) {
		return Objects.equals(entity.id(), position.id()) && this.modifiedOf.apply(entity).equals(position.modified());
	}

}
