package dev.pipeliner.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the build's main code has a {@code package-info.java} that says what the
 * package is for and marks it {@code @NullMarked}, so that NullAway checks it and Kotlin and IDEs
 * read its nullness.
 */
class PackageInfoTests {

	private static final List<String> MODULES = List.of("pipeliner-codegen", "pipeliner-client",
			"pipeliner-spring-boot-autoconfigure", "pipeliner-emulator", "sample-app", "benchmarks");

	@Test
	void everyPackageSaysWhatItIsForAndIsNullMarked() throws IOException {
		List<Path> packages = packages();

		assertThat(packages).as("packages found").hasSizeGreaterThan(15);
		for (Path dir : packages) {
			Path info = dir.resolve("package-info.java");
			assertThat(info).as("package-info.java of " + dir).exists();
			String text = Files.readString(info);
			assertThat(text).as(info.toString()).contains("@NullMarked", "import org.jspecify.annotations.NullMarked;");
			assertThat(text.substring(0, text.indexOf("@NullMarked"))).as("the description in " + info)
				.matches("(?s)\\s*/\\*\\*\\s*\\*\\s+\\S.*\\*/\\s*");
		}
	}

	/** The folders of the main sources that hold Java classes. */
	private static List<Path> packages() throws IOException {
		Stream<Path> folders = Stream.empty();
		for (String module : MODULES) {
			Path sources = Path.of("..", module, "src", "main", "java");
			if (Files.isDirectory(sources)) {
				folders = Stream.concat(folders, Files.walk(sources).filter(Files::isDirectory).toList().stream());
			}
		}
		return folders.filter(PackageInfoTests::holdsClasses).toList();
	}

	private static boolean holdsClasses(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.anyMatch((file) -> file.toString().endsWith(".java")
					&& !file.getFileName().toString().equals("package-info.java"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
