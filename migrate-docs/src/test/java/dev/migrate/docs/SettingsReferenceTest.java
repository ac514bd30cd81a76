package dev.migrate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/reference/settings.md against the code: every parameter of the plugin's goals (its descriptor), option
 * of the command line ({@code CliOption}), property of the starter (its configuration metadata) and setter of
 * {@code Migrator.Builder} is documented there with that spelling, and nothing documented there is missing from
 * the code.
 */
class SettingsReferenceTest {
    private static final String HEADER = "| Maven | command line | Spring Boot | Java API |";

    private static final Set<String> documentedProperties = new TreeSet<>();
    private static final Set<String> documentedElements = new TreeSet<>();
    private static final Set<String> documentedOptions = new TreeSet<>();
    private static final Set<String> documentedSpring = new TreeSet<>();
    private static final Set<String> documentedBuilder = new TreeSet<>();

    @BeforeAll
    static void readTheReference() {
        List<String> lines = Manual.prose(Manual.read(Manual.ROOT.resolve("docs/reference/settings.md")));
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (!lines.get(i).strip().equals(HEADER)) {
                continue;
            }
            String[] cells = lines.get(i + 2).strip().split("\\|", -1);
            assertThat(cells).as("the spellings row after line %d", i + 1).hasSize(6);
            collect(cells[1], "`-Dmigrate\\.([\\w.]+)`", documentedProperties, "migrate.");
            collect(cells[1], "`<(\\w+)>`", documentedElements, "");
            collect(cells[2], "`--([a-z][a-z-]*)`", documentedOptions, "");
            collect(cells[3], "`(migrate\\.[a-z][a-z.-]*)`", documentedSpring, "");
            collect(cells[4], "`builder\\.(\\w+)\\(", documentedBuilder, "");
        }
        assertThat(documentedElements).as("settings found in settings.md").hasSizeGreaterThan(50);
    }

    private static void collect(String cell, String regex, Set<String> into, String prefix) {
        Matcher m = Pattern.compile(regex).matcher(cell);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }

    @Test
    void theMavenParametersAreTheDocumentedOnes() throws Exception {
        Set<String> elements = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        Document descriptor = pluginDescriptor();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (child(mojo, "goal").getTextContent().equals("help")) {
                continue; // Maven's generated help goal: described in docs/reference/goals.md
            }
            NodeList parameters = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (child(parameter, "editable").getTextContent().equals("false")) {
                    continue;
                }
                elements.add(child(parameter, "name").getTextContent());
            }
            NodeList configuration = child(mojo, "configuration").getChildNodes();
            for (int j = 0; j < configuration.getLength(); j++) {
                String expression = configuration.item(j).getTextContent().strip();
                if (configuration.item(j).getNodeType() == Node.ELEMENT_NODE && expression.startsWith("${migrate.")) {
                    properties.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        assertThat(documentedElements).as("<parameters> in settings.md").isEqualTo(elements);
        assertThat(documentedProperties)
                .as("-Dmigrate.* properties in settings.md")
                .isEqualTo(properties);
    }

    @Test
    void theCommandLineOptionsAreTheDocumentedOnes() throws Exception {
        Class<?> optionType = Class.forName("dev.migrate.cli.CliOption");
        Method name = optionType.getDeclaredMethod("optionName");
        name.setAccessible(true);
        Set<String> options = new TreeSet<>();
        for (Object option : optionType.getEnumConstants()) {
            options.add((String) name.invoke(option));
        }
        options.remove("help");
        assertThat(documentedOptions).as("--options in settings.md").isEqualTo(options);
    }

    @Test
    void theStarterPropertiesAreTheDocumentedOnes() throws IOException {
        String metadata = resource("META-INF/spring-configuration-metadata.json", "\"migrate.");
        int start = metadata.indexOf("\"properties\"");
        String properties = metadata.substring(
                start,
                metadata.indexOf("\"hints\"", start) < 0 ? metadata.length() : metadata.indexOf("\"hints\"", start));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(migrate\\.[^\"]+)\"").matcher(properties);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("the starter's properties").isNotEmpty();
        assertThat(documentedSpring).as("migrate.* properties in settings.md").isEqualTo(names);
    }

    @Test
    void theBuilderMethodsAreTheDocumentedOnes() {
        Set<String> methods = new TreeSet<>();
        Arrays.stream(Migrator.Builder.class.getMethods())
                .filter(m -> m.getReturnType() == Migrator.Builder.class && !Modifier.isStatic(m.getModifiers()))
                .forEach(m -> methods.add(m.getName()));
        assertThat(documentedBuilder)
                .as("Migrator.builder() methods in settings.md")
                .isEqualTo(methods);
    }

    private static Document pluginDescriptor() throws Exception {
        String xml = resource("META-INF/maven/plugin.xml", "<goalPrefix>migrate</goalPrefix>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        try (InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /** The class path resource of that name whose text contains the marker (several jars may have one). */
    private static String resource(String name, String marker) throws IOException {
        for (URL url :
                Collections.list(SettingsReferenceTest.class.getClassLoader().getResources(name))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains(marker)) {
                    return text;
                }
            }
        }
        throw new AssertionError(name + " of migrate is not on the class path");
    }
}
