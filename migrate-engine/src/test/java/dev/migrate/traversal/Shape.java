package dev.migrate.traversal;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.StepDirection;
import dev.migrate.testing.Javac;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A revision graph made of real migration classes, generated and compiled for a test, each a
 * {@link TraversalMigration}: {@code Shape.named("branched").rev("a").rev("b", "a").rev("c1",
 * "b").label("c1branch")}. {@link #database()} gives a fresh database on the embedded server with
 * a {@link Migrator} over those classes.
 */
final class Shape {
    private final String name;
    private final Map<String, Rev> revisions = new LinkedHashMap<>();
    private Rev last;
    private ClassLoader loader;

    private static final class Rev {
        final String id;
        final String[] revises;
        final List<String> dependsOn = new ArrayList<>();
        final List<String> labels = new ArrayList<>();

        Rev(String id, String[] revises) {
            this.id = id;
            this.revises = revises;
        }
    }

    private Shape(String name) {
        this.name = name;
    }

    static Shape named(String name) {
        return new Shape(name);
    }

    /** A revision revising {@code revises} (none: a base). */
    Shape rev(String id, String... revises) {
        last = new Rev(id, revises);
        revisions.put(id, last);
        return this;
    }

    /** The last revision also depends on these. */
    Shape dependsOn(String... ids) {
        last.dependsOn.addAll(List.of(ids));
        return this;
    }

    /** The last revision carries these branch labels. */
    Shape label(String... labels) {
        last.labels.addAll(List.of(labels));
        return this;
    }

    private String packageName() {
        return "traversal." + name.toLowerCase(Locale.ROOT);
    }

    /** Compiled shapes by their sources: each test instance declares its shape anew. */
    private static final Map<String, ClassLoader> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private synchronized ClassLoader compiled() {
        if (loader == null) {
            StringBuilder key = new StringBuilder();
            revisions.values().forEach(r -> key.append(source(r)));
            loader = COMPILED.computeIfAbsent(key.toString(), k -> compile());
        }
        return loader;
    }

    private ClassLoader compile() {
        {
            try {
                Path dir = Files.createTempDirectory("shape-" + name);
                Path src = dir.resolve("src/" + packageName().replace('.', '/'));
                Path out = dir.resolve("classes");
                Files.createDirectories(src);
                Files.createDirectories(out);
                List<Path> files = new ArrayList<>();
                for (Rev r : revisions.values()) {
                    Path file = src.resolve("M_" + r.id + ".java");
                    Files.writeString(file, source(r));
                    files.add(file);
                }
                Javac.compile(
                        out,
                        List.of(location(Migrator.class), location(TraversalMigration.class)),
                        files.toArray(Path[]::new));
                return new URLClassLoader(new URL[] {out.toUri().toURL()}, Shape.class.getClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String source(Rev r) {
        return "package " + packageName() + ";\n\n"
                + "@dev.migrate.Revision(id = \"" + r.id + "\", message = \"" + r.id + "\", revises = "
                + array(List.of(r.revises))
                + ", dependsOn = " + array(r.dependsOn) + ", branchLabels = " + array(r.labels) + ")\n"
                + "public class M_" + r.id + " extends dev.migrate.traversal.TraversalMigration {}\n";
    }

    private static String array(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (String v : values) {
            s.append(s.length() == 1 ? "" : ", ").append('"').append(v).append('"');
        }
        return s.append('}').toString();
    }

    /** One database for every shape's tests: each test gets a schema of its own, far cheaper than a database. */
    private static final class Shared {
        static final String DATABASE = TestPostgres.createDatabase("shapes");
        static final AtomicInteger SCHEMAS = new AtomicInteger();
    }

    /** A fresh schema (its own version tables and migration tables) and a migrator over this shape's classes. */
    Database database() {
        String schema = (name + "_" + Shared.SCHEMAS.incrementAndGet()).toLowerCase(Locale.ROOT);
        PGSimpleDataSource ds = (PGSimpleDataSource) TestPostgres.dataSource(Shared.DATABASE);
        ds.setCurrentSchema(schema);
        return new Database(ds, schema);
    }

    /** A migrator over this shape's classes with no database, for offline SQL. */
    Migrator offline() {
        return Migrator.builder()
                .classLoader(compiled())
                .packages(packageName())
                .build();
    }

    /** One database migrated with the shape's classes, and what can be read back from it. */
    final class Database {
        final DataSource ds;
        final Migrator migrator;

        private final String schema;

        Database(DataSource ds, String schema) {
            this.ds = ds;
            this.schema = schema;
            execute("CREATE SCHEMA " + schema + "; CREATE TABLE ran (seq serial PRIMARY KEY, step text NOT NULL)");
            this.migrator = Migrator.builder()
                    .dataSource(ds)
                    .schema(schema)
                    .classLoader(compiled())
                    .packages(packageName())
                    .build();
        }

        /** A migrator over the shape's classes with no database, writing SQL for this database's schema. */
        Migrator offline() {
            return Migrator.builder()
                    .schema(schema)
                    .classLoader(compiled())
                    .packages(packageName())
                    .build();
        }

        /** Upgrades to {@code target}, then forgets what ran so far. */
        Database at(String target) {
            migrator.upgrade(target);
            assertConsistent(state());
            return this;
        }

        /** Upgrades, and returns what ran, checked against what the database noted. */
        List<String> upgrade(String target) {
            return ran(migrator.upgrade(target));
        }

        /** Downgrades, and returns what ran, checked against what the database noted. */
        List<String> downgrade(String target) {
            return ran(migrator.downgrade(target));
        }

        private List<String> ran(MigrationResult result) {
            List<String> steps = result.applied().stream()
                    .map(s -> (s.direction() == StepDirection.UPGRADE ? "up " : "down ") + s.revision())
                    .toList();
            State state = state();
            assertThat(state.ran())
                    .as("what the migrations noted in the database")
                    .isEqualTo(steps);
            assertConsistent(state);
            return steps;
        }

        /**
         * What the migrations noted since the last look (then forgotten), the version rows and the
         * revisions whose tables exist, read on one connection.
         */
        private record State(List<String> ran, Set<String> rows, Set<String> tables) {}

        private State state() {
            try (Connection c = ds.getConnection()) {
                List<String> ran = query(c, "SELECT step FROM ran ORDER BY seq");
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM ran");
                }
                Set<String> tables = new TreeSet<>();
                for (String t : query(
                        c,
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 't\\_%'")) {
                    tables.add(t.substring(2));
                }
                return new State(ran, rows(c), tables);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The version rows. */
        Set<String> rows() {
            try (Connection c = ds.getConnection()) {
                return rows(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Set<String> rows(Connection c) throws SQLException {
            if (query(c, "SELECT to_regclass('migrate_version')").get(0) == null) {
                return new TreeSet<>();
            }
            return new TreeSet<>(query(c, "SELECT version_num FROM migrate_version"));
        }

        /** The rows of the history table, as "revision direction message", in order. */
        List<String> history() {
            return query("SELECT revision || ' ' || direction || ' ' || coalesce(message, '') FROM migrate_history "
                    + "ORDER BY id");
        }

        /**
         * The tables the migrations made are exactly those of the revisions the version rows
         * imply, computed here from each revision's {@code revises} and {@code dependsOn}.
         */
        void assertConsistent() {
            assertConsistent(state());
        }

        private void assertConsistent(State state) {
            assertThat(state.tables())
                    .as("tables of applied revisions, rows %s", state.rows())
                    .isEqualTo(implied(state.rows()));
        }

        Set<String> implied(Set<String> rows) {
            Map<String, RevisionDetails> byId = new HashMap<>();
            migrator.revisions().forEach(r -> byId.put(r.id(), r));
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(rows);
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (seen.add(id)) {
                    todo.addAll(byId.get(id).revises());
                    todo.addAll(byId.get(id).dependsOn());
                }
            }
            return new TreeSet<>(seen);
        }

        void execute(String sql) {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        List<String> query(String sql) {
            try (Connection c = ds.getConnection()) {
                return query(c, sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        private static List<String> query(Connection c, String sql) throws SQLException {
            List<String> result = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }
}
