package dev.migrate.autogen.internal.objects;

import dev.migrate.MigrateException;
import dev.migrate.autogen.internal.scratch.QualifiedDdl;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.DeclaredStatement;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.sql.Identifiers;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desired side of a comparison for a project that declares objects: the tables of the entities and the
 * declared statements applied on a new database, in real names, and read back by the same readers as the
 * database (tables with their indexes, constraints and comments, sequences, enum types, and the objects
 * beside them), so that both are spelled by the server ({@code pg_get_viewdef}, {@code pg_get_functiondef},
 * ...) and neither formatting, case nor comments in the files makes a difference. What a declared
 * statement adds to the tables (an index, a comment, a check, a sequence, an enum type) is thus part of the
 * desired state as what it adds beside them is.
 *
 * <p>The declared statements that make what a table may need (schemas, extensions, types, domains,
 * collations, functions) run before the entity DDL, the others after it. The files may come in any order
 * still: a statement that fails waits for the next round, until a round applies nothing more (a view over a
 * view declared before it, a comment before its object, a function whose body reads a table). A role named
 * by a {@code GRANT} or a policy that the new server lacks is made there, with no rights. What still fails
 * is reported, each statement by file and line with PostgreSQL's message; a statement that changes rows
 * rather than declaring an object is refused before anything runs.
 */
public final class DeclaredObjectsSide {
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    /** Declared statements that make what a table may use: run before the entity DDL. */
    private static final Pattern BEFORE_TABLES = Pattern.compile("(?is)\\s*create\\s+(or\\s+replace\\s+)?"
            + "(schema|extension|type|domain|collation|function|procedure|aggregate|cast|operator)\\b.*");

    /** Statements that change rows, or take something away, and declare nothing: what no desired state holds. */
    private static final Pattern NOT_A_DECLARATION =
            Pattern.compile("(?is)\\s*(insert|update|delete|merge|truncate|copy)\\b.*");

    private DeclaredObjectsSide() {}

    /**
     * Applies {@code entityDdl} (as {@code the entity DDL}) and {@code declared} on {@code fresh}, a new
     * database, and reads it: its tables, sequences and enum types (check expressions as after a round
     * trip, as the database's side spells them) with its objects beside them.
     *
     * @param schema the managed schema, first on the search path as on the database's side
     * @param managed the schemas read
     * @param exclusions names left out, as on the database's side
     */
    public static DatabaseSchema build(
            Connection fresh,
            List<String> entityDdl,
            DeclaredObjects declared,
            String schema,
            List<String> managed,
            Exclusions exclusions) {
        refuseWhatDeclaresNothing(declared.statements());
        List<DeclaredStatement> pending = new ArrayList<>();
        declared.statements().stream()
                .filter(statement -> BEFORE_TABLES.matcher(statement.sql()).matches())
                .forEach(pending::add);
        entityDdl.forEach(sql -> pending.add(new DeclaredStatement("the entity DDL", 1, sql)));
        declared.statements().stream()
                .filter(statement -> !BEFORE_TABLES.matcher(statement.sql()).matches())
                .forEach(pending::add);
        try {
            fresh.setAutoCommit(true);
            try (Statement s = fresh.createStatement()) {
                // a schema the declared statements create themselves is theirs to create
                Set<String> createdByThem = QualifiedDdl.createdSchemas(declared.statements().stream()
                        .map(DeclaredStatement::sql)
                        .toList());
                for (String name : managed) {
                    if (!createdByThem.contains(name)) {
                        s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(name));
                    }
                }
                s.execute("SET search_path = " + Identifiers.quote(schema) + ", public");
                Map<DeclaredStatement, SQLException> failed = applyInRounds(s, pending);
                if (!failed.isEmpty()) {
                    throw notApplied(failed);
                }
                DatabaseSchema tables = new CatalogReader().read(fresh, managed, exclusions);
                return CanonicalChecks.of(fresh, tables).withObjects(ObjectReader.read(fresh, managed));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read back the declared objects on the throwaway database: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything runs, what changes rows: applied on the new
     * database it would leave no trace in the desired state, so autogenerate would silently write nothing
     * for it.
     */
    private static void refuseWhatDeclaresNothing(List<DeclaredStatement> statements) {
        List<DeclaredStatement> refused = statements.stream()
                .filter(statement -> NOT_A_DECLARATION.matcher(statement.sql()).matches())
                .toList();
        if (refused.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The declared objects hold "
                + (refused.size() == 1 ? "a statement" : refused.size() + " statements")
                + " that change rows, which no desired state can hold:");
        refused.forEach(statement -> message.append("\n  ").append(statement.where()));
        message.append("\nThe files state what the schema holds (CREATE, CREATE OR REPLACE, COMMENT ON, ALTER TABLE, "
                + "GRANT): put rows in a migration (op.execute(...)); nothing was changed.");
        throw new MigrateException(message.toString());
    }

    /** Runs every statement, those that fail again in later rounds while any applies; what never applies, with why. */
    private static Map<DeclaredStatement, SQLException> applyInRounds(Statement s, List<DeclaredStatement> statements)
            throws SQLException {
        List<DeclaredStatement> pending = new ArrayList<>(statements);
        Map<DeclaredStatement, SQLException> failed = new LinkedHashMap<>();
        boolean applied = true;
        while (applied && !pending.isEmpty()) {
            applied = false;
            failed.clear();
            List<DeclaredStatement> next = new ArrayList<>();
            for (DeclaredStatement statement : pending) {
                try {
                    s.execute(statement.sql());
                    applied = true;
                } catch (SQLException e) {
                    Matcher role = MISSING_ROLE.matcher(String.valueOf(e.getMessage()));
                    if (role.find() && makeRole(s, role.group(1))) {
                        applied = true; // tried again in the next round, now that the role exists
                    }
                    failed.put(statement, e);
                    next.add(statement);
                }
            }
            pending = next;
        }
        return failed;
    }

    /** Whether {@code role} is there now: made here, or meanwhile by another comparison on the same server. */
    private static boolean makeRole(Statement s, String role) {
        try {
            MigratorTools.createRole(s, role);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static MigrateException notApplied(Map<DeclaredStatement, SQLException> failed) {
        StringBuilder message = new StringBuilder("The declared objects do not apply on a new database with the "
                + "entities' tables (" + failed.size() + (failed.size() == 1 ? " statement" : " statements")
                + "):");
        failed.forEach((statement, e) -> message.append("\n  ")
                .append(statement.where())
                .append(": ")
                .append(firstLine(String.valueOf(e.getMessage()))));
        message.append("\nFix each statement (or declare what it uses), then run the goal again; nothing was changed.");
        return new MigrateException(
                message.toString(), failed.values().iterator().next());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
