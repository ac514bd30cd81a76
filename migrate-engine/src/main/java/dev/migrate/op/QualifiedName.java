package dev.migrate.op;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A possibly schema-qualified name of a table, type, sequence or index.
 *
 * @param schema the schema, or {@code null} for the search path
 * @param name the object's own name
 */
public record QualifiedName(@Nullable String schema, String name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An object name must not be empty.");
        }
    }

    /** {@code "agents"} or {@code "app.agents"}: a dot separates the schema from the name. */
    public static QualifiedName parse(String text) {
        Objects.requireNonNull(text, "name");
        int dot = text.indexOf('.');
        return dot < 0
                ? new QualifiedName(null, text)
                : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    public static QualifiedName of(@Nullable String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** The same schema, another name: an index or constraint lives in its table's schema. */
    public QualifiedName sibling(String otherName) {
        return new QualifiedName(schema, otherName);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
