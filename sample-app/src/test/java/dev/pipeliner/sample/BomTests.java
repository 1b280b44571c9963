package dev.pipeliner.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pipeliner-bom manages every published module of the build, at the build's version.
 */
class BomTests {

	private static final Set<String> NOT_PUBLISHED = Set.of("sample-app", "pipeliner-bom", "benchmarks",
			"pipeliner-codegen");

	@Test
	void theBomManagesEveryPublishedModuleAtTheBuildsVersion() throws Exception {
		Document parent = read(Path.of("..", "pom.xml"));
		Document bom = read(Path.of("..", "pipeliner-bom", "pom.xml"));

		List<String> published = new ArrayList<>();
		for (String module : texts(parent.getDocumentElement(), "module")) {
			if (!NOT_PUBLISHED.contains(module)) {
				published.add(module);
			}
		}
		assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
		assertThat(texts(bom.getDocumentElement(), "artifactId")).containsAll(published);
		assertThat(published).contains("pipeliner-client", "pipeliner-spring-boot-starter");
	}

	private static Document read(Path path) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path.toFile());
	}

	private static List<String> texts(Element root, String tag) {
		NodeList nodes = root.getElementsByTagName(tag);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent().trim());
		}
		return texts;
	}

	private static String child(Element root, String tag) {
		NodeList children = root.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
				return element.getTextContent().trim();
			}
		}
		return null;
	}

}
