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

    /**
     * {@code "agents"} or {@code "app.agents"}: a dot separates the schema from the name. A part in double
     * quotes, as SQL quotes an identifier, is taken as it stands inside them (a quote doubled inside is
     * one): {@code app."v1.agents"} is the table {@code v1.agents} of schema {@code app}, {@code
     * "public.ix_orders"} the index so named on the search path. A part without quotes is taken as it is
     * written, case and all; {@link #text()} spells any name so that this reads it back.
     */
    public static QualifiedName parse(String text) {
        Objects.requireNonNull(text, "name");
        int end = text.startsWith("\"") ? closingQuote(text) : -1;
        if (end > 0 && end == text.length() - 1) {
            return new QualifiedName(null, unquoted(text));
        }
        int dot = end > 0 && text.charAt(end + 1) == '.' ? end + 1 : end > 0 ? -1 : text.indexOf('.');
        if (dot < 0) {
            return new QualifiedName(null, text);
        }
        String schema = text.substring(0, dot);
        String name = text.substring(dot + 1);
        return new QualifiedName(
                end > 0 ? unquoted(schema) : schema,
                name.startsWith("\"") && closingQuote(name) == name.length() - 1 ? unquoted(name) : name);
    }

    public static QualifiedName of(@Nullable String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /**
     * The text {@link #parse} reads back as this name, for the shorthands that take names as text: {@code
     * app.agents}, and a part in double quotes where it holds a dot or starts with a quote ({@code
     * public."public.ix_orders"}). Other parts are written as they are, whatever their case.
     */
    public String text() {
        return schema == null ? spelled(name) : spelled(schema) + "." + spelled(name);
    }

    private static String spelled(String part) {
        return part.indexOf('.') >= 0 || part.startsWith("\"") ? "\"" + part.replace("\"", "\"\"") + "\"" : part;
    }

    /** The index of the quote that closes the identifier {@code text} opens with one, or -1. */
    private static int closingQuote(String text) {
        int i = 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String unquoted(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
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
