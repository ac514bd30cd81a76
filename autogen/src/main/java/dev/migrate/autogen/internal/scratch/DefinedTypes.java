package dev.migrate.autogen.internal.scratch;

import dev.migrate.MigrateException;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.op.ObjectKind;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The types a database defines (enum types, domains, composite and range types, collations), copied
 * with the schemas they live in to a throwaway server, after its extensions ({@link #installExtensions}),
 * before the entity DDL is built there: an entity
 * may name any of them ({@code @Column(columnDefinition = "short_text")}, {@code "mood[]"},
 * {@code "ref.kind"}). The database is only read, with the rights of a role that may only read it.
 *
 * <pre>{@code
 * DefinedTypes.copy(live, throwaway);
 * }</pre>
 */
public final class DefinedTypes {
    /** The schemas of the user's objects: every schema but the server's own. */
    private static final String SCHEMAS = """
            SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
            ORDER BY nspname
            """;

    /** The enum types, each with its labels in order; those an extension brings come with it. */
    private static final String ENUMS = """
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'e' AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            ORDER BY t.oid
            """;

    private static final Set<ObjectKind> TYPES = Set.of(ObjectKind.DOMAIN, ObjectKind.TYPE, ObjectKind.COLLATION);

    private DefinedTypes() {}

    /**
     * Makes on {@code throwaway} every schema of {@code live} and the types defined there. A type the
     * throwaway server refuses (a domain whose check calls a function of the database) is left out:
     * an entity that names it fails there, with the server's message.
     *
     * @param live the database, only read
     * @param throwaway a database of a throwaway server, with the database's extensions installed
     */
    public static void copy(Connection live, Connection throwaway) {
        List<String> schemas = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        try {
            try (Statement s = live.createStatement();
                    ResultSet rs = s.executeQuery(SCHEMAS)) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            Array names = live.createArrayOf("text", schemas.toArray());
            try (var s = live.prepareStatement(ENUMS)) {
                s.setArray(1, names);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        statements.add(createEnum(rs.getString(1), rs.getString(2), (String[])
                                rs.getArray(3).getArray()));
                    }
                }
            } finally {
                names.free();
            }
            for (SchemaObject object : ObjectReader.read(live, schemas)) {
                if (TYPES.contains(object.id().kind())) {
                    statements.add(object.sql());
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the types the database defines, for the entities that use them: " + e.getMessage(),
                    e);
        }
        try (Statement s = throwaway.createStatement()) {
            throwaway.setAutoCommit(true); // a statement that fails must not abort the others
            for (String schema : schemas) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            }
            applyInRounds(s, statements);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not copy the types the database defines to the throwaway server: " + e.getMessage(), e);
        }
    }

    /** An installed extension and the schema its objects live in. */
    private record Extension(String name, String schema) {}

    /**
     * Installs on {@code throwaway} the extensions of {@code live}, each in the schema it has there: the
     * entity DDL, and the types {@link #copy} makes, may use theirs.
     */
    public static void installExtensions(Connection live, Connection throwaway) {
        List<Extension> extensions = new ArrayList<>();
        try (Statement s = live.createStatement();
                var rs = s.executeQuery(
                        "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                                + "WHERE e.extname <> 'plpgsql' ORDER BY e.oid")) {
            while (rs.next()) {
                extensions.add(new Extension(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the extensions of the database: " + e.getMessage(), e);
        }
        try (Statement s = throwaway.createStatement()) {
            for (Extension extension : extensions) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(extension.schema()));
                s.execute("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension.name()) + " SCHEMA "
                        + Identifiers.quote(extension.schema()));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "The database uses extensions "
                            + extensions.stream().map(Extension::name).toList()
                            + " that the embedded PostgreSQL cannot install (" + e.getMessage()
                            + "). Compare on the server itself "
                            + "(comparisonDatabase=server) instead.",
                    e);
        }
    }

    private static String createEnum(String schema, String name, String[] labels) {
        List<String> quoted = new ArrayList<>();
        for (String label : labels) {
            quoted.add(Literals.string(label));
        }
        return "CREATE TYPE " + Identifiers.quote(schema) + "." + Identifiers.quote(name) + " AS ENUM ("
                + String.join(", ", quoted) + ")";
    }

    /** Runs each statement, those that fail again while a round applies any: a type may use one read after it. */
    private static void applyInRounds(Statement s, List<String> statements) {
        List<String> pending = new ArrayList<>(statements);
        boolean applied = true;
        while (applied && !pending.isEmpty()) {
            applied = false;
            List<String> next = new ArrayList<>();
            for (String sql : pending) {
                try {
                    s.execute(sql);
                    applied = true;
                } catch (SQLException e) {
                    next.add(sql);
                }
            }
            pending = next;
        }
    }
}
