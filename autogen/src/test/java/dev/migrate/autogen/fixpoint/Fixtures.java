package dev.migrate.autogen.fixpoint;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rich entity model's DDL, and the few steps every fixpoint test repeats. */
final class Fixtures {
    static final String MODEL_PACKAGE = "dev.migrate.autogen.fixpoint.model";

    private Fixtures() {}

    /** Hibernate boots once per test JVM and major for the model; the DDL it writes never changes. */
    private static final Map<Integer, List<String>> MODEL_DDL = new ConcurrentHashMap<>();

    /** The DDL Hibernate 7 writes for the rich model, its dialect pinned to PostgreSQL 18. */
    static List<String> modelDdl() {
        return modelDdl(18);
    }

    /** The DDL Hibernate 7 writes for the rich model, its dialect pinned to {@code major}, as autogenerate pins it. */
    static List<String> modelDdl(int major) {
        return MODEL_DDL.computeIfAbsent(major, Fixtures::generateModelDdl);
    }

    private static List<String> generateModelDdl(int major) {
        return new EntityDdl(List.of(location(Fixtures.class)), List.of(MODEL_PACKAGE), null, Map.of())
                .generate(Fixtures.class.getClassLoader(), major);
    }

    static void run(Connection c, List<Op> ops) throws SQLException {
        for (String sql : OpSql.renderAll(ops)) {
            execute(c, sql);
        }
    }

    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\nStatement: " + sql, e);
                }
            }
        }
    }

    /** The managed schema as the catalog reader sees it (version tables left out). */
    static DatabaseSchema catalog(Connection c) {
        return new CatalogReader().read(c, List.of("public"));
    }

    /** Compares, applies the upgrade and checks that a second comparison finds nothing. */
    static MigrationScript upgradeToModel(Connection c, Comparisons comparison, List<String> ddl) throws SQLException {
        MigrationScript diff = comparison.compare(c, ddl);
        run(c, diff.upgrade());
        assertNoChanges(comparison.compare(c, ddl));
        return diff;
    }

    static void assertNoChanges(MigrationScript diff) {
        assertThat(diff.descriptions())
                .as(() -> "a comparison right after applying the upgrade found changes; SQL:\n"
                        + String.join("\n", OpSql.renderAll(diff.upgrade())))
                .isEmpty();
    }
}
