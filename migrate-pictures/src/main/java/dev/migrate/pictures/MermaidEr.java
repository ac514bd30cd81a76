package dev.migrate.pictures;

import dev.migrate.catalog.ObjectName;
import dev.migrate.sql.TypeSpelling;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mermaid {@code erDiagram} text: entity names, attribute words and relationship lines spelled so
 * that GitHub's Mermaid reads any PostgreSQL name and type.
 */
final class MermaidEr {
    /** What an attribute's type or name may hold in Mermaid; anything else goes in the comment. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-\\[\\]()]*");

    private final StringBuilder text = new StringBuilder("erDiagram\n");
    private final boolean qualified;

    /** @param qualified whether entities are named {@code schema.table} (tables of several schemas) */
    MermaidEr(boolean qualified) {
        this.qualified = qualified;
    }

    /** The entity's identifier: the name as Mermaid allows it. */
    String id(ObjectName table) {
        String name = qualified ? table.schema() + "__" + table.name() : table.name();
        String id = name.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isLetter(id.charAt(0)) ? id : "t_" + id;
    }

    private String label(ObjectName table) {
        return qualified ? table.toString() : table.name();
    }

    /** Opens an entity, with a label when the identifier is not the name. */
    void openEntity(ObjectName table, String suffix) {
        String id = id(table);
        String label = label(table) + suffix;
        text.append("    ").append(id);
        if (!id.equals(label)) {
            text.append("[\"").append(label.replace("\"", "'")).append("\"]");
        }
        text.append(" {\n");
    }

    /** An attribute line: {@code bigint customer_id FK "comment"}, the type spelled as people write it. */
    void attribute(String catalogType, String column, List<String> keys, String comment) {
        String type = TypeSpelling.written(catalogType);
        String typeWord = type.replace(' ', '_');
        String note = comment;
        if (!WORD.matcher(typeWord).matches()) {
            String base = typeWord.replaceAll("\\(.*", "").replaceAll("[^A-Za-z0-9_\\-\\[\\]]", "_");
            typeWord = base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "type" : base;
            note = note.isEmpty() ? type : type + ", " + note;
        }
        String name = column;
        if (!WORD.matcher(column).matches()) {
            name = column.replaceAll("[^A-Za-z0-9_]", "_");
            name = Character.isLetter(name.charAt(0)) ? name : "c_" + name;
            note = note.isEmpty() ? "column " + column : "column " + column + ", " + note;
        }
        text.append("        ").append(typeWord).append(' ').append(name);
        if (!keys.isEmpty()) {
            text.append(' ').append(String.join(", ", keys));
        }
        if (!note.isEmpty()) {
            text.append(" \"").append(note.replace("\"", "'")).append('"');
        }
        text.append('\n');
    }

    void closeEntity() {
        text.append("    }\n");
    }

    /**
     * A foreign key as a relationship, parent first: {@code customers ||..o| invoices : "fk"}. The
     * parent side is exactly one when every referencing column is NOT NULL, the child side at most one
     * when the referencing columns are unique; a key within the child's primary key is identifying
     * (two dashes), any other is not (two dots).
     */
    void relationship(ObjectName parent, ObjectName child, Cardinality cardinality, String name) {
        text.append("    ")
                .append(id(parent))
                .append(' ')
                .append(cardinality.parentRequired() ? "||" : "|o")
                .append(cardinality.identifying() ? "--" : "..")
                .append(cardinality.childUnique() ? "o|" : "o{")
                .append(' ')
                .append(id(child))
                .append(" : \"")
                .append(name.replace("\"", "'"))
                .append("\"\n");
    }

    /**
     * A view's line from what it reads, as a relationship that claims no cardinality:
     * {@code orders }o..o{ order_totals : "read by view"}.
     */
    void reads(ObjectName source, ObjectName view, String kind) {
        text.append("    ")
                .append(id(source))
                .append(" }o..o{ ")
                .append(id(view))
                .append(" : \"read by ")
                .append(kind)
                .append("\"\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
