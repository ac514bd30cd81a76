package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands scoped to one module ({@code -Dmigrate.module}, {@code --module}) on the embedded server: module billing
 * depends on module core, and both have a revision {@code 20261129_090000}.
 */
class ModuleScopeTest {
    private static final String PACKAGE = "dev.migrate.command.modules";

    @TempDir
    Path directory;

    private final List<String> lines = new ArrayList<>();
    private final RecordingOutput output = new RecordingOutput(lines);

    @Test
    void currentHistoryAndHeadsShowTheModuleOnly() throws SQLException {
        String database = TestPostgres.createDatabase("module_reports");
        new UpgradeCommand(RevisionTarget.of("heads")).run(null, null, face(database));
        assertThat(versions(database)).containsExactly("billing.20261129_090000", "core.20261129_090000");

        lines.clear();
        new CurrentCommand(false, false, new ModuleScope("billing")).run(null, face(database));
        assertThat(String.join("\n", lines)).contains("billing.20261129_090000").doesNotContain("core.");

        lines.clear();
        face(database)
                .onDatabase(builder ->
                        new HistoryCommand(null, false, new ModuleScope("core")).run(builder.build(), face(database)));
        assertThat(String.join("\n", lines)).contains("core.20261129_090000").doesNotContain("billing.");

        lines.clear();
        new HeadsCommand(false, new ModuleScope("core"))
                .run(face(null).migrations(false).build(), face(null));
        assertThat(String.join("\n", lines)).contains("core.20261129_090000").doesNotContain("billing.");
    }

    @Test
    void aDowngradeOfAModuleOthersDependOnIsRefusedNamingThemAndTheirsComesFirst() throws SQLException {
        String database = TestPostgres.createDatabase("module_downgrade");
        new UpgradeCommand(RevisionTarget.of("heads")).run(null, null, face(database));

        assertThatThrownBy(() -> new DowngradeCommand(RevisionTarget.of("base"))
                        .inModule(new ModuleScope("core"))
                        .run(null, null, face(database)))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "Cannot downgrade module core: module billing depends on it and has revisions " + "applied")
                .hasMessageContaining("Nothing was run");
        assertThat(versions(database)).containsExactly("billing.20261129_090000", "core.20261129_090000");

        new DowngradeCommand(RevisionTarget.of("base"))
                .inModule(new ModuleScope("billing"))
                .run(null, null, face(database));
        assertThat(versions(database)).containsExactly("core.20261129_090000");

        new DowngradeCommand(RevisionTarget.of("-1"))
                .inModule(new ModuleScope("core"))
                .run(null, null, face(database));
        assertThat(versions(database)).isEmpty();
    }

    @Test
    void anUnknownModuleIsRefusedNamingTheModulesThereAre() {
        String database = TestPostgres.createDatabase("module_unknown");
        assertThatThrownBy(
                        () -> new CurrentCommand(false, false, new ModuleScope("shipping")).run(null, face(database)))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "No migration belongs to module 'shipping'; the modules of this build are " + "billing, core.");
        assertThatThrownBy(() -> new ModuleScope("ship-ping"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The module 'ship-ping' is not a module name");
        assertThat(ModuleScope.of(" ")).isNull();
    }

    private CommandContext face(@org.jspecify.annotations.Nullable String database) {
        return TestContext.onUrl(
                output,
                database == null ? null : TestPostgres.jdbcUrl(database),
                directory,
                () -> Migrator.builder().packages(PACKAGE).log(new MigrationLog() {
                    @Override
                    public void info(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void warn(String line) {
                        lines.add(line);
                    }
                }));
    }

    private static List<String> versions(String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version ORDER BY version_num")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
