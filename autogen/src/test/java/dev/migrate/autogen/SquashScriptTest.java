package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import dev.migrate.testing.TestPostgres;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code migrate:squash} reads from a replayed chain: the range, the data steps, and the rows
 * they leave written after the schema, or left out when told.
 */
class SquashScriptTest {
    @Revision(id = "q1", message = "kinds and items")
    public static class KindsAndItems implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("kinds", column("code", "text").primaryKey());
            op.createTable(
                    "items",
                    column("id", "bigint").identity().primaryKey(),
                    column("kind", "text"),
                    column("label", "text"));
            op.addForeignKey("items", foreignKey("fk_items_kind", "kind").references("kinds", "code"));
            op.execute("INSERT INTO kinds (code) VALUES ('tool'), ('part')");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("items");
            op.dropTable("kinds");
        }
    }

    @Revision(id = "q2", revises = "q1", message = "first item")
    public static class FirstItem implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.jdbc(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO items (kind, label) VALUES ('tool', ?)")) {
                    s.setString(1, "hammer");
                    s.executeUpdate();
                }
            });
            op.bulkInsert("items", List.of(Map.of("kind", "part", "label", "nail")));
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM items");
        }
    }

    /** A branch from q1 that a squash up to q2 would strand. */
    @Revision(id = "q2b", revises = "q1", message = "other branch")
    public static class OtherBranch implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "q3", revises = "q2", message = "always identity with rows")
    public static class AlwaysIdentity implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE tickets (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text)");
            op.execute("INSERT INTO tickets (title) VALUES ('first')");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tickets");
        }
    }

    private static Migrator chain(Class<?>... migrations) {
        return Migrator.builder().migrations(migrations).build();
    }

    private static Squash.Replayed replay(Migrator chain, String target) {
        return Squash.replay(
                chain, TestPostgres.freshDatabase("squash"), target, "public", "migrate_version", "migrate_history");
    }

    @Test
    void theDataStepsAreListedAndTheRowsTheyLeaveFollowTheSchema() {
        Migrator chain = chain(KindsAndItems.class, FirstItem.class);
        assertThat(Squash.replaced(chain, RevisionTarget.of("q2"))).containsExactly("q1", "q2");
        Squash.Replayed replayed = replay(chain, "q2");
        assertThat(replayed.dataSteps())
                .extracting(Object::toString)
                .containsExactly(
                        "q1: INSERT INTO kinds (code) VALUES ('tool'), ('part')",
                        "q2: (the JDBC code of the migration, op.jdbc)",
                        "q2: INSERT INTO items (kind, label) VALUES ('part', 'nail')");

        List<Op> carried = replayed.script(Squash.DataSteps.CARRY).upgrade();
        List<DataOp.BulkInsert> rows = carried.stream()
                .filter(DataOp.BulkInsert.class::isInstance)
                .map(DataOp.BulkInsert.class::cast)
                .toList();
        assertThat(rows).extracting(r -> r.table().name()).containsExactly("kinds", "items");
        assertThat(rows.get(0).rows()).containsExactly(Map.of("code", "part"), Map.of("code", "tool"));
        assertThat(rows.get(1).rows())
                .containsExactly(
                        Map.of("id", "1", "kind", "tool", "label", "hammer"),
                        Map.of("id", "2", "kind", "part", "label", "nail"));
        assertThat(carried.indexOf(rows.get(0)))
                .isGreaterThan(carried.indexOf(carried.stream()
                        .filter(ConstraintOp.AddConstraint.class::isInstance)
                        .findFirst()
                        .orElseThrow()));
        assertThat(carried.get(carried.size() - 1))
                .isEqualTo(new SqlOp.Execute("SELECT setval('public.items_id_seq', 2)", null));

        MigrationScript dropped = replayed.script(Squash.DataSteps.DROP);
        assertThat(dropped.upgrade()).noneMatch(op -> op instanceof DataOp.BulkInsert || op instanceof SqlOp.Execute);
    }

    @Test
    void rowsThatCannotBeInsertedAsTheyAreAreRefusedWithTheDataSteps() {
        Migrator chain = chain(KindsAndItems.class, FirstItem.class, AlwaysIdentity.class);
        Squash.Replayed replayed = replay(chain, "q3");
        assertThatThrownBy(() -> replayed.script(Squash.DataSteps.CARRY))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("leave 1 row(s) in table tickets, whose identity column is GENERATED ALWAYS")
                .hasMessageContaining("q3: INSERT INTO tickets (title) VALUES ('first')")
                .hasMessageContaining("-Dmigrate.squashData=drop");
        assertThat(replayed.script(Squash.DataSteps.DROP).upgrade()).noneMatch(DataOp.BulkInsert.class::isInstance);
    }

    @Test
    void aBranchGrowingFromInsideTheRangeIsRefusedByName() {
        assertThatThrownBy(() -> Squash.replaced(
                        chain(KindsAndItems.class, FirstItem.class, OtherBranch.class), RevisionTarget.of("q2")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision q2b (")
                .hasMessageContaining("grows from q1, inside the range a squash up to q2 would replace");
        assertThatThrownBy(() -> Squash.replaced(chain(KindsAndItems.class), RevisionTarget.of("q1")))
                .hasMessageContaining("Revision q1 is a base: there is nothing to squash below it");
    }

    /** A squash of q1 and q2, beside them. */
    @Revision(
            id = "q12",
            replaces = {"q1", "q2"})
    public static class SquashOfTwo implements Migration {
        @Override
        public void upgrade(Operations op) {
            new KindsAndItems().upgrade(op);
            new FirstItem().upgrade(op);
        }

        @Override
        public void downgrade(Operations op) {
            new FirstItem().downgrade(op);
            new KindsAndItems().downgrade(op);
        }
    }

    // Django tests/migrations/test_commands.py, SquashMigrationsTests.test_squashmigrations_squashes_already_squashed:
    // Django squashes over a squash whose replaced migrations are still there; here the graph cannot hold two squashes
    // of the same revisions, so the squash goal refuses before writing, with both ways on.
    @Test
    void aSecondSquashOverAnEarlierOneWhoseClassesAreDefinedIsRefusedBeforeWriting() {
        Migrator chain = chain(KindsAndItems.class, FirstItem.class, SquashOfTwo.class, AlwaysIdentity.class);
        assertThatThrownBy(() -> Squash.replaced(chain, RevisionTarget.of("q3")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash q12 (")
                .hasMessageContaining("already replaces q2 and the revisions below it, and their classes are still "
                        + "defined, so a squash up to q3 would replace them a second time. Delete q12 first")
                .hasMessageContaining("Nothing was written.");
        // once the replaced classes are deleted, the earlier squash is in the range
        assertThat(Squash.replaced(chain(SquashOfTwo.class, AlwaysIdentity.class), RevisionTarget.of("q3")))
                .containsExactly("q12", "q3");
    }

    @Test
    void anUnknownSquashDataSettingIsRefused() {
        assertThat(Squash.DataSteps.parse(null)).isEqualTo(Squash.DataSteps.CARRY);
        assertThat(Squash.DataSteps.parse("DROP")).isEqualTo(Squash.DataSteps.DROP);
        assertThatThrownBy(() -> Squash.DataSteps.parse("keep"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("-Dmigrate.squashData=keep is not a choice: use carry");
    }
}
