package dev.migrate.runtime;

import dev.migrate.JdbcWork;
import dev.migrate.op.Op;
import dev.migrate.sql.PostgresDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * What one direction of one migration asks for, in order: operations and, online only, JDBC work.
 * The SQL is rendered only when {@link #parts()} is asked for it: verifying the checksum of an
 * applied migration needs the operations, never their SQL.
 *
 * @param requests the operations and JDBC work, in the order the migration asked for them
 * @param checksum the {@link Checksum} of the operations the migration asked for
 */
record Script(List<Request> requests, String checksum) {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    Script {
        requests = List.copyOf(requests);
    }

    /** One thing a migration asked for. */
    sealed interface Request permits Ask, Jdbc {}

    /** An operation, rendered to SQL when the script runs. */
    record Ask(Op op) implements Request {}

    /** One piece of a rendered script. */
    sealed interface Part permits Statement, Jdbc {}

    record Statement(String sql) implements Part {}

    record Jdbc(JdbcWork work) implements Part, Request {}

    /** The statements and JDBC work to run, in order. */
    List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        for (Request request : requests) {
            if (request instanceof Ask ask) {
                for (String sql : DIALECT.render(ask.op())) {
                    parts.add(new Statement(sql));
                }
            } else {
                parts.add((Jdbc) request);
            }
        }
        return parts;
    }

    /** The checksum in its first format, over the rendered SQL, to recognise values stored by earlier versions. */
    String legacyChecksum() {
        return Checksum.legacy(parts().stream().map(p -> p instanceof Statement s ? s.sql() : "<jdbc>").toList());
    }
}
