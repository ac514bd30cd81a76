package dev.migrate.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin writes to {@code target/classes/META-INF/maven/plugin.xml}
 * during the build, read from the test class path: its goals, as a user of the plugin sees them.
 */
final class PluginXml {
    private PluginXml() {}

    /** A goal of the descriptor: its name, its class and its {@code <mojo>} element. */
    record Goal(String name, String implementation, Element mojo) {

        /** The text of the first child element of that name, or empty. */
        String text(String child) {
            return PluginXml.text(mojo, child);
        }

        /** Its {@code <parameter>} elements. */
        List<Element> parameters() {
            return children(child(mojo, "parameters"), "parameter");
        }

        /** The {@code <configuration>} element of the parameter of that name (expression and default), if any. */
        @Nullable
        Element configuration(String parameter) {
            Element configuration = child(mojo, "configuration");
            return configuration == null ? null : child(configuration, parameter);
        }
    }

    /** The goals of the plugin, in the descriptor's order. */
    static List<Goal> goals() throws Exception {
        Document document;
        try (InputStream in = descriptor().openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(in);
        }
        List<Goal> goals = new ArrayList<>();
        for (Element mojo : children(child(document.getDocumentElement(), "mojos"), "mojo")) {
            goals.add(new Goal(text(mojo, "goal"), text(mojo, "implementation"), mojo));
        }
        return goals;
    }

    /** The descriptor of this plugin: other jars on the class path have one of their own. */
    private static URL descriptor() throws IOException {
        for (URL url : Collections.list(PluginXml.class.getClassLoader().getResources("META-INF/maven/plugin.xml"))) {
            try (InputStream in = url.openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .contains("<goalPrefix>migrate</goalPrefix>")) {
                    return url;
                }
            }
        }
        throw new AssertionError("The plugin descriptor META-INF/maven/plugin.xml of migrate is not on the test class"
                + " path: run the tests through Maven (mvn -pl migrate-maven-plugin verify), whose"
                + " maven-plugin-plugin writes it to target/classes before the tests run.");
    }

    static String text(@Nullable Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().trim();
    }

    static @Nullable Element child(@Nullable Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(@Nullable Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
