package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.StubDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Small migration chains used by the runtime tests. */
public final class Fixtures {
    private Fixtures() {}

    @Revision(id = "r1", message = "create agents")
    public static class R1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "agents",
                    column("id", "bigint").identity().primaryKey(),
                    column("name", "text").notNull());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("agents");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "create tasks")
    public static class R2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("tasks", column("id", "bigint").identity().primaryKey(), column("agent_id", "bigint"));
            op.addForeignKey("tasks", foreignKey("fk_tasks_agent", "agent_id").references("agents", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tasks");
        }
    }

    @Revision(id = "r3", revises = "r2", message = "add status")
    public static class R3 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("status", "varchar(50)").notNull().defaultValue("'active'"));
            op.createIndex("ix_agents_status", "agents", "status");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_agents_status");
            op.dropColumn("agents", "status");
        }
    }

    /** Fails on its second statement, after the first has created a table. */
    @Revision(id = "r4_bad", revises = "r3", message = "broken")
    public static class R4Bad implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("half_done", column("id", "int"));
            op.execute("ALTER TABLE no_such_table ADD COLUMN x int");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("half_done");
        }
    }

    /** The same revision id as {@link R3} with different SQL: an edited applied migration. */
    @Revision(id = "r3", revises = "r2", message = "add status")
    public static class R3Edited implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("status", "varchar(80)").notNull().defaultValue("'active'"));
            op.createIndex("ix_agents_status", "agents", "status");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_agents_status");
            op.dropColumn("agents", "status");
        }
    }

    @Revision(id = "r4_concurrent", revises = "r3", message = "index concurrently", transactional = false)
    public static class R4Concurrently implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex(index("ix_agents_name", "agents", "name").concurrently());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndexConcurrently("ix_agents_name");
        }
    }

    @Revision(id = "r4_data", revises = "r3", message = "seed and copy with JDBC")
    public static class R4Data implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.bulkInsert("agents", List.of(Map.of("name", "ada"), Map.of("name", "grace")));
            op.addColumn("agents", column("name_upper", "text"));
            op.jdbc(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE agents SET name_upper = upper(name)");
                }
            });
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "name_upper");
            op.execute("DELETE FROM agents");
        }
    }

    @Revision(id = "r4_slow", revises = "r3", message = "slow")
    public static class R4Slow implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("SELECT pg_sleep(5)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r4_lock", revises = "r3", message = "needs a table lock")
    public static class R4Lock implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("locked_out", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "locked_out");
        }
    }

    /** Outside a transaction: its first statement autocommits before the second fails. */
    @Revision(id = "r4_outside", revises = "r3", message = "outside a transaction", transactional = false)
    public static class R4OutsideBad implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex(index("ix_agents_name", "agents", "name").concurrently());
            op.execute("ALTER TABLE no_such_table ADD COLUMN x int");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r5", revises = "r4_outside", message = "after")
    public static class R5 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE no_such_table ADD COLUMN y int");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    /** Its JDBC code throws, after a statement ran in the same transaction. */
    @Revision(id = "r4_throws", revises = "r3", message = "jdbc throws")
    public static class R4JdbcThrows implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("half_done", column("id", "int"));
            op.jdbc(c -> {
                throw new IllegalStateException("no customer with id 42");
            });
        }

        @Override
        public void downgrade(Operations op) {}
    }

    /** Its upgrade method throws while describing its changes. */
    @Revision(id = "r4_describe", revises = "r3", message = "upgrade throws")
    public static class R4UpgradeThrows implements Migration {
        @Override
        public void upgrade(Operations op) {
            throw new IllegalArgumentException("missing setting app.region");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    static final Class<?>[] CHAIN = {R1.class, R2.class, R3.class};

    /** A migrator of {@link #CHAIN} on {@code ds}, whose log nobody reads. */
    static Migrator chain(DataSource ds) {
        return Migrator.builder()
                .dataSource(ds)
                .migrations(CHAIN)
                .log(new RecordingLog())
                .build();
    }

    /** A login role; roles belong to the server, so one made by an earlier test is taken as it is. */
    static void createRole(DataSource admin, String role) throws SQLException {
        execute(
                admin,
                "DO $$ BEGIN CREATE ROLE " + role
                        + " LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    }

    /**
     * Starts {@code main} with {@code args} in a JVM of its own, on the tests' class path and the {@code more}
     * entries after it, its output to {@code out}: a run for a test to kill.
     */
    static Process startJvm(Path out, List<Path> more, Class<?> main, String... args) throws IOException {
        StringBuilder classpath = new StringBuilder(
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        more.forEach(entry -> classpath.append(File.pathSeparator).append(entry));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath.toString(),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }

    /** A log that keeps its lines for assertions. */
    public static final class RecordingLog implements MigrationLog {
        public final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }
    }

    static List<String> query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return query(c, sql);
        }
    }

    /** Each row of {@code sql} on {@code c}, its columns joined by {@code |}. */
    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The user tables of the public schema, sorted. */
    static List<String> tables(DataSource ds) throws SQLException {
        return query(ds, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    }

    /** Counts the connections a run opens: each one a login. */
    static class CountingDataSource extends StubDataSource {
        private final DataSource delegate;
        final AtomicInteger opened = new AtomicInteger();

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            opened.incrementAndGet();
            return delegate.getConnection();
        }
    }
}
