package dev.migrate.internal.runtime.script;

import dev.migrate.JdbcWork;
import dev.migrate.MigrateException;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.text.Fixes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one direction of one migration asks for, in order: operations and, online only, JDBC work.
 * The SQL is rendered only when {@link #parts()} is first asked for: verifying the checksum of an
 * applied migration needs the operations, never their SQL.
 */
public final class Script {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final String revision;
    private final List<Request> requests;
    private final String checksum;
    /** The rendered parts, once rendered; the thread recording ahead may render them first. */
    private volatile @Nullable List<Part> parts;

    /**
     * @param revision the revision whose migration asked for them
     * @param requests the operations and JDBC work, in the order the migration asked for them
     * @param checksum the {@link Checksum} of the operations the migration asked for
     */
    Script(String revision, List<Request> requests, String checksum) {
        this.revision = revision;
        this.requests = List.copyOf(requests);
        this.checksum = checksum;
    }

    /** The {@link Checksum} of the operations the migration asked for. */
    public String checksum() {
        return checksum;
    }

    /** Whether the migration asked for operations only, no JDBC work: the same script for every database. */
    boolean operationsOnly() {
        return requests.stream().noneMatch(Jdbc.class::isInstance);
    }

    /** One thing a migration asked for. */
    sealed interface Request permits Ask, Jdbc {}

    /** An operation, rendered to SQL when the script runs. */
    record Ask(Op op) implements Request {}

    /** One piece of a rendered script. */
    public sealed interface Part permits Statement, Jdbc {}

    /**
     * One SQL statement.
     *
     * @param op the operation it was rendered from, or {@code null} when it comes from nowhere else
     */
    public record Statement(String sql, @Nullable Op op) implements Part {}

    public record Jdbc(JdbcWork work) implements Part, Request {}

    /** The statements and JDBC work to run, in order. */
    public List<Part> parts() {
        List<Part> rendered = parts;
        if (rendered == null) {
            rendered = render();
            parts = rendered;
        }
        return rendered;
    }

    /** The JDBC work the migration asked for, in order; nothing is rendered. */
    List<Jdbc> jdbcWork() {
        return requests.stream()
                .filter(Jdbc.class::isInstance)
                .map(Jdbc.class::cast)
                .toList();
    }

    /**
     * The operations the script renders, in order, an online change as its start half (as {@link #parts()} renders
     * it); its JDBC work left out. Nothing is rendered: for what reads the operations, not their SQL.
     */
    public List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        for (Request request : requests) {
            if (request instanceof Ask ask && ask.op() instanceof OnlineOp.Online online) {
                ops.addAll(online.start(revision));
            } else if (request instanceof Ask ask) {
                ops.add(ask.op());
            }
        }
        List<OnlineChange> changes = changes();
        if (!changes.isEmpty()) {
            ops.add(new OnlineOp.CreateVersionViews(revision, changes));
        }
        return List.copyOf(ops);
    }

    /** The SQL of the parts, which are all statements: the phases of online changes, which run no JDBC code. */
    public List<String> statements() {
        return parts().stream().map(part -> ((Statement) part).sql()).toList();
    }

    /**
     * The parts in order. An online change gives its start half (its expand phase); after the last
     * request, a script with online changes makes the revision's schema of views.
     */
    private List<Part> render() {
        List<Part> parts = new ArrayList<>();
        for (Request request : requests) {
            if (request instanceof Ask ask && ask.op() instanceof OnlineOp.Online online) {
                online.start(revision).forEach(op -> render(op, parts));
            } else if (request instanceof Ask ask) {
                render(ask.op(), parts);
            } else {
                parts.add((Jdbc) request);
            }
        }
        List<OnlineChange> changes = changes();
        if (!changes.isEmpty()) {
            render(new OnlineOp.CreateVersionViews(revision, changes), parts);
        }
        return List.copyOf(parts);
    }

    private static void render(Op op, List<Part> parts) {
        for (String sql : DIALECT.render(op)) {
            parts.add(new Statement(sql, op));
        }
    }

    /** Whether the migration makes online changes: its upgrade is an expand phase, {@code complete} its contract. */
    public boolean online() {
        return !changes().isEmpty();
    }

    /** The online changes, in order. */
    public List<OnlineChange> changes() {
        return onlines().stream().map(OnlineOp.Online::change).toList();
    }

    /**
     * The contract phase of this online upgrade: the schemas of views of the revisions completed
     * before go first (nothing uses them once this revision's application runs), then each change's
     * complete half: columns replaced or dropped, then renamed columns, then renamed tables, since every
     * change names the columns and tables as they were before the revision.
     */
    public Script complete(List<Script> completedBefore) {
        List<Request> contract = new ArrayList<>();
        for (Script before : completedBefore) {
            contract.add(new Ask(new OnlineOp.DropVersionViews(before.revision, before.changes())));
        }
        List<OnlineOp.Online> onlines = onlines();
        for (int order = 0; order < 3; order++) {
            for (OnlineOp.Online online : onlines) {
                if (completeOrder(online.change()) == order) {
                    online.complete().forEach(op -> contract.add(new Ask(op)));
                }
            }
        }
        return new Script(revision, contract, checksum);
    }

    private static int completeOrder(OnlineChange change) {
        if (change instanceof OnlineChange.RenameTable) {
            return 2;
        }
        return change instanceof OnlineChange.RenameColumn ? 1 : 0;
    }

    /**
     * Undoes this online upgrade while it is in its expand phase: the schema of views (its views stand on
     * the new columns), then each change's rollback half and the reverse of each plain operation, last first.
     *
     * @throws MigrateException when a plain operation of the upgrade cannot be reversed
     */
    public Script rollback(Fixes fixes) {
        List<Request> undo = new ArrayList<>();
        undo.add(new Ask(new OnlineOp.DropVersionViews(revision, changes())));
        for (int i = requests.size() - 1; i >= 0; i--) {
            Request request = requests.get(i);
            if (request instanceof Ask ask && ask.op() instanceof OnlineOp.Online online) {
                online.rollback().forEach(op -> undo.add(new Ask(op)));
            } else if (request instanceof Ask ask) {
                Op reverse = ask.op()
                        .reverse()
                        .orElseThrow(() -> new MigrateException("Revision " + revision
                                + " is in its expand phase, and undoing it needs the reverse of " + ask.op()
                                + ", which cannot be derived. Complete it (" + fixes.command("complete")
                                + "), then downgrade."));
                undo.add(new Ask(reverse));
            } else {
                throw new MigrateException("Revision " + revision + " is in its expand phase, and its JDBC code"
                        + " (op.jdbc) cannot be undone. Complete it (" + fixes.command("complete")
                        + "), then downgrade.");
            }
        }
        return new Script(revision, undo, checksum);
    }

    /** Whether the migration asks for online changes alone: no plain operation, no JDBC code. */
    boolean onlyOnlineChanges() {
        return requests.stream().allMatch(r -> r instanceof Ask ask && ask.op() instanceof OnlineOp.Online);
    }

    /** This script, then {@code op}. */
    public Script and(Op op) {
        List<Request> more = new ArrayList<>(requests);
        more.add(new Ask(op));
        return new Script(revision, more, checksum);
    }

    private List<OnlineOp.Online> onlines() {
        List<OnlineOp.Online> onlines = new ArrayList<>();
        for (Request request : requests) {
            if (request instanceof Ask ask && ask.op() instanceof OnlineOp.Online online) {
                onlines.add(online);
            }
        }
        return onlines;
    }

    /** The checksum in its first format, over the rendered SQL, to recognise values stored by earlier versions. */
    public String legacyChecksum() {
        return Checksum.legacy(parts().stream()
                .map(p -> p instanceof Statement s ? s.sql() : "<jdbc>")
                .toList());
    }
}
