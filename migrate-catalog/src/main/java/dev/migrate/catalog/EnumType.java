package dev.migrate.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An enum type with its labels in sort order (the order {@code <} uses, not alphabetical).
 *
 * @param usedOutside what depends on the type besides the tables read with it, as PostgreSQL
 *     describes each ({@code column rating of table legacy_reviews}, {@code type mood_domain}): columns
 *     of excluded tables or of other schemas, domains, views, functions. A diff leaves such a type in
 *     place, since PostgreSQL refuses to drop it while they exist.
 */
public record EnumType(String schema, String name, List<String> labels, List<String> usedOutside)
        implements Serializable {
    public EnumType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        // a schema snapshot serialized before this component existed reads it as null
        usedOutside = usedOutside == null ? List.of() : List.copyOf(usedOutside);
    }

    /** A type nothing outside the tables read with it uses. */
    public EnumType(String schema, String name, List<String> labels) {
        this(schema, name, labels, List.of());
    }

    public ObjectName qualifiedName() {
        return ObjectName.of(schema, name);
    }

    /** The same type, used by {@code dependants} outside the tables read with it. */
    public EnumType usedBy(List<String> dependants) {
        return new EnumType(schema, name, labels, dependants);
    }
}
