package dev.pipeliner.sample;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles as shown, imports included,
 * against the sample application's test class path. A failure names the file and line of the
 * block, and javac's message.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)");

	/**
	 * Blocks known not to compile yet, as file and first line; each must still fail, so that the
	 * list shrinks as they are fixed. Empty: every block compiles.
	 */
	private static final Set<String> KNOWN_NOT_COMPILING = Set.of();

	@Test
	void everyJavaSnippetInTheDocumentationCompiles(@TempDir Path output) throws IOException {
		List<Snippet> snippets = new ArrayList<>();
		snippets.addAll(snippets(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			for (Path page : docs.filter((path) -> path.toString().endsWith(".md")).sorted().toList()) {
				snippets.addAll(snippets(page));
			}
		}
		assertThat(snippets).as("java snippets found").hasSizeGreaterThan(10);

		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> failures = new ArrayList<>();
		List<String> stillFailing = new ArrayList<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
			files.setLocation(StandardLocation.CLASS_PATH, classPath());
			for (Snippet snippet : snippets) {
				Path classes = Files.createDirectories(output.resolve("s" + snippet.line() + "_" + snippet.hashCode()));
				files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
				DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
				boolean compiled = compiler
					.getTask(new StringWriter(), files, diagnostics, List.of("-proc:none", "-Xlint:none", "--release", "17"),
							null, List.of(snippet.source()))
					.call();
				boolean known = KNOWN_NOT_COMPILING.contains(snippet.file() + "|" + snippet.firstLine());
				if (known) {
					if (compiled) {
						stillFailing.add(snippet.where() + " compiles now: remove it from KNOWN_NOT_COMPILING");
					}
				}
				else if (!compiled) {
					failures.add(snippet.where() + " does not compile:\n" + report(snippet, diagnostics));
				}
			}
		}
		assertThat(failures).as("snippets that do not compile").isEmpty();
		assertThat(stillFailing).isEmpty();
	}

	private static String report(Snippet snippet, DiagnosticCollector<JavaFileObject> diagnostics) {
		StringBuilder report = new StringBuilder();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
				report.append("    ")
					.append(snippet.file())
					.append(':')
					.append(snippet.line() + diagnostic.getLineNumber())
					.append(": ")
					.append(diagnostic.getMessage(Locale.ROOT))
					.append('\n');
			}
		}
		return report.toString();
	}

	/** The ```java blocks of a page, each with the line of its opening fence. */
	private static List<Snippet> snippets(Path page) throws IOException {
		List<String> lines = Files.readAllLines(page);
		String name = ROOT.relativize(page).toString().replace(File.separatorChar, '/');
		List<Snippet> snippets = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("```java")) {
				int start = i;
				StringBuilder code = new StringBuilder();
				for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
					code.append(lines.get(i)).append('\n');
				}
				snippets.add(new Snippet(name, start + 1, code.toString()));
			}
		}
		return snippets;
	}

	/** The test class path, also when Surefire hands it over in a manifest-only jar. */
	private static List<File> classPath() throws IOException {
		List<File> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			File file = new File(entry);
			entries.add(file);
			if (file.getName().startsWith("surefirebooter") && file.getName().endsWith(".jar")) {
				try (JarFile jar = new JarFile(file)) {
					Manifest manifest = jar.getManifest();
					String manifestPath = manifest.getMainAttributes().getValue("Class-Path");
					for (String url : manifestPath.split(" ")) {
						if (!url.isBlank()) {
							entries.add(new File(URI.create(new URL(file.toURI().toURL(), url).toString())));
						}
					}
				}
			}
		}
		return entries;
	}

	private record Snippet(String file, int line, String code) {

		String where() {
			return this.file + ":" + this.line;
		}

		String firstLine() {
			return this.code.lines().findFirst().orElse("").strip();
		}

		JavaFileObject source() {
			Matcher type = PUBLIC_TYPE.matcher(this.code);
			String name = type.find() ? type.group(1) : "Snippet";
			return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return Snippet.this.code;
				}
			};
		}

	}

}
