package dev.migrate.autogen.internal.objects;

import dev.migrate.MigrateException;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.DeclaredStatement;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.internal.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects side of a comparison: the tables of the entities and the declared objects applied on a new
 * database, in real names, and read back by the same reader as the database's objects, so that both are
 * spelled by the server ({@code pg_get_viewdef}, {@code pg_get_functiondef}, ...) and neither formatting,
 * case nor comments in the files makes a difference.
 *
 * <p>The files may come in any order: a statement that fails waits for the next round, until a round
 * applies nothing more (a view over a view declared before it, a comment before its object, a table of the
 * entities typed with a declared domain). A role named by a {@code GRANT} or a policy that the new server
 * lacks is made there, with no rights. What still fails is reported, each statement by file and line with
 * PostgreSQL's message.
 */
public final class DeclaredObjectsSide {
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    private DeclaredObjectsSide() {}

    /**
     * Applies {@code entityDdl} (as {@code the entity DDL}) and {@code declared} on {@code fresh}, a new
     * database, and reads its objects.
     *
     * @param schema the managed schema, first on the search path as on the database's side
     * @param managed the schemas read
     */
    public static List<SchemaObject> build(
            Connection fresh, List<String> entityDdl, DeclaredObjects declared, String schema, List<String> managed) {
        List<DeclaredStatement> pending = new ArrayList<>();
        entityDdl.forEach(sql -> pending.add(new DeclaredStatement("the entity DDL", 1, sql)));
        pending.addAll(declared.statements());
        try {
            fresh.setAutoCommit(true);
            try (Statement s = fresh.createStatement()) {
                for (String name : managed) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(name));
                }
                s.execute("SET search_path = " + Identifiers.quote(schema) + ", public");
                Map<DeclaredStatement, SQLException> failed = applyInRounds(s, pending);
                if (!failed.isEmpty()) {
                    throw notApplied(failed);
                }
                return ObjectReader.read(fresh, managed);
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read back the declared objects on the throwaway database: " + e.getMessage(), e);
        }
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

    private static boolean makeRole(Statement s, String role) {
        try {
            s.execute("CREATE ROLE " + Identifiers.quote(role) + " NOLOGIN");
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
