package dev.migrate.autogen;

import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.internal.sql.Identifiers;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        String name, String schema, String revision, MigrationScript script, MigrationScript accepting, String error) {
    public DriftReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(accepting, "accepting");
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
     */
    public List<String> differences() {
        return script.changes().stream()
                .map(Change::description)
                .map(DriftReport::line)
                .toList();
    }

    /**
     * The SQL that brings the database back to the chain's schema, for review: the statements of every
     * change, in the order they apply, unqualified names in the schema compared.
     */
    public List<String> sql() {
        List<String> statements = new ArrayList<>();
        statements.add("SET search_path = " + Identifiers.quote(schema) + ", public");
        PostgresDialect dialect = new PostgresDialect();
        for (Op op : script.upgrade()) {
            statements.addAll(dialect.render(op));
        }
        return statements;
    }

    /** A change from the database to the chain, said as what each side has. */
    static String line(Description d) {
        return switch (d.action()) {
            case ADDED ->
                d.subject() + ": the chain has it" + (d.detail() == null ? "" : " (" + d.detail() + ")")
                        + ", the database does not";
            case REMOVED -> d.subject() + ": the database has it, the chain does not";
            case RENAMED -> d.subject() + ": the database calls it " + d.detail() + " otherwise than the chain";
            case CHANGED -> changed(d);
            case NOT_MIGRATED ->
                d.subject() + ": differs, " + d.detail() + " (not restored by the SQL; restore it by hand)";
        };
    }

    private static String changed(Description d) {
        String detail = d.detail();
        if (detail == null) {
            return d.subject() + ": differs";
        }
        int arrow = detail.indexOf(" -> ");
        if (arrow > 0 && detail.indexOf(" -> ", arrow + 4) < 0 && !detail.contains("; ")) {
            return d.subject() + ": the database has " + detail.substring(0, arrow) + ", the chain says "
                    + detail.substring(arrow + 4);
        }
        return d.subject() + ": " + detail + " (the database -> the chain)";
    }
}
