package dev.pipeliner.client.internal.protocol;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the names users write, singular ({@code Contact}) or plural ({@code Contacts}), to the
 * collection and entity names the endpoints take, from the account's {@code entityPublic}
 * answer (v1) or {@code Entities} collection (v100). Plurals are irregular, so they are never
 * derived by rule. Not part of the public API.
 */
public final class EntityNames {

	/**
	 * The two names of one entity type.
	 * @param collection the plural, for collection endpoints ({@code Contacts})
	 * @param entity the singular, for batch endpoints and getFields ({@code Contact})
	 */
	public record Resolved(String collection, String entity) {
	}

	private final Map<String, String> entityPublic;

	private final Map<String, Resolved> byName = new HashMap<>();

	private final Map<String, Resolved> byLowerCaseName = new HashMap<>();

	/**
	 * @param entityPublic collection plural to entity name, as {@code GET /entityPublic} answers
	 */
	public EntityNames(Map<String, String> entityPublic) {
		this.entityPublic = Collections.unmodifiableMap(new LinkedHashMap<>(entityPublic));
		entityPublic.forEach((collection, entity) -> {
			Resolved resolved = new Resolved(collection, entity);
			for (String name : new String[] { collection, entity }) {
				this.byName.putIfAbsent(name, resolved);
				this.byLowerCaseName.putIfAbsent(name.toLowerCase(Locale.ROOT), resolved);
			}
		});
	}

	/** @return the {@code entityPublic} answer these names come from */
	public Map<String, String> entityPublic() {
		return this.entityPublic;
	}

	/**
	 * @param name a singular or plural name, in the server's spelling or in any case
	 * @return both names; a name that {@code entityPublic} does not list, as it is written, for
	 * both
	 */
	public Resolved resolve(String name) {
		Resolved resolved = this.byName.get(name);
		if (resolved == null) {
			resolved = this.byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
		}
		// a name entityPublic does not list (a custom entity, say) goes to the server as it is written
		return (resolved != null) ? resolved : new Resolved(name, name);
	}

}
