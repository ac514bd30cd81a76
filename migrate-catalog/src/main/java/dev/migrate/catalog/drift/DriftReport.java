package dev.migrate.catalog.drift;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.DefinitionDiff;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.CitusOp;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.Op;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.tooling.OpSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Drift} found on one database or tenant: in sync with the schema the chain has at its
 * revision, drifted (each difference with what the chain says and what the database has), or not
 * comparable (at base, at several revisions, at one no class defines).
 *
 * <pre>{@code
 * if (!report.inSync()) report.differences().forEach(System.out::println);
 * }</pre>
 *
 * @param name the database or tenant, as the log names it
 * @param schema the schema compared: the managed schema, or the tenant's
 * @param revision the revision it is at; empty when it could not be compared for want of one
 * @param script the changes that bring it back to the chain's schema (database to chain); empty when
 *     in sync or not compared
 * @param accepting the changes that make the chain's schema into the database's (chain to database),
 *     for a migration that accepts the drift instead of undoing it; empty when in sync or not compared
 * @param error why it was not compared; {@code null} when it was
 */
public record DriftReport(
        String name,
        String schema,
        String revision,
        MigrationScript script,
        MigrationScript accepting,
        @Nullable String error) {
    public DriftReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(accepting, "accepting");
    }

    /** A database or tenant that matches the chain's schema at {@code revision}. */
    public static DriftReport inSync(String name, String schema, String revision) {
        return new DriftReport(name, schema, revision, MigrationScript.empty(), MigrationScript.empty(), null);
    }

    /** A database or tenant that could not be compared, and why. */
    public static DriftReport failed(String name, String schema, String revision, String error) {
        return new DriftReport(
                name,
                schema,
                revision,
                MigrationScript.empty(),
                MigrationScript.empty(),
                Objects.requireNonNull(error, "error"));
    }

    /** Whether it was compared and matches the chain's schema at its revision. */
    public boolean inSync() {
        return error == null && script.isEmpty();
    }

    /** Whether it was compared and differs. */
    public boolean drifted() {
        return error == null && !script.isEmpty();
    }

    /**
     * Each difference on a line of its own, by kind and qualified name, with what the chain says and
     * what the database has: {@code column public.customers.email: the database has NULL, the chain says NOT NULL}.
     * An object the way back only drops and creates again, because of another difference (a grant of a
     * materialized view rebuilt, a view over a column retyped), is no difference of its own: {@link #sql()}
     * has it, this list does not.
     */
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            for (Change change : group.changes()) {
                if (!change.aheadPart() && !rebuiltBecauseOfAnother(change.description())) {
                    lines.add(line(qualified(change.description(), group), change.ops()));
                }
            }
        }
        return lines;
    }

    /**
     * The differences as the goal and the tests report them: {@code <name> has drifted from the schema of
     * revision <id> in 2 ways:}, then each {@linkplain #differences() difference} on a line of its own.
     */
    public String summary() {
        List<String> lines = differences();
        return name + " has drifted from the schema of revision " + revision + " in " + lines.size() + " way"
                + (lines.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", lines);
    }

    /**
     * The SQL that brings the database back to the chain's schema, for review: the statements of every
     * change, in the order they apply, unqualified names in the schema compared.
     */
    public List<String> sql() {
        List<String> statements = new ArrayList<>();
        statements.add("SET search_path = " + Identifiers.quote(schema) + ("public".equals(schema) ? "" : ", public"));
        for (Op op : script.upgrade()) {
            statements.addAll(OpSql.render(op));
        }
        return statements;
    }

    /**
     * The file {@code -Dmigrate.drift.sqlFile} writes: a header naming the database and the revision, each
     * difference as a comment, then {@link #sql()}, each statement ended, in one transaction (a change written as
     * a drop and a create, such as row-level security's, then never shows the state between them); a comment
     * alone when in sync. A statement that cannot run in a transaction ({@code CONCURRENTLY}) leaves the
     * statements as they are, and the file says so.
     */
    public String sqlScript() {
        StringBuilder script = new StringBuilder("-- What brings " + name + " back to the schema of revision "
                + revision + ", written by drift for review. Nothing was run.\n");
        if (inSync()) {
            return script.append("-- No drift: nothing to do.\n").toString();
        }
        differences()
                .forEach(line ->
                        script.append("-- ").append(line.replace("\n", "\n-- ")).append('\n'));
        List<String> statements = sql();
        boolean inOne =
                statements.stream().noneMatch(s -> s.toUpperCase(Locale.ROOT).contains(" CONCURRENTLY "));
        script.append(inOne ? "BEGIN;\n" : "-- Not in one transaction: CONCURRENTLY cannot run in one.\n");
        statements.forEach(statement ->
                script.append(statement).append(statement.stripTrailing().endsWith(";") ? "\n" : ";\n"));
        return inOne ? script.append("COMMIT;\n").toString() : script.toString();
    }

    private static boolean rebuiltBecauseOfAnother(Description d) {
        String detail = d.detail();
        return d.action() == Description.Action.CHANGED
                && detail != null
                && (detail.startsWith("dropped and created again with ")
                        || detail.startsWith("dropped and created again around the change of "));
    }

    /** A change from the database to the chain, said as what each side has. */
    static String line(Description d, List<Op> ops) {
        return switch (d.action()) {
            case ADDED ->
                d.subject() + ": the chain has it" + (d.detail() == null ? "" : " (" + d.detail() + ")")
                        + ", the database does not";
            case REMOVED -> d.subject() + ": the database has it, the chain does not";
            case RENAMED -> d.subject() + ": the database calls it otherwise than the chain (" + d.detail() + ")";
            case CHANGED -> changed(d, ops);
            case NOT_MIGRATED ->
                d.subject() + ": differs, " + d.detail() + " (the SQL does not restore it: restore it by hand)";
        };
    }

    /** {@code index ix on orders} as {@code index ix on public.orders}: the table a change of a table's group names. */
    private static Description qualified(Description d, OpGroup group) {
        ObjectName name = group.table();
        if (name == null) {
            return d;
        }
        String table = name.name();
        String subject = d.subject();
        if (subject.endsWith(" " + table) && !subject.endsWith("." + table)) {
            subject = subject.substring(0, subject.length() - table.length()) + name.schema() + "." + table;
        }
        return new Description(d.action(), subject, d.detail());
    }

    private static String changed(Description d, List<Op> ops) {
        String detail0 = d.detail();
        if (detail0 != null && detail0.contains(" -> ") && ops.stream().anyMatch(DriftReport::distributes)) {
            int arrow = detail0.indexOf(" -> ");
            return d.subject() + ": the database has it " + detail0.substring(0, arrow) + ", the chain has it "
                    + detail0.substring(arrow + 4);
        }
        Optional<String> definitions = DefinitionDiff.of(ops);
        if (definitions.isPresent()) {
            // two long definitions cut to one length hide where they differ: the lines that differ show it
            return d.subject() + ": " + (d.detail() == null ? "the definitions differ" : d.detail())
                    + " (- the database, + the chain):\n" + definitions.get();
        }
        String @Nullable [] sides = sides(ops);
        if (sides != null) {
            return d.subject() + ": the database has " + sides[0] + ", the chain says " + sides[1];
        }
        String detail = d.detail();
        if (detail == null) {
            return d.subject() + ": differs";
        }
        int arrow = detail.indexOf(" -> ");
        if (arrow > 0 && detail.indexOf(" -> ", arrow + 4) < 0 && !detail.contains("; ")) {
            return d.subject() + ": the database has " + shown(detail.substring(0, arrow)) + ", the chain says "
                    + shown(detail.substring(arrow + 4));
        }
        return d.subject() + ": " + detail + " (the database -> the chain)";
    }

    /** Whether {@code op} spreads a table or schema over a Citus cluster, or takes it back. */
    private static boolean distributes(Op op) {
        return op instanceof CitusOp.TableDistribution
                || op instanceof CitusOp.UndistributeTable
                || op instanceof CitusOp.DistributeSchema
                || op instanceof CitusOp.UndistributeSchema;
    }

    /** What the database has and what the chain says, when the ops carry both: a definition or a comment. */
    private static String @Nullable [] sides(List<Op> ops) {
        @Nullable String database = null;
        @Nullable String chain = null;
        for (Op op : ops) {
            if (op instanceof ObjectOp.ReplaceObject replace) {
                return new String[] {
                    oneLine(replace.from().sql()), oneLine(replace.to().sql())
                };
            } else if (op instanceof ObjectOp.DropObject drop && drop.definition() != null) {
                database = oneLine(drop.definition().sql());
            } else if (op instanceof ObjectOp.CreateObject create) {
                chain = oneLine(create.definition().sql());
            } else if (op instanceof TableOp.CommentOnTable comment) {
                return new String[] {quoted(comment.previousComment()), quoted(comment.comment())};
            } else if (op instanceof ColumnOp.CommentOnColumn comment) {
                return new String[] {quoted(comment.previousComment()), quoted(comment.comment())};
            } else if (op instanceof ConstraintOp.CommentOnConstraint comment) {
                return new String[] {quoted(comment.previousComment()), quoted(comment.comment())};
            } else if (op instanceof IndexOp.CommentOnIndex comment) {
                return new String[] {quoted(comment.previousComment()), quoted(comment.comment())};
            }
        }
        return database != null && chain != null ? new String[] {database, chain} : null;
    }

    private static String quoted(@Nullable String comment) {
        return comment == null ? "no comment" : "'" + comment + "'";
    }

    private static String shown(String side) {
        return "null".equals(side) ? "none" : side;
    }

    /** A definition on one line, long ones shortened: the log and drift.json list one difference a line. */
    private static String oneLine(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 240 ? line : line.substring(0, 237) + "...";
    }
}
