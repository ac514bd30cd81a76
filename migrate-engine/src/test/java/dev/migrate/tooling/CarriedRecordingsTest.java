package dev.migrate.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.testing.Javac;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains built one after another from the project's classes loaded anew each time, as a watch's cycles build them:
 * while the recordings are carried, a migration whose code is unchanged is not recorded again; one whose class, or a
 * project class it reaches, changed is, and so is every one after the recordings are forgotten.
 */
class CarriedRecordingsTest {
    /** Counts the recordings of the migrations below in this JVM: each upgrade or downgrade described adds one. */
    private static final String RECORDED = "carried.recordings.test.recorded";

    @TempDir
    Path work;

    private Path classes;

    @BeforeEach
    void compile() throws Exception {
        System.clearProperty(RECORDED);
        classes = work.resolve("classes");
        compile(Columns.ONE);
    }

    @AfterEach
    void clear() {
        System.clearProperty(RECORDED);
    }

    /** The helper's column, which the second migration reads through it. */
    private enum Columns {
        ONE,
        TWO
    }

    private void compile(Columns columns) throws Exception {
        Path src = work.resolve("src/carried");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        String count = "System.setProperty(\"" + RECORDED + "\", Integer.toString(Integer.getInteger(\"" + RECORDED
                + "\", 0) + 1));";
        Files.writeString(src.resolve("M1.java"), """
                package carried;
                @dev.migrate.Revision(id = "m1", message = "m1", revises = {})
                public class M1 implements dev.migrate.Migration {
                    public void upgrade(dev.migrate.Operations op) {
                        COUNT
                        op.execute("CREATE TABLE a (id int)");
                    }
                    public void downgrade(dev.migrate.Operations op) {
                        COUNT
                        op.execute("DROP TABLE a");
                    }
                }
                """.replace("COUNT", count));
        Files.writeString(src.resolve("M2.java"), """
                package carried;
                @dev.migrate.Revision(id = "m2", message = "m2", revises = {"m1"})
                public class M2 implements dev.migrate.Migration {
                    public void upgrade(dev.migrate.Operations op) {
                        COUNT
                        op.execute("CREATE TABLE b (" + Helper.column() + " int)");
                    }
                    public void downgrade(dev.migrate.Operations op) {
                        COUNT
                        op.execute("DROP TABLE b");
                    }
                }
                """.replace("COUNT", count));
        Files.writeString(
                src.resolve("Helper.java"), """
                package carried;
                class Helper {
                    static String column() {
                        return "COLUMN";
                    }
                }
                """.replace("COLUMN", columns.name().toLowerCase(java.util.Locale.ROOT)));
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry));
        }
        try (var sources = Files.list(src)) {
            Javac.compile(classes, classPath, sources.toArray(Path[]::new));
        }
    }

    /**
     * The chain's operations, its classes loaded anew, and how many scripts were recorded for them: its upgrades and
     * its downgrades, as the extensions a comparison's server needs are read from them.
     */
    private int recordedForAChain(List<String> statements) throws Exception {
        int before = Integer.getInteger(RECORDED, 0);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Migrator chain =
                    Migrator.builder().classLoader(loader).packages("carried").build();
            statements.add(MigratorTools.of(chain).operations().toString());
        }
        return Integer.getInteger(RECORDED, 0) - before;
    }

    @Test
    void anUnchangedMigrationIsTakenAsRecordedAndAChangedOneOrWhatItReachesIsRecordedAgain() throws Exception {
        List<String> statements = new ArrayList<>();
        try (CarriedRecordings carried = CarriedRecordings.open()) {
            assertThat(recordedForAChain(statements)).isEqualTo(4);
            assertThat(recordedForAChain(statements))
                    .as("the same code: nothing recorded")
                    .isZero();
            compile(Columns.TWO); // the helper the second migration calls changes
            assertThat(recordedForAChain(statements))
                    .as("the second migration reaches the helper: its upgrade and its downgrade")
                    .isEqualTo(2);
            assertThat(recordedForAChain(statements)).isZero();
            carried.forget();
            assertThat(recordedForAChain(statements))
                    .as("forgotten: every one recorded")
                    .isEqualTo(4);
        }
        assertThat(recordedForAChain(statements)).as("no longer carried").isEqualTo(4);
        // what a chain takes is what recording it again writes
        assertThat(statements.get(1)).isEqualTo(statements.get(0));
        assertThat(statements.get(3))
                .isEqualTo(statements.get(2))
                .contains("two")
                .isNotEqualTo(statements.get(0));
        assertThat(statements.get(5)).isEqualTo(statements.get(4)).isEqualTo(statements.get(3));
    }

    @Test
    void withoutCarryingEachChainRecordsItsOwn() throws Exception {
        List<String> statements = new ArrayList<>();
        assertThat(recordedForAChain(statements)).isEqualTo(4);
        assertThat(recordedForAChain(statements)).isEqualTo(4);
    }
}
