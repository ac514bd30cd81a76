package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of the entity DDL that the catalog reader does not model: an extension a program's DDL creates
 * ({@code create extension}, first, as the tables' types may be its), Hibernate 7's
 * {@code @View} entities ({@code create view}), the implicit casts it writes for
 * {@code SqlTypes.NAMED_ENUM} ({@code create cast}), the rows it seeds its generator tables with
 * ({@link SeedRows}), and anything else a provider may write. None
 * is ignored: a view or cast the database lacks is created by the migration (with its drop as the
 * reverse); any other statement is a change that cannot be migrated automatically, so that
 * {@code check} fails and names it rather than saying the schemas match.
 *
 * <p>Views and casts are compared by existence only: a view of that name that already exists is
 * not compared with the entity's query, which the log says.
 */
public final class UnmodelledDdl {
    /** What the catalog reader models: tables and their parts, indexes, sequences, enum types, comments, schemas. */
    private static final Pattern MODELLED = Pattern.compile(
            "(?is)\\s*(create\\s+(table|sequence|schema|(unique\\s+)?index|type\\s+\\S+\\s+as\\s+enum)|alter\\s+table|comment\\s+on)\\b.*");

    private static final Pattern VIEW =
            Pattern.compile("(?is)\\s*create\\s+(or\\s+replace\\s+)?view\\s+(\\S+)\\s+as\\s+.*");
    private static final Pattern EXTENSION =
            Pattern.compile("(?is)\\s*create\\s+extension\\s+(if\\s+not\\s+exists\\s+)?(\"[^\"]+\"|[\\w$]+).*");
    private static final Pattern CAST =
            Pattern.compile("(?is)\\s*create\\s+cast\\s*\\(\\s*(.+?)\\s+as\\s+(.+?)\\s*\\).*");

    private UnmodelledDdl() {}

    /** Whether the catalog reader models what {@code sql} creates or alters, so that the comparison sees it. */
    public static boolean isModelled(String sql) {
        return MODELLED.matcher(sql).matches();
    }

    /**
     * The changes for the statements of {@code entityDdl} the catalog comparison cannot see.
     *
     * @param live a connection whose search path starts with the managed schema, so that names
     *     resolve as the entity DDL's unqualified names do
     */
    public static MigrationScript addTo(
            MigrationScript script, Connection live, List<String> entityDdl, String schema, DatabaseSchema desired)
            throws SQLException {
        return addTo(script, live, entityDdl, schema, desired, false);
    }

    /**
     * As {@link #addTo(MigrationScript, Connection, List, String, DatabaseSchema)}; with {@code
     * viewsCompared}, views are left to the comparison of objects ({@link ObjectDiff}), which reads them
     * from a database they were created in and compares their definitions.
     */
    public static MigrationScript addTo(
            MigrationScript script,
            Connection live,
            List<String> entityDdl,
            String schema,
            DatabaseSchema desired,
            boolean viewsCompared)
            throws SQLException {
        List<Change> seedRows = SeedRows.missing(live, entityDdl, schema, desired);
        List<Change> extensions = new ArrayList<>();
        List<Change> viewsAndCasts = new ArrayList<>();
        List<Change> notMigrated = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String sql : entityDdl) {
            if (isModelled(sql) || SeedRows.isSeedRow(sql)) {
                continue;
            }
            Matcher view = VIEW.matcher(sql);
            Matcher cast = CAST.matcher(sql);
            Matcher extension = EXTENSION.matcher(sql);
            if (extension.matches()) {
                String name = extension.group(2).startsWith("\"")
                        ? extension.group(2).substring(1, extension.group(2).length() - 1)
                        : extension.group(2).toLowerCase(Locale.ROOT);
                if (!exists(live, "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = ?)", name)) {
                    extensions.add(Change.of(
                            Description.added("extension " + name),
                            new SqlOp.Execute(sql, "DROP EXTENSION " + Identifiers.quote(name))));
                }
            } else if (view.matches()) {
                String name = view.group(2);
                if (viewsCompared) {
                    // compared by definition with the objects beside tables
                } else if (exists(live, "SELECT to_regclass(?) IS NOT NULL", name)) {
                    warnings.add("View " + name + " exists; its query is not compared with the entity's @View.");
                } else {
                    viewsAndCasts.add(
                            Change.of(Description.added("view " + name), new SqlOp.Execute(sql, "drop view " + name)));
                }
            } else if (cast.matches()) {
                String between = "(" + cast.group(1) + " as " + cast.group(2) + ")";
                if (!exists(
                        live,
                        "SELECT EXISTS (SELECT FROM pg_cast WHERE castsource = to_regtype(?) AND casttarget = to_regtype(?))",
                        cast.group(1),
                        cast.group(2))) {
                    viewsAndCasts.add(Change.of(
                            Description.added("cast " + between), new SqlOp.Execute(sql, "drop cast " + between)));
                }
            } else {
                notMigrated.add(new Change(
                        Description.notMigrated(
                                "the entity DDL statement \"" + firstWords(sql) + "\"",
                                "is neither compared nor migrated"),
                        List.of(),
                        List.of(
                                "Write it in a migration by hand (op.execute(...)); autogenerate and check cannot see what it creates: "
                                        + sql)));
            }
        }
        // an extension gives the tables their types, so it comes first; seed rows, views and casts use the tables,
        // so they come after them
        MigrationScript withExtensions =
                extensions.isEmpty() ? script : script.withFirst(OpGroup.outsideTables(extensions));
        return withExtensions.withLast(
                List.of(
                        OpGroup.outsideTables(seedRows),
                        OpGroup.outsideTables(viewsAndCasts),
                        OpGroup.outsideTables(notMigrated)),
                warnings);
    }

    private static boolean exists(Connection c, String query, String... names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < names.length; i++) {
                ps.setString(i + 1, names[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String firstWords(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60).strip() + " ...";
    }
}
