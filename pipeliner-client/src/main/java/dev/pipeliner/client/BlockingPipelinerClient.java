package dev.pipeliner.client;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.query.Query;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operations of a {@link PipelinerClient} for code that runs a thread per request, such as a
 * Spring MVC application: each call waits for its answer and returns it, or throws the
 * {@link dev.pipeliner.client.error.PipelinerException} it failed with. Timeouts and retries are
 * those of the reactive client, so every call ends.
 * <p>
 * Do not call it from a reactive pipeline or an event-loop thread: Reactor refuses to block there
 * and throws {@link IllegalStateException}. Use the {@link PipelinerClient} instead.
 */
public final class BlockingPipelinerClient {

	private final PipelinerClient client;

	public BlockingPipelinerClient(PipelinerClient client) {
		this.client = Arguments.requireNonNull(client, "client");
	}

	/** @return the reactive client behind this one */
	public PipelinerClient reactive() {
		return this.client;
	}

	/** @see PipelinerClient#withCredentials(String, String) */
	public BlockingPipelinerClient withCredentials(String apiToken, String apiPassword) {
		return new BlockingPipelinerClient(this.client.withCredentials(apiToken, apiPassword));
	}

	/** @see PipelinerClient#withTeamPipeline(String) */
	public BlockingPipelinerClient withTeamPipeline(String teamPipeline) {
		return new BlockingPipelinerClient(this.client.withTeamPipeline(teamPipeline));
	}

	/** @see PipelinerClient#getCollections() */
	public List<String> getCollections() {
		return value(this.client.getCollections());
	}

	/** @see PipelinerClient#getEntityPublic() */
	public Map<String, String> getEntityPublic() {
		return value(this.client.getEntityPublic());
	}

	/** @see PipelinerClient#getErrorCodes() */
	public Map<Integer, String> getErrorCodes() {
		return value(this.client.getErrorCodes());
	}

	/** @see PipelinerClient#getFields(String, Query) */
	public List<FieldInfo> getFields(String entity, Query query) {
		return value(this.client.getFields(entity, query));
	}

	/** @see PipelinerClient#getFields(String) */
	public List<FieldInfo> getFields(String entity) {
		return value(this.client.getFields(entity));
	}

	/** @see PipelinerClient#getServerApiUtcDateTime() */
	public Instant getServerApiUtcDateTime() {
		return value(this.client.getServerApiUtcDateTime());
	}

	/** @see PipelinerClient#getTeamPipelineUrl() */
	public URI getTeamPipelineUrl() {
		return value(this.client.getTeamPipelineUrl());
	}

	/** @see PipelinerClient#getTeamPipelineVersion() */
	public int getTeamPipelineVersion() {
		return value(this.client.getTeamPipelineVersion());
	}

	/** @see PipelinerClient#getEntities(String, Query, Class) */
	public <T> EntityPage<T> getEntities(String entity, Query query, Class<T> type) {
		return value(this.client.getEntities(entity, query, type));
	}

	/** @see PipelinerClient#getEntities(String, Query) */
	public EntityPage<Entity> getEntities(String entity, Query query) {
		return value(this.client.getEntities(entity, query));
	}

	/**
	 * Every matching entity, fetched page by page as the stream is consumed. Close the stream
	 * (try-with-resources) if you stop before its end, so that the requests stop too.
	 * @see PipelinerClient#streamEntities(String, Query, Class)
	 */
	public <T> Stream<T> streamEntities(String entity, Query query, Class<T> type) {
		return this.client.streamEntities(entity, query, type).toStream();
	}

	/** @see #streamEntities(String, Query, Class) */
	public Stream<Entity> streamEntities(String entity, Query query) {
		return this.client.streamEntities(entity, query).toStream();
	}

	/**
	 * Every matching entity page by page, each with the continuation token that resumes the read
	 * after it, fetched as the stream is consumed. Store a page's token once its items are
	 * processed; after a restart, pass it here to read on exactly after that page. Close the
	 * stream if you stop before its end.
	 * @param continuationToken {@code null} to read from the beginning, else the
	 * {@link EntityPage#continuationToken()} of the page to read on after
	 * @see PagedFlux#byPage(String)
	 */
	public <T> Stream<EntityPage<T>> streamPages(String entity, Query query, @Nullable String continuationToken,
			Class<T> type) {
		PagedFlux<T> entities = this.client.streamEntities(entity, query, type);
		return ((continuationToken != null) ? entities.byPage(continuationToken) : entities.byPage()).toStream();
	}

	/** @see #streamPages(String, Query, String, Class) */
	public Stream<EntityPage<Entity>> streamPages(String entity, Query query, @Nullable String continuationToken) {
		return streamPages(entity, query, continuationToken, Entity.class);
	}

	/** @see PipelinerClient#getEntity(String, String, Query, Class) */
	public <T> T getEntity(String entity, String id, Query query, Class<T> type) {
		return value(this.client.getEntity(entity, id, query, type));
	}

	/** @see PipelinerClient#getEntity(String, String, Query) */
	public Entity getEntity(String entity, String id, Query query) {
		return value(this.client.getEntity(entity, id, query));
	}

	/** @see PipelinerClient#getEntity(String, String, Class) */
	public <T> T getEntity(String entity, String id, Class<T> type) {
		return value(this.client.getEntity(entity, id, type));
	}

	/** @see PipelinerClient#getEntity(String, String) */
	public Entity getEntity(String entity, String id) {
		return value(this.client.getEntity(entity, id));
	}

	/** @see PipelinerClient#setEntity(String, Object) */
	public String setEntity(String entity, Object data) {
		return value(this.client.setEntity(entity, data));
	}

	/** @see PipelinerClient#setEntities(String, Collection, BatchFlag...) */
	public BatchResult setEntities(String entity, Collection<?> items, BatchFlag... flags) {
		return value(this.client.setEntities(entity, items, flags));
	}

	/**
	 * Creates and updates items as they come, in batches of the batch size, and gives one outcome
	 * per item as its batch is answered, in input order. The items are read on a worker thread,
	 * never on the HTTP client's threads, so a stream that reads a file or a database may block.
	 * Close the returned stream if you stop before its end; the items not yet sent are not sent.
	 * @param items the entity data, as {@link #setEntity} takes it; read once
	 * @param flags {@link BatchFlag#IGNORE_ON_ERROR} or {@link BatchFlag#IGNORE_AND_RETURN_ERRORS}
	 * is required: a stream cannot be all or nothing
	 * @see PipelinerClient#setEntities(String, org.reactivestreams.Publisher, BatchFlag...)
	 */
	public Stream<BatchResult.Outcome> setEntities(String entity, Stream<?> items, BatchFlag... flags) {
		Arguments.requireNonNull(items, "items");
		return this.client.setEntities(entity, fromWorker(Flux.fromStream(items)), flags).toStream();
	}

	/**
	 * Like {@link #setEntities(String, Stream, BatchFlag...)}, for items that are not a
	 * {@link Collection}; a collection is sent by {@link #setEntities(String, Collection, BatchFlag...)}
	 * and answered as one {@link BatchResult}.
	 */
	public Stream<BatchResult.Outcome> setEntities(String entity, Iterable<?> items, BatchFlag... flags) {
		Arguments.requireNonNull(items, "items");
		return this.client.setEntities(entity, fromWorker(Flux.fromIterable(items)), flags).toStream();
	}

	/**
	 * Deletes entities as their ids come, in batches of the batch size, with one outcome per id
	 * as its batch is answered, in input order; the ids are read on a worker thread.
	 * @param flags {@link BatchFlag#IGNORE_ON_ERROR} or {@link BatchFlag#IGNORE_AND_RETURN_ERRORS}
	 * is required
	 * @see PipelinerClient#deleteEntities(String, org.reactivestreams.Publisher, BatchFlag...)
	 */
	public Stream<BatchResult.Outcome> deleteEntities(String entity, Stream<String> ids, BatchFlag... flags) {
		Arguments.requireNonNull(ids, "ids");
		return this.client.deleteEntities(entity, fromWorker(Flux.fromStream(ids)), flags).toStream();
	}

	/** Like {@link #deleteEntities(String, Stream, BatchFlag...)}, for ids that are not a {@link Collection}. */
	public Stream<BatchResult.Outcome> deleteEntities(String entity, Iterable<String> ids, BatchFlag... flags) {
		Arguments.requireNonNull(ids, "ids");
		return this.client.deleteEntities(entity, fromWorker(Flux.fromIterable(ids)), flags).toStream();
	}

	/** @return the items, pulled from their source on a worker that may block, never on an event loop */
	private static <T> Flux<T> fromWorker(Flux<T> items) {
		return items.subscribeOn(Schedulers.boundedElastic());
	}

	/** @see PipelinerClient#deleteEntity(String, String) */
	public void deleteEntity(String entity, String id) {
		this.client.deleteEntity(entity, id).block();
	}

	/** @see PipelinerClient#deleteEntities(String, Collection, BatchFlag...) */
	public BatchResult deleteEntities(String entity, Collection<String> ids, BatchFlag... flags) {
		return value(this.client.deleteEntities(entity, ids, flags));
	}

	/** @return what a call completes with; a call that completes completes with a value, or fails */
	private static <T> T value(Mono<T> call) {
		T value = call.block();
		if (value == null) {
			throw new IllegalStateException("A Pipeliner call completed without a value");
		}
		return value;
	}

	/** @return the reactive client's description; never the credentials */
	@Override
	public String toString() {
		return "Blocking" + this.client;
	}

}
