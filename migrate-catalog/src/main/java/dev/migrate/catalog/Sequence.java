package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sequence that is not an identity column's (those belong to {@link ColumnIdentity}).
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
        @Nullable ColumnRef ownedBy,
        boolean inUse)
        implements Serializable {

    public Sequence {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    /**
     * The largest value of {@code smallint}, {@code integer} or {@code bigint}: the default MAXVALUE of
     * an ascending sequence or identity column of that type (bigint's for any other type name).
     */
    public static long typeMax(String dataType) {
        return switch (dataType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** Equal when the definitions are: whether a sequence has been used is state, not schema. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s
                && schema.equals(s.schema)
                && name.equals(s.name)
                && dataType.equals(s.dataType)
                && start == s.start
                && increment == s.increment
                && min == s.min
                && max == s.max
                && cache == s.cache
                && cycle == s.cycle
                && Objects.equals(ownedBy, s.ownedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, name, dataType, start, increment, min, max, cache, cycle, ownedBy);
    }

    public ObjectName qualifiedName() {
        return ObjectName.of(schema, name);
    }
}
