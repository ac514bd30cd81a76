package dev.migrate.internal.runtime;

import dev.migrate.JdbcWork;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one direction of one migration asks for, in order: operations and, online only, JDBC work.
 * The SQL is rendered only when {@link #parts()} is first asked for: verifying the checksum of an
 * applied migration needs the operations, never their SQL.
 */
final class Script {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final List<Request> requests;
    private final String checksum;
    /** The rendered parts, once rendered; the thread recording ahead may render them first. */
    private volatile List<Part> parts;

    /**
     * @param requests the operations and JDBC work, in the order the migration asked for them
     * @param checksum the {@link Checksum} of the operations the migration asked for
     */
    Script(List<Request> requests, String checksum) {
        this.requests = List.copyOf(requests);
        this.checksum = checksum;
    }

    /** The {@link Checksum} of the operations the migration asked for. */
    String checksum() {
        return checksum;
    }

    /** One thing a migration asked for. */
    sealed interface Request permits Ask, Jdbc {}

    /** An operation, rendered to SQL when the script runs. */
    record Ask(Op op) implements Request {}

    /** One piece of a rendered script. */
    sealed interface Part permits Statement, Jdbc {}

    /**
     * One SQL statement.
     *
     * @param op the operation it was rendered from, or {@code null} when it comes from nowhere else
     */
    record Statement(String sql, @Nullable Op op) implements Part {}

    record Jdbc(JdbcWork work) implements Part, Request {}

    /** The statements and JDBC work to run, in order. */
    List<Part> parts() {
        List<Part> rendered = parts;
        if (rendered == null) {
            rendered = render();
            parts = rendered;
        }
        return rendered;
    }

    private List<Part> render() {
        List<Part> parts = new ArrayList<>();
        for (Request request : requests) {
            if (request instanceof Ask ask) {
                for (String sql : DIALECT.render(ask.op())) {
                    parts.add(new Statement(sql, ask.op()));
                }
            } else {
                parts.add((Jdbc) request);
            }
        }
        return List.copyOf(parts);
    }

    /** The checksum in its first format, over the rendered SQL, to recognise values stored by earlier versions. */
    String legacyChecksum() {
        return Checksum.legacy(parts().stream()
                .map(p -> p instanceof Statement s ? s.sql() : "<jdbc>")
                .toList());
    }
}
