package dev.migrate.runtime;

import dev.migrate.JdbcWork;
import java.util.List;

/**
 * What one direction of one migration does, in order: SQL statements and, online only, JDBC work.
 *
 * @param checksum the {@link Checksum} of the operations the migration asked for
 */
record Script(List<Part> parts, String checksum) {
    Script {
        parts = List.copyOf(parts);
    }

    /** One piece of a script. */
    sealed interface Part permits Statement, Jdbc {}

    record Statement(String sql) implements Part {}

    record Jdbc(JdbcWork work) implements Part {}

    /** The checksum in its first format, over the rendered SQL, to recognise values stored by earlier versions. */
    String legacyChecksum() {
        return Checksum.legacy(parts.stream().map(p -> p instanceof Statement s ? s.sql() : "<jdbc>").toList());
    }
}
