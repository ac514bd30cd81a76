package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.command.tooling.OtherModules;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity moved from one module to a module that builds on it, with {@code autogenerate} run module by module as a
 * reactor runs it: the old module's run writes the hand-over instead of a drop, the new module's the take, and the
 * table keeps its rows. Django's autodetector would write a delete and a create for the same move; its documentation
 * has the developer write state-only operations in both apps' migrations instead ({@code SeparateDatabaseAndState},
 * the new app's depending on the old one's). Here {@code autogenerate} writes them: {@code @HandsOver} and
 * {@code @TakesOver}.
 */
@LongSuite
class ModuleMovesTest {
    /** The moved entity, its id from its own sequence (Hibernate's note_seq), which moves with its table. */
    private static final String NOTE = "@Id @GeneratedValue public long id; public String body;";

    @TempDir
    Path directory;

    @Test
    void anEntityMovedToAModuleThatBuildsOnItsOwnIsHandedOverAndTakenWithItsRows() throws Exception {
        WatchedProject customers = new WatchedProject(directory.resolve("customers"), "app", "customers.migrations");
        customers.declareModule("customers", "");
        customers.entity("Customer", "@Id public long id; public String name;");
        customers.entity("Note", NOTE);
        customers.autogenerate("create note");
        compileNew(customers, 1);

        WatchedProject billing = new WatchedProject(directory.resolve("billing"), "app", "billing.migrations");
        billing.jars.add(customers.classes);
        billing.declareModule("billing", "customers");
        billing.entity("Invoice", "@Id public long id; public long total;");
        billing.autogenerate("create invoice");
        assertThat(Files.readString(compileNew(billing, 1)))
                .contains("\"invoice\"")
                .doesNotContain("\"note\"");

        DataSource database = TestPostgres.freshDatabase("module_moves");
        upgrade(billing, database);
        execute(database, "INSERT INTO note (id, body) VALUES (1, 'call back'), (2, 'sent the invoice')");

        // the entity moves to billing; the reactor shows customers' run that billing now maps its table
        customers.deleteEntity("Note");
        billing.entity("Note", NOTE);
        customers.others = new OtherModules(Map.of("note", "billing", "invoice", "billing"), true);
        // check from the root, before autogenerate: the move is a hand-over to write, not a drop
        assertThat(check(customers))
                .contains("The entity of note, note_seq is module billing's now: module customers hands the table over"
                        + " to billing instead of dropping it, a hand-over to write")
                .doesNotContainIgnoringCase("drop table");
        List<String> customersLines = customers.autogenerate("move note");
        String handOver = Files.readString(compileNew(customers, 2));
        assertThat(handOver)
                .contains("@HandsOver(to = \"billing\", tables = {\"note\", \"note_seq\"})")
                .doesNotContain("dropTable")
                .doesNotContain("dropSequence");
        assertThat(customersLines).anyMatch(l -> l.contains("hands the table over instead of dropping it"));
        String given = "customers." + idOf(handOver);

        assertThat(check(billing))
                .contains("Module billing takes note, note_seq from module customers, which " + given
                        + " gave it: a take to write");
        List<String> billingLines = billing.autogenerate("take note");
        String take = Files.readString(compileNew(billing, 2));
        assertThat(take)
                .contains("@TakesOver(from = \"customers\", tables = {\"note\", \"note_seq\"})")
                .contains("dependsOn = \"" + given + "\"")
                .doesNotContain("createTable");
        assertThat(billingLines).anyMatch(l -> l.contains("takes note, note_seq from module customers"));

        // both chains match their entities now: nothing more to write in either
        customers.autogenerate("again");
        billing.autogenerate("again");
        assertThat(migrations(customers)).hasSize(2);
        assertThat(migrations(billing)).hasSize(2);

        upgrade(billing, database);
        assertThat(rows(database, "SELECT id || ':' || body FROM note ORDER BY id"))
                .as("the table kept its rows through the move")
                .containsExactly("1:call back", "2:sent the invoice");
        try (URLClassLoader loader = loader(billing)) {
            Migrator chain = Migrator.builder()
                    .classLoader(loader)
                    .packages("billing.migrations")
                    .build();
            assertThat(MigratorTools.of(chain).tableOwners().ownerOf("note")).contains("billing");
            assertThat(MigratorTools.of(chain).tableOwners().ownerOf("note_seq"))
                    .contains("billing");
        }

        // a column added to the moved entity is billing's change now, after the take
        billing.entity("Note", NOTE + " public String author;");
        billing.autogenerate("add author");
        assertThat(Files.readString(compileNew(billing, 3)))
                .contains("author")
                .contains("revises = \"" + idOf(take) + "\"");
    }

    @Test
    void aModuleBuiltAloneNamesTheLostRowsOfADroppedTableAndTheFix() throws Exception {
        WatchedProject customers = new WatchedProject(directory.resolve("alone"), "app", "customers.migrations");
        customers.declareModule("customers", "");
        customers.entity("Customer", "@Id public long id; public String name;");
        customers.entity("Note", NOTE);
        customers.autogenerate("create note");
        compileNew(customers, 1);

        customers.deleteEntity("Note");
        List<String> lines = customers.autogenerate("drop note");
        assertThat(Files.readString(migrations(customers).get(1))).contains("dropTable(\"note\")");
        assertThat(lines)
                .anyMatch(l -> l.contains("Table note of module customers has no entity in the module any more, and"
                                + " the drop written for it loses its rows. This build holds module customers alone")
                        && l.contains("from the root of the multi-module build, which hands the table over"));

        // built in its reactor, where no module has the entity: the drop is what the developer meant, said once
        Files.delete(migrations(customers).get(1));
        customers.others = new OtherModules(Map.of(), true);
        List<String> inReactor = customers.autogenerate("drop note");
        assertThat(Files.readString(migrations(customers).get(1))).contains("dropTable(\"note\")");
        assertThat(inReactor).noneMatch(l -> l.contains("loses its rows"));
    }

    /** What {@code check} reports of the project's module: the message of its failure, or empty when it passes. */
    private static String check(WatchedProject project) {
        try (WatchCommand.Cycle cycle = project.cycle(new ArrayList<>())) {
            new CheckCommand(project.comparison()).run(cycle.context(), cycle.entities());
            return "";
        } catch (MigrateException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** The project's {@code count}th migration, which its run just wrote, compiled into its classes as a build does. */
    private static Path compileNew(WatchedProject project, int count) throws IOException {
        List<Path> written = migrations(project);
        assertThat(written).as("the migrations of " + project.root).hasSize(count);
        Path last = written.get(count - 1);
        project.compileAll(List.of(last));
        return last;
    }

    private static List<Path> migrations(WatchedProject project) throws IOException {
        Path dir = project.sources.resolve(project.migrations.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("V"))
                    .sorted()
                    .toList();
        }
    }

    private static String idOf(String migration) {
        Matcher id = Pattern.compile("@Revision\\(\\s*id = \"(\\w+)\"").matcher(migration);
        assertThat(id.find()).as(migration).isTrue();
        return id.group(1);
    }

    private static URLClassLoader loader(WatchedProject project) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(project.classes.toUri().toURL()));
        for (Path jar : project.jars) {
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ModuleMovesTest.class.getClassLoader());
    }

    private static void upgrade(WatchedProject project, DataSource database) throws IOException {
        try (URLClassLoader loader = loader(project)) {
            Migrator.builder()
                    .classLoader(loader)
                    .packages(project.migrations)
                    .dataSource(database)
                    .build()
                    .upgrade("heads");
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
