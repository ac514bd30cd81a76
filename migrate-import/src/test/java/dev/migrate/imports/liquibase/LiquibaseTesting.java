package dev.migrate.imports.liquibase;

import dev.migrate.imports.TestTools;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the Liquibase tests share: one Liquibase loader for the JVM (its first start is slow), databases, rows. */
final class LiquibaseTesting {
    static final Path RESOURCES = Path.of("src/test/resources/liquibase");

    private LiquibaseTesting() {}

    private static final class Holder {
        static final ToolLoader LOADER = TestTools.loader(OldTool.LIQUIBASE);
    }

    static ToolLoader loader() {
        return Holder.LOADER;
    }

    /** Liquibase's own update of a fresh database with {@code project}; returns the database's name. */
    static String updatedDatabase(LiquibaseProject project, LiquibaseUpdate.Stop stop) {
        String db = TestPostgres.createDatabase("liquibase");
        LiquibaseUpdate.run(loader(), TestPostgres.jdbcUrl(db), "postgres", null, project, stop);
        return db;
    }

    /** DATABASECHANGELOG's rows as (id, author, filename, md5sum), in the order Liquibase ran them. */
    static List<List<String>> history(String db) throws SQLException {
        return rows(db, "SELECT id, author, filename, md5sum FROM databasechangelog ORDER BY orderexecuted");
    }

    /** The same four of each changeset as the import read them. */
    static List<List<String>> expectedHistory(LiquibaseChangelog changelog) {
        List<List<String>> rows = new ArrayList<>();
        for (LiquibaseChangeSet c : changelog.changeSets()) {
            rows.add(List.of(c.id(), c.author(), c.filePath(), String.valueOf(c.checksum9())));
        }
        return rows;
    }

    /** Runs every migration's statements, in order, each on its own (autocommit), on the fresh database {@code db}. */
    static void apply(String db, OldChain chain) throws SQLException {
        try (Connection c = TestPostgres.dataSource(db).getConnection();
                Statement s = c.createStatement()) {
            for (OldMigration m : chain.migrations()) {
                for (String sql : m.upgrade()) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(m.key() + ": " + sql + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** Every column of the public schema but Liquibase's own tables, with its type and nullability. */
    static List<List<String>> columns(String db) throws SQLException {
        return rows(
                db,
                "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text,"
                        + " is_identity::text FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY 1, 2");
    }

    /** Writes {@code text} to {@code file}, its directories created. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static List<List<String>> rows(String db, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource(db).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
