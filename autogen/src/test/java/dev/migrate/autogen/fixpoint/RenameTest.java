package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.TableOp;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renames by hint, by the decider, and the loud drop-plus-add without either. */
class RenameTest {
    private static final List<String> OLD_TABLE = List.of(
            "CREATE TABLE old_items (id bigint PRIMARY KEY, title varchar(50) NOT NULL)",
            "INSERT INTO old_items VALUES (1, 'kept')");
    private static final List<String> NEW_TABLE_ENTITIES =
            List.of("create table new_items (id bigint not null, title varchar(50) not null, primary key (id))");

    private static final List<String> OLD_COLUMNS = List.of(
            "CREATE TABLE people (id bigint PRIMARY KEY, fullname varchar(80), nick varchar(10))",
            "INSERT INTO people VALUES (1, 'Ada Lovelace', 'ada')");
    private static final List<String> NEW_COLUMNS_ENTITIES = List.of(
            "create table people (id bigint not null, full_name varchar(80), nickname varchar(20), primary key (id))");

    @Test
    void aRenameHintThatMatchesNothingIsRefusedNamingIt() throws Exception {
        try (Connection c = database(OLD_TABLE)) {
            assertThatThrownBy(() -> Comparisons.of("public")
                            .withRenames(Map.of("old_itmes", "new_items"), RenameDecider.never())
                            .compare(c, NEW_TABLE_ENTITIES))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("The rename old_itmes=new_items matches nothing: the database has no table "
                            + "old_itmes.");
            assertThatThrownBy(() -> Comparisons.of("public")
                            .withRenames(Map.of("old_items", "new_itmes"), RenameDecider.never())
                            .compare(c, NEW_TABLE_ENTITIES))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("the entities (or schema files, or DDL) have no table new_itmes");
        }
        try (Connection c = database(OLD_COLUMNS)) {
            assertThatThrownBy(() -> Comparisons.of("public")
                            .withRenames(Map.of("people.fulname", "full_name"), RenameDecider.never())
                            .compare(c, NEW_COLUMNS_ENTITIES))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("the database has no column people.fulname");
        }
    }

    @Test
    void aTableRenameHintWritesRenameTableAndKeepsTheRows() throws Exception {
        try (Connection c = database(OLD_TABLE)) {
            DatabaseSchema before = catalog(c);
            Comparisons comparison =
                    Comparisons.of("public").withRenames(Map.of("old_items", "new_items"), RenameDecider.never());
            MigrationScript diff = comparison.compare(c, NEW_TABLE_ENTITIES);
            assertThat(diff.descriptions()).containsExactly("renamed table public.old_items to new_items");
            assertThat(diff.upgrade())
                    .containsExactly(
                            new TableOp.RenameTable(new dev.migrate.op.QualifiedName(null, "old_items"), "new_items"));
            assertThat(diff.warnings()).isEmpty();

            run(c, diff.upgrade());
            assertThat(single(c, "SELECT title FROM new_items WHERE id = 1")).isEqualTo("kept");
            assertNoChanges(comparison.compare(c, NEW_TABLE_ENTITIES));

            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
            assertThat(single(c, "SELECT title FROM old_items WHERE id = 1")).isEqualTo("kept");
        }
    }

    /**
     * A table and one of its columns renamed in one revision: the table first, then the column under the table's new
     * name, the downgrade the other way round; the column's hint may name the table by its old name (as the database
     * does, and as a SQL file's comment does) or its new one (as the entities do). Alembic's autogenerate leaves both
     * to the author (a drop and an add); Liquibase's renameTable + renameColumn changesets are the order written here.
     */
    @Test
    void aTableAndOneOfItsColumnsRenamedTogetherKeepTheRowsWhicheverNameTheColumnHintGivesTheTable() throws Exception {
        List<String> entities =
                List.of("create table new_items (id bigint not null, name varchar(50) not null, primary key (id))");
        for (String columnHint : List.of("old_items.title", "new_items.title")) {
            try (Connection c = database(OLD_TABLE)) {
                DatabaseSchema before = catalog(c);
                Comparisons comparison = Comparisons.of("public")
                        .withRenames(Map.of("old_items", "new_items", columnHint, "name"), RenameDecider.never());
                MigrationScript diff = comparison.compare(c, entities);
                assertThat(diff.descriptions())
                        .as(columnHint)
                        .containsExactly(
                                "renamed table public.old_items to new_items",
                                "renamed column public.new_items.title to name");
                assertThat(diff.upgrade())
                        .containsExactly(
                                new TableOp.RenameTable(
                                        new dev.migrate.op.QualifiedName(null, "old_items"), "new_items"),
                                new ColumnOp.RenameColumn(
                                        new dev.migrate.op.QualifiedName(null, "new_items"), "title", "name"));
                assertThat(diff.warnings()).isEmpty();

                run(c, diff.upgrade());
                assertThat(single(c, "SELECT name FROM new_items WHERE id = 1")).isEqualTo("kept");
                assertNoChanges(comparison.compare(c, entities));

                run(c, diff.downgrade());
                assertThat(catalog(c)).isEqualTo(before);
                assertThat(single(c, "SELECT title FROM old_items WHERE id = 1"))
                        .isEqualTo("kept");
            }
        }
    }

    @Test
    void aColumnHintOfARenamedTableThatMatchesNothingNamesTheTableAsTheEntitiesDo() throws Exception {
        List<String> entities =
                List.of("create table new_items (id bigint not null, name varchar(50) not null, primary key (id))");
        try (Connection c = database(OLD_TABLE)) {
            assertThatThrownBy(() -> Comparisons.of("public")
                            .withRenames(
                                    Map.of("old_items", "new_items", "old_items.title", "nmae"), RenameDecider.never())
                            .compare(c, entities))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining(
                            "The rename old_items.title=nmae matches nothing: the entities (or schema files, or DDL) have no column"
                                    + " new_items.nmae.");
            assertThatThrownBy(() -> Comparisons.of("public")
                            .withRenames(
                                    Map.of("old_items", "new_items", "new_items.titel", "name"), RenameDecider.never())
                            .compare(c, entities))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("the database has no column new_items.titel");
        }
    }

    @Test
    void withoutAHintATableRenameIsDropAndAddWithAWarningThatNamesTheFix() throws Exception {
        try (Connection c = database(OLD_TABLE)) {
            MigrationScript diff = Comparisons.of("public").compare(c, NEW_TABLE_ENTITIES);
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder("added table public.new_items", "removed table public.old_items");
            assertThat(diff.warnings())
                    .singleElement()
                    .asString()
                    .contains("public.old_items", "public.new_items", "-Dmigrate.renames=old_items=new_items");
        }
    }

    @Test
    void aDeciderThatSaysYesTurnsATableDropAndAddIntoARename() throws Exception {
        try (Connection c = database(OLD_TABLE)) {
            List<String> asked = new ArrayList<>();
            RenameDecider yes = (kind, owner, from, to) -> asked.add(kind + ":" + owner + ":" + from + "->" + to);
            MigrationScript diff =
                    Comparisons.of("public").withRenames(Map.of(), yes).compare(c, NEW_TABLE_ENTITIES);
            assertThat(diff.descriptions()).containsExactly("renamed table public.old_items to new_items");
            assertThat(asked).containsExactly("table:null:public.old_items->public.new_items");
            assertThat(diff.warnings()).isEmpty();
            run(c, diff.upgrade());
            assertThat(single(c, "SELECT title FROM new_items")).isEqualTo("kept");
        }
    }

    @Test
    void columnRenameHintsWriteRenameColumnKeepTheDataAndStillSeeTheTypeChange() throws Exception {
        try (Connection c = database(OLD_COLUMNS)) {
            DatabaseSchema before = catalog(c);
            Comparisons comparison = Comparisons.of("public")
                    .withRenames(
                            Map.of("people.fullname", "full_name", "people.nick", "nickname"), RenameDecider.never());
            MigrationScript diff = comparison.compare(c, NEW_COLUMNS_ENTITIES);
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "renamed column public.people.fullname to full_name",
                            "renamed column public.people.nick to nickname",
                            "column public.people.nickname: type varchar(10) -> varchar(20)");
            assertThat(diff.upgrade())
                    .contains(new ColumnOp.RenameColumn(
                            new dev.migrate.op.QualifiedName(null, "people"), "fullname", "full_name"));
            assertThat(diff.warnings()).isEmpty();

            run(c, diff.upgrade());
            assertThat(single(c, "SELECT full_name || '/' || nickname FROM people WHERE id = 1"))
                    .isEqualTo("Ada Lovelace/ada");
            assertNoChanges(comparison.compare(c, NEW_COLUMNS_ENTITIES));

            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
            assertThat(single(c, "SELECT fullname FROM people WHERE id = 1")).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void withoutAHintAColumnRenameIsDropAndAddWithAWarningThatNamesTheFix() throws Exception {
        try (Connection c = database(OLD_COLUMNS)) {
            MigrationScript diff = Comparisons.of("public").compare(c, NEW_COLUMNS_ENTITIES);
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "added column public.people.full_name", "removed column public.people.fullname",
                            "added column public.people.nickname", "removed column public.people.nick");
            // same type: looks like a rename, so the user is told how to say so; a different type does not
            assertThat(diff.warnings())
                    .singleElement()
                    .asString()
                    .contains("public.people.fullname", "full_name", "-Dmigrate.renames=people.fullname=full_name");
        }
    }

    @Test
    void aDeciderThatSaysYesTurnsAColumnDropAndAddIntoARename() throws Exception {
        try (Connection c = database(OLD_COLUMNS)) {
            List<String> asked = new ArrayList<>();
            RenameDecider yes = (kind, owner, from, to) -> asked.add(kind + ":" + owner + ":" + from + "->" + to);
            MigrationScript diff =
                    Comparisons.of("public").withRenames(Map.of(), yes).compare(c, NEW_COLUMNS_ENTITIES);
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "renamed column public.people.fullname to full_name",
                            "added column public.people.nickname",
                            "removed column public.people.nick");
            assertThat(asked).containsExactly("column:public.people:fullname->full_name");
            run(c, diff.upgrade());
            assertThat(single(c, "SELECT full_name FROM people")).isEqualTo("Ada Lovelace");
        }
    }

    private static Connection database(List<String> sql) throws Exception {
        Connection c = TestPostgres.freshDatabase("rename").getConnection();
        execute(c, sql.toArray(String[]::new));
        return c;
    }

    private static String single(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
