package dev.migrate.command.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each command checks before it reads anything: refused with the setting to give, spelled as the face
 * that runs it spells settings (the plugin's {@code -Dmigrate.x=y}, the command line's {@code --x y}).
 */
class SettingsCheckTest {
    private static final Fixes PLUGIN = Fixes.COMPILING_GOALS;

    private static final Fixes COMMAND_LINE = new Fixes() {
        @Override
        public String command(String command) {
            return "migrate " + command;
        }

        @Override
        public String setting(String name, String value) {
            return "--" + name.substring(name.lastIndexOf('.') + 1) + " " + value;
        }
    };

    private static final SourceRoot ROOT = new SourceRoot(Path.of("src/main/java"), "db.migrations");

    @Test
    void aDriftAcceptedWithoutAMessageNamesTheSettingToAdd() {
        DriftCommand accepting = new DriftCommand("public", List.of(), null, new DriftCommand.Accept(" ", ROOT), null);

        assertThat(message(() -> accepting.checkSettings(PLUGIN)))
                .isEqualTo("-Dmigrate.drift.accept=true writes a migration, which needs a message. Add "
                        + "-Dmigrate.message=\"what the database has\". Nothing was compared.");
        // a drift that accepts nothing needs no message
        new DriftCommand("public", List.of(), null, null, null).checkSettings(PLUGIN);
    }

    @Test
    void aBaselineWithoutAMessageIsRefusedBeforeTheDatabaseIsRead() {
        assertThat(message(() -> new BaselineCommand("", "public", ROOT).checkSettings(COMMAND_LINE)))
                .isEqualTo(
                        "migrate baseline needs a message. Add --message \"baseline\". Nothing was read or written.");
    }

    @Test
    void aSquashNeedsItsTargetAndAKnownWayWithDataSteps() {
        assertThat(message(() -> new SquashCommand(null, null, null, "public", ROOT).checkSettings(PLUGIN)))
                .startsWith("mvn compile migrate:squash needs the last revision to replace. Add "
                        + "-Dmigrate.target=<id>");
        assertThat(message(() -> new SquashCommand(RevisionTarget.of("0001"), null, "keep", "public", ROOT)
                        .checkSettings(PLUGIN)))
                .contains("keep");
        new SquashCommand(RevisionTarget.of("0001"), null, "drop", "public", ROOT).checkSettings(PLUGIN);
    }

    @Test
    void aSnapshotOfAMajorMigrateDoesNotReadIsRefused() {
        SnapshotCommand snapshot = new SnapshotCommand("public", List.of(), List.of(15, 12), Path.of("target/classes"));

        assertThat(message(() -> snapshot.checkSettings(PLUGIN)))
                .isEqualTo("The snapshot's majors name PostgreSQL 12, and migrate reads PostgreSQL 13 and later. Give "
                        + "the major versions the databases run, e.g. -Dmigrate.snapshot.majors=15,17. Nothing was "
                        + "written.");
    }

    private static String message(Runnable check) {
        MigrateException e = catchThrowableOfType(MigrateException.class, check::run);
        assertThat(e).as("refused").isNotNull();
        return String.valueOf(e.getMessage());
    }
}
