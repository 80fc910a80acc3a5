package org.tabula.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user of the published artifacts relies on, checked on the jars and POMs this build made
 * (runs in the integration-test phase, after every other module's package phase). A module is
 * published unless its POM sets {@code maven.deploy.skip}; each published jar module must have a
 * main, -sources and -javadoc jar with LICENSE, an Automatic-Module-Name and reproducible entry
 * times, and must be listed in tabula-bom.
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("tabula.root", "..")).normalize();
    private static final String VERSION = System.getProperty("tabula.version");
    private static final FileTime OUTPUT_TIME =
            FileTime.from(Instant.parse(System.getProperty("tabula.outputTimestamp")));

    /** A module of the root POM, read from its own POM. */
    record Module(String dir, Element pom) {
        String artifactId() {
            return child(pom, "artifactId");
        }

        String packaging() {
            String p = child(pom, "packaging");
            return p == null ? "jar" : p;
        }

        String property(String name) {
            Element props = element(pom, "properties");
            return props == null ? null : child(props, name);
        }

        boolean published() {
            return !"true".equals(property("maven.deploy.skip"));
        }

        Path jar(String classifier) {
            return ROOT.resolve(dir).resolve("target")
                    .resolve(artifactId() + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
        }
    }

    @Test
    void everyPublishedJarHasItsSourcesJavadocLicenceAndModuleName() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        List<Module> jars = modules().stream().filter(Module::published).filter(m -> m.packaging().equals("jar")).toList();
        assertFalse(jars.isEmpty());
        for (Module m : jars) {
            String moduleName = m.property("tabula.module.name");
            assertNotNull(moduleName, m.dir() + "/pom.xml sets no tabula.module.name");
            try (JarFile jar = open(m.jar(""))) {
                assertEquals(moduleName, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), m.dir());
                assertEquals(license, new String(jar.getInputStream(entry(jar, "META-INF/LICENSE")).readAllBytes()), m.dir());
                entry(jar, "META-INF/NOTICE");
                assertReproducible(jar);
            }
            // The module system accepts the name and every package of the jar.
            ModuleDescriptor descriptor = ModuleFinder.of(m.jar("")).findAll().iterator().next().descriptor();
            assertEquals(moduleName, descriptor.name());
            assertTrue(descriptor.isAutomatic());
            try (JarFile sources = open(m.jar("sources"))) {
                entry(sources, "META-INF/LICENSE");
                assertTrue(sources.stream().anyMatch(e -> e.getName().endsWith(".java") || e.getName().endsWith(".kt")),
                        m.jar("sources") + " has no source file");
                assertReproducible(sources);
            }
            try (JarFile javadoc = open(m.jar("javadoc"))) {
                entry(javadoc, "index.html");
                assertReproducible(javadoc);
            }
        }
        assertEquals("org.tabula", module("dsl-java").property("tabula.module.name"),
                "RecordMapper's and Mapper's messages tell users to open their packages to org.tabula");
    }

    @Test
    void theBomListsEveryPublishedModuleAtTheProjectVersion() throws IOException {
        Element bom = read(ROOT.resolve("bom/pom.xml"));
        assertEquals(VERSION, child(bom, "version"));
        assertEquals(null, element(bom, "parent"), "an imported BOM would bring its parent's dependencyManagement");
        Set<String> listed = new TreeSet<>();
        for (Element d : children(element(element(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("org.tabula", child(d, "groupId"));
            assertEquals("${project.version}", child(d, "version"), child(d, "artifactId"));
            listed.add(child(d, "artifactId"));
        }
        Set<String> published = new TreeSet<>();
        for (Module m : modules()) {
            if (m.published() && m.packaging().equals("jar")) {
                published.add(m.artifactId());
            }
        }
        assertEquals(published, listed);
    }

    @Test
    void theMetadataCentralAsksForIsInTheParentAndTheBom() throws IOException {
        Element parent = read(ROOT.resolve("pom.xml"));
        Element bom = read(ROOT.resolve("bom/pom.xml"));
        for (String field : List.of("url", "description")) {
            assertNotNull(child(parent, field), field);
            assertNotNull(child(bom, field), field);
        }
        assertEquals(child(parent, "url"), child(bom, "url"));
        for (String section : List.of("licenses", "developers", "scm")) {
            assertEquals(text(element(parent, section)), text(element(bom, section)), section);
        }
        assertTrue(text(element(parent, "licenses")).contains("Apache-2.0"));
        for (Module m : modules()) {
            if (m.published()) {
                assertNotNull(child(m.pom(), "name"), m.dir());
                assertNotNull(child(m.pom(), "description"), m.dir());
            }
        }
    }

    @Test
    void centralPublishingSkipsExactlyTheModulesThatSkipDeploy() throws IOException {
        Element parent = read(ROOT.resolve("pom.xml"));
        Set<String> excluded = new TreeSet<>();
        NodeList artifacts = parent.getElementsByTagName("excludeArtifacts");
        assertEquals(1, artifacts.getLength());
        for (Element a : children((Element) artifacts.item(0), "artifact")) {
            excluded.add(a.getTextContent().trim());
        }
        Set<String> unpublished = new TreeSet<>();
        for (Module m : modules()) {
            if (!m.published()) {
                unpublished.add(m.artifactId());
                assertEquals("true", m.property("maven.source.skip"), m.dir());
                assertEquals("true", m.property("maven.javadoc.skip"), m.dir());
            }
        }
        assertEquals(unpublished, excluded);
    }

    @Test
    void driversAndJsonLibrariesStayTheUsersChoice() throws IOException {
        List<String> choices = List.of("org.xerial:sqlite-jdbc", "com.mysql:mysql-connector-j", "org.postgresql:postgresql",
                "com.fasterxml.jackson.core:jackson-databind", "org.jetbrains.kotlinx:kotlinx-serialization-json-jvm");
        for (Module m : modules()) {
            if (!m.published() || element(m.pom(), "dependencies") == null) {
                continue;
            }
            for (Element d : children(element(m.pom(), "dependencies"), "dependency")) {
                String ga = child(d, "groupId") + ":" + child(d, "artifactId");
                if (choices.contains(ga)) {
                    String scope = child(d, "scope");
                    assertTrue("true".equals(child(d, "optional")) || "test".equals(scope) || "provided".equals(scope),
                            m.dir() + " forces " + ga + " on its users");
                }
            }
        }
    }

    private static void assertReproducible(JarFile jar) {
        for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            assertEquals(OUTPUT_TIME.toInstant(), entry.getLastModifiedTime().toInstant(),
                    jar.getName() + "!" + entry.getName() + " is not at project.build.outputTimestamp");
        }
    }

    private static JarFile open(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        return new JarFile(jar.toFile());
    }

    private static ZipEntry entry(JarFile jar, String name) {
        ZipEntry e = jar.getEntry(name);
        assertNotNull(e, jar.getName() + " has no " + name);
        return e;
    }

    private static Module module(String dir) throws IOException {
        return modules().stream().filter(m -> m.dir().equals(dir)).findFirst().orElseThrow();
    }

    private static List<Module> modules() throws IOException {
        List<Module> out = new ArrayList<>();
        for (Element m : children(element(read(ROOT.resolve("pom.xml")), "modules"), "module")) {
            String dir = m.getTextContent().trim();
            out.add(new Module(dir, read(ROOT.resolve(dir).resolve("pom.xml"))));
        }
        return out;
    }

    private static Element read(Path pom) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            return doc.getDocumentElement();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(pom + ": " + e.getMessage(), e);
        }
    }

    /** The direct child element {@code name} of {@code parent}, or null. */
    private static Element element(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String child(Element parent, String name) {
        Element e = element(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ").trim();
    }
}
