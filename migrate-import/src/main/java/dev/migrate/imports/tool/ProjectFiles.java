package dev.migrate.imports.tool;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files where a project keeps an old tool's settings, read the same way for Flyway and Liquibase: the pom (its
 * properties and a plugin's {@code <configuration>}), properties files, and Spring's or Quarkus's
 * {@code application.properties} and {@code application.yml}.
 */
public final class ProjectFiles {
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private ProjectFiles() {}

    /**
     * A project's pom: its {@code <properties>} (with {@code basedir} and {@code project.basedir}) and its
     * {@code <project>} element.
     */
    public record Pom(Map<String, String> properties, Element project) {
        public Pom {
            properties = Map.copyOf(properties);
        }

        /**
         * The pom of the project in {@code projectDir}, or {@code null} when it has none.
         *
         * @throws MigrateException naming the pom when it is not well-formed XML
         */
        public static @Nullable Pom read(Path projectDir) {
            Path pom = projectDir.resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                return null;
            }
            Document document;
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                DocumentBuilder builder = factory.newDocumentBuilder();
                document = builder.parse(pom.toFile());
            } catch (ParserConfigurationException | SAXException | IOException e) {
                throw new MigrateException(
                        "The pom " + pom + " could not be read: " + e.getMessage()
                                + ". Check that it is well-formed XML.",
                        e);
            }
            Element project = document.getDocumentElement();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("project.basedir", projectDir.toAbsolutePath().toString());
            properties.put("basedir", projectDir.toAbsolutePath().toString());
            Element props = child(project, "properties");
            if (props != null) {
                for (Element property : children(props)) {
                    properties.put(
                            property.getTagName(), property.getTextContent().strip());
                }
            }
            return new Pom(properties, project);
        }

        /** The {@code <configuration>} of each plugin {@code artifactId} the pom declares, in its order. */
        public List<Element> pluginConfigurations(String artifactId) {
            List<Element> found = new ArrayList<>();
            NodeList plugins = project.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                Element artifact = child(plugin, "artifactId");
                if (artifact == null || !artifact.getTextContent().strip().equals(artifactId)) {
                    continue;
                }
                Element configuration = child(plugin, "configuration");
                if (configuration != null) {
                    found.add(configuration);
                }
            }
            return found;
        }

        /** {@code value} with Maven's {@code ${...}} replaced from the pom's properties; unknown ones are kept. */
        public String resolve(String value) {
            Matcher m = PROPERTY_REFERENCE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2);
                String referenced = properties.get(name);
                m.appendReplacement(out, Matcher.quoteReplacement(referenced != null ? referenced : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** The child element {@code name} of {@code parent}, or {@code null}. */
    public static @Nullable Element child(Element parent, String name) {
        return children(parent).stream()
                .filter(e -> e.getTagName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The child elements of {@code parent}, in order. */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /**
     * A properties file as a map, by name.
     *
     * @param what how a message names the file ("The Flyway settings file")
     * @throws MigrateException naming the file when it cannot be read
     */
    public static Map<String, String> properties(Path file, String what) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new MigrateException(
                    what + " " + file + " could not be read: " + e.getMessage()
                            + ". Check that it is a readable properties file.",
                    e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /**
     * The YAML documents of a Spring or Quarkus settings file that apply without a profile, flattened to dotted
     * keys; lists joined with commas.
     *
     * @throws MigrateException naming the file when it is not valid YAML
     */
    public static Map<String, String> yaml(Path file) {
        Map<String, String> flat = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                Map<String, String> one = new LinkedHashMap<>();
                flatten("", document, one);
                if (!one.containsKey("spring.config.activate.on-profile") && !one.containsKey("spring.profiles")) {
                    flat.putAll(one);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(
                    "The Spring settings file " + file + " could not be read as YAML: " + e.getMessage()
                            + ". Check that it is valid YAML.",
                    e);
        }
        return flat;
    }

    private static void flatten(String prefix, @Nullable Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, out));
        } else if (node instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null && !prefix.isEmpty()) {
            out.put(prefix, String.valueOf(node));
        }
    }

    /**
     * Every entry of a Spring or Quarkus settings file with its {@code ${name:default}} references resolved: another
     * property of the file, else the default.
     */
    public static Map<String, String> resolved(Map<String, String> raw) {
        Map<String, String> resolved = new LinkedHashMap<>();
        raw.forEach((key, value) -> resolved.put(key, springValue(value, raw)));
        return resolved;
    }

    private static String springValue(String value, Map<String, String> properties) {
        Matcher m = PROPERTY_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String referenced = properties.get(m.group(1));
            String replacement = referenced != null && !referenced.contains("${")
                    ? referenced
                    : m.group(2) != null ? m.group(2) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The Spring Boot and Quarkus settings of the project's {@code src/main/resources}: {@code application.properties}
     * then {@code application.yml} and {@code application.yaml}, later files winning, each file's name in
     * {@code sources}.
     */
    public static Map<String, String> applicationSettings(Path projectDir, List<String> sources) {
        Map<String, String> all = new LinkedHashMap<>();
        Path resources = projectDir.resolve("src/main/resources");
        Path properties = resources.resolve("application.properties");
        if (Files.isRegularFile(properties)) {
            all.putAll(resolved(properties(properties, "The Spring settings file")));
            sources.add(projectDir.relativize(properties).toString());
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yaml = resources.resolve(name);
            if (Files.isRegularFile(yaml)) {
                all.putAll(resolved(yaml(yaml)));
                sources.add(projectDir.relativize(yaml).toString());
            }
        }
        return all;
    }
}
