package dev.migrate.autogen.schema;

import java.io.Serializable;
import java.util.Objects;

/**
 * A sequence that is not an identity column's (those belong to {@link Identity}).
 *
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 * @param ownedBy the column that owns it ({@code OWNED BY}, as {@code serial} makes), or {@code null}
 * @param inUse whether {@code nextval} was ever called (or cannot be known): its START then changes nothing
 */
public record Sequence(
        String schema,
        String name,
        String dataType,
        long start,
        long increment,
        long min,
        long max,
        long cache,
        boolean cycle,
        ColumnRef ownedBy,
        boolean inUse) implements Serializable {

    public Sequence {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    public QualifiedName qualifiedName() {
        return QualifiedName.of(schema, name);
    }
}
