package dev.pipeliner.emulator.internal.v100;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.pipeliner.emulator.internal.store.EntityTable;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import dev.pipeliner.emulator.internal.store.Wire;
import dev.pipeliner.emulator.internal.v100.V100Invalid.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a create or a partial update against the contract's input for the collection, and
 * builds the entity to store. Every problem of the body is reported at once: unknown and read-only
 * properties, values that do not fit their schema, and what a create requires but lacks. The
 * server sets the id, {@code created} (unless the input may carry it), {@code modified},
 * {@code is_deleted}, {@code is_delete_protected} and {@code revision}; each item of a relation
 * array gets an id, which its URI in answers names.
 * <p>
 * {@code validation-level}: 2 and 4 (only changed, only system fields) skip the check of what an
 * update leaves required; 8 allows read-only properties, {@code id} and {@code modified}
 * included, and ignores those the service derives; 16 changes nothing, as relations are not
 * checked.
 */
public final class V100Writes {

	static final int ONLY_CHANGED_FIELDS = 2;

	static final int ONLY_SYSTEM_FIELDS = 4;

	static final int OVERRIDE_READ_ONLY = 8;

	static final int ALLOW_DELETED_RELATION = 16;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final V100Clock clock;

	private final V100Checks checks;

	private final V100Contract contract;

	/** @param clock the clock that times the writes of one emulator */
	public V100Writes(Clock clock) {
		this.clock = new V100Clock(clock);
		this.contract = V100Contract.get();
		this.checks = new V100Checks(this.contract);
	}

	/**
	 * Loads entities into a space: a JSON object whose keys are collection or entity names and whose
	 * values are arrays of entities in v100 form, checked like creates with read-only fields allowed;
	 * an entity keeps the id, {@code created} and {@code modified} it brings.
	 * @throws IllegalArgumentException naming the collection and position of an entity that is not
	 * valid, and all that is wrong with it
	 */
	public void load(TeamPipelineData space, JsonNode seed) {
		if (!seed.isObject()) {
			throw new IllegalArgumentException("A seed must be a JSON object of collection names to arrays of entities");
		}
		space.lock().writeLock().lock();
		try {
			for (Map.Entry<String, JsonNode> entry : seed.properties()) {
				V100Type type = seedable(entry.getKey());
				if (type == null || !entry.getValue().isArray()) {
					throw new IllegalArgumentException("Seed key '" + entry.getKey() + "' must be a v100 collection or entity"
							+ " name that can be created in, with an array of entities");
				}
				EntityTable table = space.table(type.collection());
				int index = 0;
				for (JsonNode item : entry.getValue()) {
					String where = entry.getKey() + "[" + index++ + "]";
					if (!(item instanceof ObjectNode data)) {
						throw new IllegalArgumentException("Seed entity " + where + " is not a JSON object");
					}
					try {
						ObjectNode entity = create(type, data, OVERRIDE_READ_ONLY, (id) -> table.get(id) != null);
						table.put(entity.get("id").asString(), entity);
					}
					catch (V100Invalid ex) {
						throw new IllegalArgumentException("Seed entity " + where + " is not valid:" + ex.problems()
							.stream()
							.map((problem) -> " " + problem.message())
							.collect(Collectors.joining(";")), ex);
					}
				}
			}
		}
		finally {
			space.lock().writeLock().unlock();
		}
	}

	private @Nullable V100Type seedable(String name) {
		for (V100Type type : this.contract.types().values()) {
			if ((type.collection().equals(name) || type.entity().equals(name)) && type.create() != null
					&& !type.collection().equals(V100Metadata.FIELDS)) {
				return type;
			}
		}
		return null;
	}

	/**
	 * @param taken whether an id is already an entity's, for an id the body brings
	 * @return the entity to store
	 * @throws V100Invalid naming every field that is wrong
	 */
	ObjectNode create(V100Type type, ObjectNode body, int level, Predicate<String> taken) {
		V100Type.Input input = requireInput(type, type.create());
		List<Problem> problems = new ArrayList<>();
		Instant now = this.clock.next();
		ObjectNode entity = NODES.objectNode();
		entity.put("id", V100Clock.newId(now));
		JsonNode id = body.get("id");
		if (id != null) {
			if ((level & OVERRIDE_READ_ONLY) == 0) {
				problems.add(readOnly(type, "id"));
			}
			else if (!id.isString() || !V100Checks.isUuid(id.stringValue())) {
				problems.add(new Problem("id", false, "Field 'id' of " + type.entity() + " must be a UUID, but was " + id));
			}
			else if (taken.test(id.stringValue().toLowerCase(Locale.ROOT))) {
				problems.add(new Problem("id", false, type.entity() + " with id " + id.stringValue() + " already exists."));
			}
			else {
				entity.put("id", id.stringValue().toLowerCase(Locale.ROOT));
			}
		}
		String stamp = Wire.V100.format(now);
		entity.put("created", stamp).put("modified", stamp).put("is_deleted", false).put("is_delete_protected", false);
		copy(type, input, body, level, entity, problems);
		entity.put("revision", 1);
		required(type, entity, problems);
		return checked(entity, problems, entity.get("id").asString());
	}

	/**
	 * @return the entity to store in place of {@code existing}: it with the fields of {@code body}
	 * @throws V100Invalid naming every field that is wrong
	 */
	ObjectNode update(V100Type type, ObjectNode existing, ObjectNode body, int level) {
		V100Type.Input input = requireInput(type, type.update());
		List<Problem> problems = new ArrayList<>();
		ObjectNode entity = existing.deepCopy();
		ObjectNode changes = body.deepCopy();
		changes.remove("id");
		entity.put("modified", Wire.V100.format(this.clock.next()));
		copy(type, input, changes, level, entity, problems);
		entity.put("revision", existing.path("revision").asLong(0) + 1);
		if ((level & (ONLY_CHANGED_FIELDS | ONLY_SYSTEM_FIELDS)) == 0) {
			required(type, entity, problems);
		}
		return checked(entity, problems, entity.path("id").asString(null));
	}

	/**
	 * Deletes softly: moves the entity from its table to the deleted ones, which
	 * {@code include-deleted} reads, as {@link #deleted} leaves it; hold the space's write lock.
	 * @param id the id of an entity of {@code table}
	 */
	void delete(EntityTable table, EntityTable deleted, String id) {
		ObjectNode gone = table.remove(id);
		if (gone != null) {
			deleted.put(id, deleted(gone));
		}
	}

	/**
	 * @return what a delete leaves of an entity: it, with {@code is_deleted} true, modified now,
	 * at its next revision
	 */
	private ObjectNode deleted(ObjectNode existing) {
		ObjectNode entity = existing.deepCopy();
		entity.put("is_deleted", true).put("modified", Wire.V100.format(this.clock.next()));
		entity.put("revision", existing.path("revision").asLong(0) + 1);
		return entity;
	}

	/** Copies the properties of the body that the input accepts into the entity, or notes why not. */
	private void copy(V100Type type, V100Type.Input input, ObjectNode body, int level, ObjectNode entity,
			List<Problem> problems) {
		boolean override = (level & OVERRIDE_READ_ONLY) != 0;
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			if (name.equals("id")) {
				continue;
			}
			V100Property property = input.properties().get(name);
			if (property == null) {
				if (type.property(name) == null) {
					problems.add(new Problem(name, false, "Field '" + name + "' is not a field of " + type.entity()));
				}
				else if (!override || name.equals("revision")) {
					problems.add(readOnly(type, name));
				}
				else if (name.equals("created") || name.equals("modified")) {
					store(entity, Objects.requireNonNull(type.property(name)), field.getValue(), problems, type);
				}
				continue;
			}
			if (property.readOnly() && !override) {
				problems.add(readOnly(type, name));
				continue;
			}
			store(entity, property, field.getValue(), problems, type);
		}
	}

	private void store(ObjectNode entity, V100Property property, JsonNode value, List<Problem> problems, V100Type type) {
		List<String> wrong = this.checks.check(property.schema(), value, "Field '" + property.name() + "' of " + type.entity());
		wrong.forEach((message) -> problems.add(new Problem(property.name(), false, message)));
		if (!wrong.isEmpty() || property.name().equals("revision")) {
			return;
		}
		if (property.kind() == V100Property.Kind.DATE_TIME && value.isString()) {
			Instant instant = Wire.V100.parse(value.stringValue());
			entity.put(property.name(), (instant != null) ? Wire.V100.format(instant) : value.stringValue());
		}
		else if (property.isRelationList() && value.isArray()) {
			entity.set(property.name(), withIds(value));
		}
		else {
			entity.set(property.name(), value);
		}
	}

	/** @return the relation items, each with the id it brings or a new one */
	private JsonNode withIds(JsonNode items) {
		var array = NODES.arrayNode();
		for (JsonNode item : items) {
			if (item instanceof ObjectNode relation && !relation.path("id").isString()) {
				ObjectNode copy = relation.deepCopy();
				copy.put("id", V100Clock.newId(this.clock.next()));
				array.add(copy);
			}
			else {
				array.add(item);
			}
		}
		return array;
	}

	private static void required(V100Type type, ObjectNode entity, List<Problem> problems) {
		Set<String> reported = new LinkedHashSet<>();
		problems.forEach((problem) -> reported.add(problem.field()));
		for (String name : type.required()) {
			if (!reported.contains(name) && V100Checks.isMissing(entity.get(name))) {
				problems.add(new Problem(name, true, "Non-null field '" + name + "' of " + type.entity() + " is null or empty."));
			}
		}
	}

	private static Problem readOnly(V100Type type, String name) {
		return new Problem(name, false, "Field '" + name + "' of " + type.entity()
				+ " is read-only; validation-level=8 allows read-only fields");
	}

	private static ObjectNode checked(ObjectNode entity, List<Problem> problems, @Nullable String id) {
		if (!problems.isEmpty()) {
			throw new V100Invalid(problems, id);
		}
		return entity;
	}

	private static V100Type.Input requireInput(V100Type type, V100Type.@Nullable Input input) {
		if (input == null) {
			throw new IllegalStateException(type.collection() + " has no input of that kind in the contract");
		}
		return input;
	}

}
