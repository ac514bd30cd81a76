package dev.migrate.autogen.write;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Ddl;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.TableOp;
import dev.migrate.testing.LongSuite;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LongSuite
class MigrationWriterTest {
    @TempDir
    Path dir;

    @Test
    void classNameIsVIdAndCamelCaseMessage() {
        assertThat(MigrationWriter.className("20261122_101500", "add status column to agents"))
                .isEqualTo("V20261122_101500_AddStatusColumnToAgents");
        assertThat(MigrationWriter.className("20261122_101500", "  Fix: users.email (unique)!  "))
                .isEqualTo("V20261122_101500_FixUsersEmailUnique");
        assertThat(MigrationWriter.className("20261122_101500", "")).isEqualTo("V20261122_101500");
        assertThat(MigrationWriter.className("20261122_101500", "2nd try")).isEqualTo("V20261122_101500_2ndTry");
    }

    /**
     * The ids a chain's next revision gets after an import (RevisionIds keeps the parent's stem when it sorts after
     * the time): the imported revision's own capital, not a second V; a hand-picked id's stem made a class name.
     */
    @Test
    void classNameOfAnIdThatStartsWithACapitalOrHoldsWhatAClassCannot() {
        assertThat(MigrationWriter.className("V2_20261122_101500", "add nick name"))
                .isEqualTo("V2_20261122_101500_AddNickName");
        assertThat(MigrationWriter.className("L0007_create_orders_20261122_101500", "add status"))
                .isEqualTo("L0007_create_orders_20261122_101500_AddStatus");
        assertThat(MigrationWriter.className("initial_20261122_101500", "add status"))
                .isEqualTo("Vinitial_20261122_101500_AddStatus");
        assertThat(MigrationWriter.className("add-users.v2_20261122_101500", ""))
                .isEqualTo("Vadd_users_v2_20261122_101500");
    }

    /** The revision after a Flyway import's last one ({@code V2}), as every face writes it: one V, and it compiles. */
    @Test
    void theRevisionAfterAnImportedOneIsWrittenWithOneV() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
        String id = RevisionIds.next(clock, List.of("V2"), taken -> false);
        assertThat(id).isEqualTo("V2_20261122_101500");
        Path file =
                writeAndCompile(new NewMigration(id, List.of("V2"), "add nick name", new NewMigration.Stub(), true));
        assertThat(file.getFileName()).hasToString("V2_20261122_101500_AddNickName.java");
    }

    @Test
    void idsAreUtcTimestampsBumpedPastTakenOnes() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00.700Z"), ZoneOffset.ofHours(5));
        assertThat(RevisionIds.next(clock, id -> false)).isEqualTo("20261122_101500");
        Set<String> taken = Set.of("20261122_101500", "20261122_101501");
        assertThat(RevisionIds.next(clock, taken::contains)).isEqualTo("20261122_101502");
    }

    @Test
    void aNewIdSortsAfterAParentWrittenInTheFuture() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
        // a clock behind the head: the parent's time plus one second
        assertThat(RevisionIds.next(clock, List.of("20261230_235959"), id -> false))
                .isEqualTo("20261231_000000");
        // the latest of several parents counts, and a taken id is still skipped
        assertThat(RevisionIds.next(
                        clock,
                        List.of("20261201_000000", "20270101_120000", "20261122_000000"),
                        Set.of("20270101_120001")::contains))
                .isEqualTo("20270101_120002");
        // a parent in the same second as the clock
        assertThat(RevisionIds.next(clock, List.of("20261122_101500"), id -> false))
                .isEqualTo("20261122_101501");
        // a hand-picked id with a suffix sorts after its bare time
        assertThat(RevisionIds.next(clock, List.of("20261122_101500_hotfix"), id -> false))
                .isEqualTo("20261122_101501");
        // parents in the past change nothing
        assertThat(RevisionIds.next(clock, List.of("20250101_000000", "20261122_101459"), id -> false))
                .isEqualTo("20261122_101500");
    }

    @Test
    void aNewIdSortsAfterAParentThatStartsWithNoTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
        // a time sorts before a name: the name, then the time
        String child = RevisionIds.next(clock, List.of("initial"), id -> false);
        assertThat(child).isEqualTo("initial_20261122_101500").isGreaterThan("initial");
        // its child keeps the name, not a second time
        Clock later = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        String grandchild = RevisionIds.next(later, List.of(child), id -> false);
        assertThat(grandchild).isEqualTo("initial_20261123_080000").isGreaterThan(child);
        // a clock behind the parent's trailing time, and a taken id
        assertThat(RevisionIds.next(
                        clock, List.of("initial_20261230_235959"), Set.of("initial_20261231_000000")::contains))
                .isEqualTo("initial_20261231_000001");
        // the greatest parent decides; its trailing time counts too
        assertThat(RevisionIds.next(clock, List.of("20250101_000000", "initial", "99999999_999999"), id -> false))
                .isEqualTo("initial_20261122_101500");
        // a time that is not a valid date is part of the name
        assertThat(RevisionIds.next(clock, List.of("99999999_999999"), id -> false))
                .isEqualTo("99999999_999999_20261122_101500");
        // too long to sort after its parent within 64 characters: a message that says how to fix it
        String longName = "a".repeat(50);
        assertThatThrownBy(() -> RevisionIds.next(clock, List.of(longName), id -> false))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(longName)
                .hasMessageContaining("64 characters");
    }

    @Test
    void aMergeIdSortsAfterParentsOfBothForms() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
        // a timed parent in the future and a named one: the name, then the latest time plus one second
        List<String> parents = List.of("20261201_000000", "initial_20261122_101500");
        String merge = RevisionIds.next(clock, parents, id -> false);
        assertThat(merge).isEqualTo("initial_20261201_000001");
        assertThat(parents).allSatisfy(parent -> assertThat(merge).isGreaterThan(parent));
        // two timed parents, one with a suffix: a plain time after both
        List<String> timed = List.of("20261122_101500_hotfix", "20261121_000000");
        String timedMerge = RevisionIds.next(clock, timed, id -> false);
        assertThat(timedMerge).isEqualTo("20261122_101501");
        assertThat(timed).allSatisfy(parent -> assertThat(timedMerge).isGreaterThan(parent));
        // two named parents: after the greater one
        assertThat(RevisionIds.next(clock, List.of("initial", "zeta_20260101_000000"), id -> false))
                .isEqualTo("zeta_20261122_101500");
    }

    @Test
    void aDowngradeThatLeavesAnEnumLabelSaysSo() {
        var change = new dev.migrate.catalog.diff.Change(
                dev.migrate.catalog.diff.Description.added("label 'away' to enum type public.mood"),
                List.of(new dev.migrate.op.EnumOp.AddEnumValue(
                        dev.migrate.op.QualifiedName.parse("mood"), "away", null, "calm")),
                List.of("PostgreSQL cannot remove an enum label: the downgrade leaves 'away' in place."));
        NewMigration migration = NewMigration.autogenerated(
                "20261122_101500",
                List.of(),
                "away",
                new dev.migrate.catalog.diff.MigrationScript(
                        List.of(dev.migrate.catalog.diff.OpGroup.outsideTables(List.of(change))), List.of()));
        // the same words, broken to keep within 100 columns
        assertThat(MigrationBody.of(migration).downgrade().toString())
                .isEqualTo("// added label 'away' to enum type public.mood stays: "
                        + "PostgreSQL cannot remove an enum\n// label: the downgrade leaves 'away' in place.\n");
    }

    @Test
    void theHeaderListsTheHazardsAndWhatIsLeftToDoByHand() throws Exception {
        QualifiedName legacy = QualifiedName.parse("legacy");
        Change drop = new Change(
                Description.removed("table public.legacy"),
                List.of(new TableOp.DropTable(
                        legacy, new TableOp.CreateTable(legacy, List.of(Ddl.column("id", "int")), null))),
                List.of("Hazard: drops table public.legacy and all its rows."));
        Change manual = new Change(
                Description.notMigrated("exclusion constraint ex_rooms on public.rooms", "changed"),
                List.of(),
                List.of("Exclusion constraints are not migrated automatically; write the change by hand."));
        NewMigration migration = NewMigration.autogenerated(
                "20261122_101500",
                List.of("20261121_000000"),
                "drop <b> @x */ t",
                new MigrationScript(List.of(OpGroup.outsideTables(List.of(drop, manual))), List.of()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:03Z"), ZoneOffset.UTC);
        String source = new MigrationWriter(dir, "db.migrations", clock)
                .toJavaFile(migration)
                .toString();

        assertThat(source).contains("""
                /**
                 * drop &lt;b&gt; &#64;x *&#47; t
                 *
                 * <p>Revises 20261121_000000. Written 2026-11-22 10:15:03 UTC by migrate:autogenerate: review
                 * before applying.
                 *
                 * <p>Hazards, each noted above its code:
                 * <ul>
                 *   <li>drops table public.legacy and all its rows.
                 *   <li>To do by hand: exclusion constraint ex_rooms on public.rooms changed.
                 * </ul>
                 */
                @Revision(id = "20261122_101500", revises = "20261121_000000", message = "drop <b> @x */ t")
                """);
        assertThat(source).contains("""
                        // Hazard: drops table public.legacy and all its rows.
                        op.dropTable("legacy");
                """);
        Path file = writeAndCompile(migration);
        assertThat(Files.readAllLines(file))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aRevisionAnnotationTooLongForOneLineKeepsOneMemberALine() throws Exception {
        String message = "backfill the customer segment from the last twelve months of orders";
        String source = new MigrationWriter(dir, "db.migrations")
                .toJavaFile(NewMigration.empty("20261122_101500", List.of("20261121_000000"), message))
                .toString();
        assertThat(source).contains("""
                @Revision(
                        id = "20261122_101500",
                        revises = "20261121_000000",
                        message = "backfill the customer segment from the last twelve months of orders"
                )
                """);
        assertThat(source).contains(" * <p>Revises 20261121_000000. Written ").contains(" by migrate:revision.\n");
        assertThat(source).doesNotContain("Hazards");
    }

    /** Writes the migration into a fresh source root and compiles it as a project would. */
    private Path writeAndCompile(NewMigration migration) throws Exception {
        Path src = dir.resolve("compiled-src");
        Path file = new MigrationWriter(src, "db.migrations").write(migration);
        compile(dir.resolve("compiled-classes"), file);
        return file;
    }

    @Test
    void writesACompilableRevisionIntoThePackageDirectory() throws Exception {
        Path src = dir.resolve("src/main/java");
        MigrationWriter writer = new MigrationWriter(src, "db.migrations");
        Path first = writer.write(NewMigration.empty("20261120_093000", List.of(), "create users"));
        Path second = writer.write(
                NewMigration.empty("20261122_101500", List.of("20261120_093000"), "add \"status\" column"));
        Path merge = writer.write(
                NewMigration.merge("20261123_000000", List.of("20261122_101500", "20261120_093000"), "merge heads"));

        assertThat(first).isEqualTo(src.resolve("db/migrations/V20261120_093000_CreateUsers.java"));
        assertThat(Files.readString(second))
                .contains("package db.migrations;")
                .contains("@Revision(")
                .contains("id = \"20261122_101500\"")
                .contains("revises = \"20261120_093000\"")
                .contains("message = \"add \\\"status\\\" column\"")
                .contains("public class V20261122_101500_AddStatusColumn implements Migration")
                .contains("public void upgrade(Operations op)")
                .contains("public void downgrade(Operations op)");
        assertThat(Files.readString(first)).doesNotContain("revises");
        assertThat(Files.readString(merge)).contains("revises = {\"20261122_101500\", \"20261120_093000\"}");

        Path classes = compile(dir.resolve("classes"), first, second, merge);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("db.migrations.V20261123_000000_MergeHeads");
            assertThat(Migration.class.isAssignableFrom(type)).isTrue();
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision.id()).isEqualTo("20261123_000000");
            assertThat(revision.revises()).containsExactly("20261122_101500", "20261120_093000");
            assertThat(revision.message()).isEqualTo("merge heads");
        }
    }

    @Test
    void refusesToOverwrite() {
        MigrationWriter writer = new MigrationWriter(dir, "db.migrations");
        writer.write(NewMigration.empty("20261120_093000", List.of(), "create users"));
        assertThatThrownBy(() -> writer.write(NewMigration.empty("20261120_093000", List.of(), "create users")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("V20261120_093000_CreateUsers.java already exists");
    }

    /** Compiles against the engine classes this test runs with, as a project depending on migrate-engine would. */
    private static Path compile(Path out, Path... sources) throws Exception {
        Files.createDirectories(out);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String engine = location(Migration.class).toString();
        String[] args = new String[sources.length + 6];
        args[0] = "-classpath";
        args[1] = engine + File.pathSeparator + System.getProperty("java.class.path");
        args[2] = "-d";
        args[3] = out.toString();
        args[4] = "-Xlint:all";
        args[5] = "-Werror";
        for (int i = 0; i < sources.length; i++) {
            args[6 + i] = sources[i].toString();
        }
        assertThat(compiler.run(null, null, null, args)).as("javac exit code").isZero();
        return out;
    }
}
