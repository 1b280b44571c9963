package dev.pipeliner.client.internal.protocol;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.client.BatchFlag;
import dev.pipeliner.client.BatchResult;
import dev.pipeliner.client.EntityPage;
import dev.pipeliner.client.FieldInfo;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.internal.arguments.Arguments;
import dev.pipeliner.client.internal.http.QueryString;
import dev.pipeliner.client.query.Query;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * One version of the Pipeliner API on the wire: URLs, query encoding, paging tokens, bodies and
 * the forms of their values, answers and errors, for one account and one set of credentials.
 * The client's engines (paging, batching, observation) and its facade know nothing else of the
 * wire. Arguments are checked by the caller; what a protocol cannot express fails with an
 * {@link IllegalArgumentException} before anything is sent, and what it lacks with a
 * {@link dev.pipeliner.client.error.PipelinerUnsupportedOperationException}. Not part of the
 * public API.
 */
public interface Protocol {

	/** @return the API version this protocol speaks */
	PipelinerProtocol protocol();

	/** @return the protocol's name in messages: {@code v1} or {@code v100} */
	default String name() {
		return protocol().name().toLowerCase(java.util.Locale.ROOT);
	}

	/** @return the base URL of the account, such as {@code …/rest_services/v1/eu_myPipeline} */
	String baseUrl();

	/**
	 * @return what a request to this URL was, when it is a lookup that other operations need
	 * ({@code the entity-name lookup}), or {@code null}
	 */
	@Nullable String lookupAt(URI uri);

	/**
	 * @return what is probably wrong when the API's own paths are not found (a 404 for one of
	 * them: the protocol, the URL or the account), or {@code null} for any other failure
	 */
	@Nullable String hint(PipelinerApiException failure);

	/** @return the name of the id field of entities: {@code ID} or {@code id} */
	String idField();

	/**
	 * @return how request bodies write dates, times and booleans, and how the date-times of
	 * answers are read onto the java.time types
	 */
	JacksonModule values();

	/** @return the form of date-times in this protocol's answers, for messages */
	String dateTimeForm();

	/** @return whether streams page by cursor; otherwise by offset */
	boolean pagesByCursor();

	/** @return the query parameters a stream sets on each page request */
	Set<String> pagingParameters();

	/**
	 * @return the query as this protocol sends it
	 * @throws IllegalArgumentException naming what the protocol cannot express
	 */
	QueryString query(Query query);

	/**
	 * @return the query as a stream's page requests carry it, before the paging parameters; its
	 * limit caps the stream, not a page
	 */
	default QueryString streamQuery(Query query) {
		return query(query);
	}

	/**
	 * @return how a stream of the query may be read in slices of a key that never changes, or
	 * {@code null} when slicing could change what the stream reads (a sort, a condition on the
	 * key, a raw query, fields loaded without the key) or the protocol does not page by cursor
	 * @throws IllegalArgumentException naming what the protocol cannot express
	 */
	default @Nullable Slicing slicing(Query query) {
		return null;
	}

	/**
	 * @throws IllegalArgumentException naming a flag, or a combination, that the operation
	 * cannot take on this protocol
	 */
	void checkFlags(Set<BatchFlag> flags, boolean delete);

	// Metadata

	Mono<List<String>> collections();

	/** @return whether the collections are the keys of {@link #entityPublic()}, so that the cached names answer */
	default boolean collectionsAreEntityNames() {
		return false;
	}

	/** @return collection (plural) to entity (singular) names; never empty */
	Mono<Map<String, String>> entityPublic();

	Mono<Map<Integer, String>> errorCodes();

	Mono<List<FieldInfo>> fields(EntityNames.Resolved names, QueryString query);

	Mono<Instant> serverUtcDateTime();

	Mono<URI> teamPipelineUrl();

	Mono<Integer> teamPipelineVersion();

	// Entities

	/** @return one page: the answer to {@code query} as it is */
	Mono<EntityPage<ObjectNode>> page(String collection, QueryString query);

	/**
	 * @param token where the page starts: {@code null} for the first page, else the
	 * continuation token of the page before
	 * @param size the most entities to ask for
	 * @param position the position of the page's first entity in the whole read, against which a
	 * protocol weighs an answer that does not say whether another page follows
	 * @return the page, with the token of the next one, or {@code null} after the last
	 */
	Mono<EntityPage<ObjectNode>> page(String collection, QueryString query, @Nullable String token, int size,
			long position);

	Mono<ObjectNode> one(String collection, String id);

	/**
	 * @param query what else to say of the entity: {@code expand}, {@code load-only},
	 * {@code include-deleted}; none of them is a filter, a sort or a limit
	 * @return the entity, read through the collection filtered by its id (the one-entity endpoint
	 * takes no parameters); a {@link dev.pipeliner.client.error.PipelinerNotFoundException} if the
	 * collection has none with that id
	 */
	Mono<ObjectNode> one(String collection, String id, QueryString query);

	/**
	 * @param items the entities a read filtered by id answered
	 * @return the entity with that id; none is a {@link PipelinerNotFoundException}, another one a
	 * {@link PipelinerDecodingException}, since the server did not read what was asked
	 */
	static Mono<ObjectNode> onlyOne(List<ObjectNode> items, String id, String idField, URI uri) {
		if (items.isEmpty()) {
			return Mono.error(new PipelinerNotFoundException(404, null, "the collection has no entity with the id "
					+ Arguments.quote(id), HttpMethod.GET, uri));
		}
		JsonNode found = items.get(0).get(idField);
		if (items.size() > 1 || found == null || !id.equals(found.asString())) {
			return Mono.error(new PipelinerDecodingException("GET " + Arguments.describe(uri) + " answered "
					+ items.size() + " entities for the id " + Arguments.quote(id) + ", not that one entity", null));
		}
		return Mono.just(items.get(0));
	}

	/** @return the id of the created entity */
	Mono<String> create(String collection, ObjectNode data);

	/** @return the id of the updated entity */
	Mono<String> update(String collection, String id, ObjectNode data);

	Mono<Void> delete(String collection, String id);

	/** @param inputIds the id of each item, {@code null} for a create */
	Mono<BatchResult> setEntities(EntityNames.Resolved names, Set<BatchFlag> flags, ArrayNode items,
			List<@Nullable String> inputIds);

	Mono<BatchResult> deleteEntities(EntityNames.Resolved names, Set<BatchFlag> flags, List<String> ids);

}
