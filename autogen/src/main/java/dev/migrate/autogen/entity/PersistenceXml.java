package dev.migrate.autogen.entity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the {@code META-INF/persistence.xml} files a class loader finds say of a persistence unit. */
final class PersistenceXml {
    private PersistenceXml() {}

    /** The {@code <mapping-file>}s of the persistence unit {@code unit}, as written; none when no file defines it. */
    static List<String> mappingFiles(ClassLoader loader, String unit) {
        List<String> files = new ArrayList<>();
        Enumeration<URL> found;
        try {
            found = loader.getResources("META-INF/persistence.xml");
        } catch (IOException e) {
            throw new IllegalStateException("Could not look for META-INF/persistence.xml: " + e.getMessage(), e);
        }
        while (found.hasMoreElements()) {
            URL url = found.nextElement();
            Document document = parse(url);
            NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
            for (int i = 0; i < units.getLength(); i++) {
                Element element = (Element) units.item(i);
                if (!unit.equals(element.getAttribute("name"))) {
                    continue;
                }
                NodeList mappings = element.getElementsByTagNameNS("*", "mapping-file");
                for (int j = 0; j < mappings.getLength(); j++) {
                    files.add(mappings.item(j).getTextContent().strip());
                }
            }
        }
        return files;
    }

    private static Document parse(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException(
                    "Could not read " + url + " for the mapping files of its persistence units: " + e.getMessage()
                            + ". Fix the file's XML.",
                    e);
        }
    }
}
