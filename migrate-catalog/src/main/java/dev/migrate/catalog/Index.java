package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index that does not back a constraint.
 *
 * @param method the access method: {@code btree}, {@code hash}, {@code gin}, {@code gist}, {@code brin}, ...
 * @param keys one entry per key part, as SQL text: a column as its (quoted when needed) identifier
 *     or an expression as {@code pg_get_indexdef} shows it, followed by a non-default operator class,
 *     {@code DESC} and {@code NULLS FIRST}/{@code NULLS LAST} when they differ from the default
 * @param includeColumns the {@code INCLUDE (...)} columns, unquoted names
 * @param where the predicate of a partial index, or {@code null}
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} (PostgreSQL 15+; always {@code false} before)
 * @param definition the whole statement as {@code pg_get_indexdef} gives it, for anything the other
 *     fields do not capture (tablespace)
 * @param storage the storage parameters ({@code WITH (fillfactor = 70)}) by name, as
 *     {@code pg_class.reloptions} holds them, in its order (compared as a map, spelled in that order); empty
 *     for the method's defaults
 */
public record Index(
        String name,
        boolean unique,
        String method,
        List<String> keys,
        List<String> includeColumns,
        @Nullable String where,
        boolean nullsNotDistinct,
        String definition,
        Map<String, String> storage)
        implements Serializable {

    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        keys = List.copyOf(keys);
        includeColumns = List.copyOf(includeColumns);
        Objects.requireNonNull(definition, "definition");
        storage = Collections.unmodifiableMap(new LinkedHashMap<>(storage));
    }

    /** An index with the method's default storage parameters. */
    public Index(
            String name,
            boolean unique,
            String method,
            List<String> keys,
            List<String> includeColumns,
            @Nullable String where,
            boolean nullsNotDistinct,
            String definition) {
        this(name, unique, method, keys, includeColumns, where, nullsNotDistinct, definition, Map.of());
    }

    /** The same index, its keys, included columns, predicate and definition as given (a rename, a respelling). */
    public Index rewritten(List<String> keys, List<String> includeColumns, @Nullable String where, String definition) {
        return new Index(name, unique, method, keys, includeColumns, where, nullsNotDistinct, definition, storage);
    }
}
