package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension declared without a version takes whichever the server installs: the migration does not pin
 * the version of the server autogenerate ran on, and a database at another version (pgcrypto 1.3, made on
 * PostgreSQL 15, where PostgreSQL 18 installs 1.4) is no difference. A version the files state is pinned
 * and compared: another stated version is an {@code ALTER EXTENSION ... UPDATE TO}, as a version the database
 * has that differs from the chain's is for drift.
 */
class ExtensionVersionsTest {
    private static final List<String> TABLES =
            List.of("create table tokens (id bigint not null, secret bytea, primary key (id))");

    @TempDir
    Path project;

    @Test
    void aVersionTheFilesDoNotStateIsNeitherWrittenNorCompared() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("extension_versions").getConnection()) {
            declare("CREATE EXTENSION IF NOT EXISTS pgcrypto;");
            MigrationScript initial = comparison().compare(c, TABLES);
            String sql = String.join("\n", OpSql.renderAll(initial.upgrade()));
            assertThat(sql).contains("CREATE EXTENSION IF NOT EXISTS pgcrypto").doesNotContain("VERSION");
            Fixtures.run(c, initial.upgrade());
            assertNoChanges(comparison().compare(c, TABLES));

            // the database has an older version than this server installs: not a difference
            execute(c, "DROP EXTENSION pgcrypto", "CREATE EXTENSION pgcrypto VERSION '1.3'");
            assertNoChanges(comparison().compare(c, TABLES));

            // stated, the version is compared: the one the database has matches, another does not
            declare("CREATE EXTENSION IF NOT EXISTS pgcrypto VERSION '1.3';");
            assertNoChanges(comparison().compare(c, TABLES));
            // another stated version is updated in place, never dropped with the columns of its types
            declare("CREATE EXTENSION IF NOT EXISTS pgcrypto VERSION '1.4';");
            MigrationScript update = comparison().compare(c, TABLES);
            assertThat(update.descriptions()).containsExactly("extension pgcrypto: version 1.3 -> 1.4");
            assertThat(OpSql.renderAll(update.upgrade())).containsExactly("ALTER EXTENSION pgcrypto UPDATE TO '1.4'");
            assertThat(OpSql.renderAll(update.downgrade())).containsExactly("ALTER EXTENSION pgcrypto UPDATE TO '1.3'");
            Fixtures.run(c, update.upgrade());
            assertNoChanges(comparison().compare(c, TABLES));
        }
    }

    @Test
    void aStatedVersionIsWrittenIntoTheMigration() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("extension_pinned").getConnection()) {
            declare("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\" VERSION '1.3';");
            MigrationScript initial = comparison().compare(c, TABLES);
            assertThat(String.join("\n", OpSql.renderAll(initial.upgrade())))
                    .contains("CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public VERSION '1.3'");
        }
    }

    private Comparisons comparison() {
        return Comparisons.of("public").declaring(DeclaredObjects.in(project, "db/objects"));
    }

    private void declare(String sql) throws Exception {
        Files.writeString(project.resolve("extensions.sql"), sql);
    }
}
