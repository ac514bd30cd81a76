package dev.migrate.maven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fleet benchmark's chain, written three ways from one source: migrate's Java migrations, the floor's
 * script (the SQL {@code migrate:upgrade -Dmigrate.sqlFile} writes, its version tables found on the
 * tenant's {@code search_path}) and Flyway's versioned SQL files (the same statements without migrate's
 * bookkeeping). Twenty migrations: tables with an identity key, a unique constraint, an index and a
 * foreign key to the one before, and every fourth one a data step that fills and updates rows.
 */
final class FleetChain {
    static final int MIGRATIONS = 20;

    private FleetChain() {}

    /** {@code tenant_0001} and on: the schemas of the fleet. */
    static String tenant(int i) {
        return String.format(Locale.ROOT, "tenant_%04d", i);
    }

    /** Writes the chain's Java migrations into {@code migrations}. */
    static void writeMigrations(Path migrations) throws IOException {
        Files.createDirectories(migrations);
        for (int i = 1; i <= MIGRATIONS; i++) {
            Files.writeString(migrations.resolve(String.format(Locale.ROOT, "F%02d.java", i)), migration(i));
        }
    }

    private static String migration(int i) {
        String upgrade;
        String downgrade;
        if (i % 4 == 0) {
            String table = "t" + (i - 1);
            upgrade = """
                            op.execute("INSERT INTO %1$s (code, name, parent_id) SELECT 'c' || g, 'row ' || g, NULL FROM generate_series(1, 200) g");
                            op.execute("UPDATE %1$s SET name = upper(name) WHERE id %% 2 = 0");
                    """.formatted(table);
            downgrade = "        op.execute(\"DELETE FROM " + table + "\");\n";
        } else {
            String parent = i == 1 ? "" : """
                            op.addForeignKey("t%1$d", foreignKey("t%1$d_parent_fk", "parent_id").references("t%2$d", "id"));
                    """.formatted(i, previousTable(i));
            upgrade = """
                            op.createTable("t%1$d",
                                    column("id", "bigint").identity(),
                                    column("code", "character varying(40)").notNull(),
                                    column("name", "character varying(200)"),
                                    column("created_at", "timestamp with time zone").notNull().defaultValue("now()"),
                                    column("parent_id", "bigint"),
                                    primaryKey("t%1$d_pkey", "id"),
                                    unique("t%1$d_code_key", "code"));
                            op.createIndex("t%1$d_created_idx", "t%1$d", "created_at");
                    %2$s""".formatted(i, parent);
            downgrade = "        op.dropTable(\"t" + i + "\");\n";
        }
        String revises = i == 1 ? "" : String.format(Locale.ROOT, ", revises = \"f%02d\"", i - 1);
        return """
                package db.migrations;

                import static dev.migrate.Ddl.*;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "f%1$02d"%2$s, message = "step %1$d")
                public class F%1$02d implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                %3$s    }

                    @Override
                    public void downgrade(Operations op) {
                %4$s    }
                }
                """.formatted(i, revises, upgrade, downgrade);
    }

    /** The table created last before migration {@code i} (data steps create none). */
    private static int previousTable(int i) {
        int previous = i - 1;
        return previous % 4 == 0 ? previous - 1 : previous;
    }

    /**
     * The floor's script for any tenant: migrate's offline script of the chain with its version tables
     * named without a schema, so that each tenant's {@code search_path} finds its own.
     */
    static String floorScript(String offline) {
        return offline.replace("public.migrate_", "migrate_");
    }

    /**
     * Flyway's {@code V1__step_1.sql} and on in {@code dir}: each step of migrate's offline script,
     * without its transaction control and bookkeeping, which Flyway does its own way.
     */
    static void writeFlywayScripts(String offline, Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] steps = offline.split("\n-- Running upgrade ", -1);
        if (steps.length != MIGRATIONS + 1) {
            throw new IllegalStateException(
                    "The offline script has " + (steps.length - 1) + " steps, not " + MIGRATIONS);
        }
        for (int i = 1; i < steps.length; i++) {
            List<String> statements = new ArrayList<>();
            // the step's header line, then statements each ended by ";\n\n"
            for (String statement :
                    steps[i].substring(steps[i].indexOf('\n') + 1).split(";\n\n", -1)) {
                String sql = statement.strip();
                if (sql.isEmpty()
                        || sql.equals("BEGIN")
                        || sql.equals("COMMIT")
                        || sql.contains("public.migrate_")
                        || sql.startsWith("--")) {
                    continue;
                }
                statements.add(sql + ";\n");
            }
            Files.writeString(dir.resolve("V" + i + "__step_" + i + ".sql"), String.join("\n", statements));
        }
    }
}
