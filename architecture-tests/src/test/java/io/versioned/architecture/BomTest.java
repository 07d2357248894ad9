package io.versioned.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code versioned-bom} manages the version of every published module (those whose {@code maven.deploy.skip} is not
 * set) and nothing else, and does not inherit the parent's dependency management; every published module sets its
 * {@code Automatic-Module-Name}.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesExactlyThePublishedModulesAtTheProjectVersion() throws Exception {
        Document bom = read(ROOT.resolve("versioned-bom/pom.xml"));
        Set<String> managed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "groupId")).isEqualTo("io.versioned");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            managed.add(text(dependency, "artifactId"));
        }

        assertThat(bom.getElementsByTagName("parent").getLength()).as("no parent: nothing inherited leaks").isZero();
        assertThat(text(bom.getDocumentElement(), "version"))
                .isEqualTo(text(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version"));
        assertThat(managed).isEqualTo(publishedModules());
    }

    @Test
    void everyPublishedModuleNamesItsAutomaticModule() throws Exception {
        for (String module : modules()) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            if (pom.getElementsByTagName("automatic.module.name").getLength() == 0) {
                assertThat(text(pom.getDocumentElement(), "packaging")).as(module).isEqualTo("pom");
            }
        }
    }

    private static Set<String> publishedModules() throws Exception {
        Set<String> published = new TreeSet<>();
        for (String module : modules()) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            NodeList skip = pom.getElementsByTagName("maven.deploy.skip");
            boolean skipped = skip.getLength() > 0 && "true".equals(skip.item(0).getTextContent().strip());
            String artifactId = text(pom.getDocumentElement(), "artifactId");
            if (!skipped && !artifactId.equals("versioned-bom")) {
                published.add(artifactId);
            }
        }
        return published;
    }

    private static List<String> modules() throws Exception {
        NodeList modules = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().strip());
        }
        assertThat(names).contains("versioned-bom", "versioned-api");
        return names;
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).isRegularFile();
        try (var in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** The text of the direct child {@code name} of {@code element}, or empty when there is none. */
    private static String text(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
