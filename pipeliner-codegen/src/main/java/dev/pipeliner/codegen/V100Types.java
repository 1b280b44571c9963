package dev.pipeliner.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the records of the standard v100 entities from the contract: one source file per
 * entity in {@code dev.pipeliner.client.v100}, beside the package's hand-written sources. The
 * client's build runs it before it compiles:
 * <pre>
 * V100Types &lt;contract.json&gt; &lt;source directory&gt;
 * </pre>
 * A file is written only when its text changes, so that an unchanged contract leaves the
 * compiler nothing to do; a file of an entity the contract no longer has is removed.
 */
public final class V100Types {

	/** The entities of the contract that get no record, each with the reason. */
	static final Map<String, String> LEFT_OUT = Map.of("Entity",
			"its name is the client's own Entity, and getEntityPublic reads its collection", "Activity",
			"the contract gives it three properties: its collection answers with tasks and appointments");

	private V100Types() {
	}

	/**
	 * @param args the contract's path and the directory of the generated sources
	 * @throws IOException if the contract cannot be read or a source cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: V100Types <contract.json> <source directory>");
		}
		write(sources(Contract.read(Path.of(args[0]))), Path.of(args[1]));
	}

	/** @return the entities that get a record, in the contract's order */
	static List<EntityType> generated(Contract contract) {
		return contract.entities().stream().filter((entity) -> !LEFT_OUT.containsKey(entity.name())).toList();
	}

	/** @return the file name and source of each record */
	static Map<String, String> sources(Contract contract) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (EntityType entity : generated(contract)) {
			try {
				sources.put(entity.name() + ".java", RecordSource.of(entity));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("contract: " + entity.name() + ": " + ex.getMessage(), ex);
			}
		}
		return sources;
	}

	private static void write(Map<String, String> sources, Path root) throws IOException {
		Path directory = root.resolve(RecordSource.PACKAGE.replace('.', '/'));
		Files.createDirectories(directory);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path stale : files.filter((file) -> !sources.containsKey(file.getFileName().toString())).toList()) {
				Files.delete(stale);
			}
		}
		for (Map.Entry<String, String> source : sources.entrySet()) {
			Path file = directory.resolve(source.getKey());
			byte[] text = source.getValue().getBytes(StandardCharsets.UTF_8);
			if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), text)) {
				Files.write(file, text);
			}
		}
	}

}
