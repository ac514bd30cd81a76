package dev.migrate.autogen.entity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The distributions that entities mapped in XML declare: in an {@code orm.xml} (or any mapping file of the
 * persistence unit), the {@code <description>} of an {@code <entity>} holding the annotation's form,
 *
 * <pre>{@code
 * <entity class="com.example.Order">
 *   <description>@Distributed(column = "customer_id", colocateWith = "customers")</description>
 *   <table name="orders"/>
 * </entity>
 * }</pre>
 *
 * or {@code @ReferenceTable}. The description is plain text to every JPA provider, which reads it and does
 * nothing with it, so the mapping file stays valid against the {@code orm} schema; other text may stand
 * beside the annotation's form. Its members are those of the annotations: {@code column}, {@code
 * colocateWith}, {@code shardCount}.
 */
final class OrmXmlDistributions {
    /** The mapping file every persistence unit has when it is there (JPA 2.2, section 8.2.1.6.2). */
    static final String DEFAULT_MAPPING_FILE = "META-INF/orm.xml";

    private static final Pattern DISTRIBUTED = Pattern.compile("@Distributed\\b\\s*(\\(([^)]*)\\))?");
    private static final Pattern REFERENCE = Pattern.compile("@ReferenceTable\\b(\\s*\\(\\s*\\))?");
    private static final Pattern MEMBER = Pattern.compile("\\s*(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|(\\d+))\\s*");
    /** Citus's default {@code citus.shard_count}, as {@code @Distributed} has it. */
    private static final int DEFAULT_SHARD_COUNT = 32;

    private OrmXmlDistributions() {}

    /** The distributions the entities of the mapping file {@code resource} (found by {@code loader}) declare. */
    static List<DeclaredDistribution> of(ClassLoader loader, String resource) {
        List<DeclaredDistribution> declared = new ArrayList<>();
        URL url = loader.getResource(resource);
        if (url == null) {
            return declared;
        }
        read(url, resource, declared);
        return declared;
    }

    /** The distributions the entities of the mapping file at {@code url} declare, {@code name} naming it. */
    static void read(URL url, String name, List<DeclaredDistribution> declared) {
        Document document;
        try (InputStream in = url.openStream()) {
            document = parser().parse(in);
        } catch (IOException | SAXException e) {
            throw new IllegalArgumentException(
                    "Could not read the mapping file " + name + " (" + url + ") for the distributions its entities"
                            + " declare: " + e.getMessage() + ". Fix the file's XML.",
                    e);
        }
        Element root = document.getDocumentElement();
        String pkg = text(child(root, "package"));
        NodeList entities = root.getElementsByTagNameNS("*", "entity");
        for (int i = 0; i < entities.getLength(); i++) {
            Element entity = (Element) entities.item(i);
            String description = text(child(entity, "description"));
            if (description.isEmpty()) {
                continue;
            }
            String className = entity.getAttribute("class");
            if (!pkg.isEmpty() && !className.contains(".")) {
                className = pkg + "." + className;
            }
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String entityName = entity.getAttribute("name").isEmpty() ? simple : entity.getAttribute("name");
            Element table = child(entity, "table");
            String schema = table == null ? "" : table.getAttribute("schema");
            String tableName = table == null ? "" : table.getAttribute("name");
            String where = "The <description> of the entity " + className + " in the mapping file " + name;
            Matcher reference = REFERENCE.matcher(description);
            Matcher distributed = DISTRIBUTED.matcher(description);
            boolean isReference = reference.find();
            boolean isDistributed = distributed.find();
            if (isReference) {
                declared.add(new DeclaredDistribution(
                        DeclaredDistribution.Kind.REFERENCE, className, entityName, schema, tableName, "", "", 1));
            }
            if (isDistributed) {
                Map<String, String> members = members(distributed.group(2), where);
                String column = members.getOrDefault("column", "");
                if (column.isEmpty()) {
                    throw new IllegalArgumentException(where + " says @Distributed without its column. Write it as"
                            + " @Distributed(column = \"customer_id\"), the distribution column as the database"
                            + " names it.");
                }
                int shardCount = DEFAULT_SHARD_COUNT;
                String shards = members.get("shardCount");
                if (shards != null) {
                    shardCount = Integer.parseInt(shards);
                }
                declared.add(new DeclaredDistribution(
                        DeclaredDistribution.Kind.DISTRIBUTED,
                        className,
                        entityName,
                        schema,
                        tableName,
                        column,
                        members.getOrDefault("colocateWith", ""),
                        shardCount));
            }
        }
    }

    /** The members of {@code @Distributed(...)}: {@code column}, {@code colocateWith}, {@code shardCount}. */
    private static Map<String, String> members(@Nullable String written, String where) {
        Map<String, String> members = new LinkedHashMap<>();
        if (written == null || written.isBlank()) {
            return members;
        }
        for (String part : written.split(",", -1)) {
            Matcher m = MEMBER.matcher(part);
            String member = m.matches() ? m.group(1) : null;
            boolean number = m.matches() && m.group(3) != null;
            boolean known = member != null
                    && (member.equals("shardCount") ? number : member.equals("column") || member.equals("colocateWith"))
                    && (member.equals("shardCount") || !number);
            if (!known) {
                throw new IllegalArgumentException(where + " says @Distributed(" + written.strip() + "), and '"
                        + part.strip() + "' is not one of its members. Write them as the annotation has them:"
                        + " @Distributed(column = \"customer_id\", colocateWith = \"customers\", shardCount = 32),"
                        + " colocateWith and shardCount optional.");
            }
            members.put(member, number ? m.group(3) : m.group(2));
        }
        return members;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured to read mapping files", e);
        }
    }

    private static @Nullable Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(@Nullable Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }
}
