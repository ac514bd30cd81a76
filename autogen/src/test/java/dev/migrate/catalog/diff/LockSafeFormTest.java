package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.lint.LintRule;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which changes the lock-safe form moves, and where, without a server. */
class LockSafeFormTest {
    private static final QualifiedName ITEMS = new QualifiedName(null, "items");
    private static final Index IX_CODE =
            new Index("ix_code", false, "btree", List.of("code"), List.of(), null, false, "CREATE INDEX ix_code ...");

    private static Table items(List<Index> indexes, List<CheckConstraint> checks, boolean codeNullable) {
        return new Table(
                "public",
                "items",
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("code", "text", codeNullable)),
                new PrimaryKey("items_pkey", List.of("id")),
                List.of(),
                List.of(),
                checks,
                List.of(),
                indexes,
                null);
    }

    private static MigrationScript diff(List<Table> live, List<Table> desired) {
        return SchemaDiff.compare(
                DatabaseSchema.of(live, List.of(), List.of()),
                DatabaseSchema.of(desired, List.of(), List.of()),
                SchemaDiff.Options.defaults());
    }

    @Test
    void anIndexAloneGoesToTheConcurrentPartAndTheFirstMigrationIsEmpty() {
        MigrationScript script =
                diff(List.of(items(List.of(), List.of(), true)), List.of(items(List.of(IX_CODE), List.of(), true)));

        LockSafeForm.Split split = LockSafeForm.of(script);

        assertThat(split.inTransaction().isEmpty()).isTrue();
        assertThat(split.concurrent().upgrade())
                .singleElement()
                .isInstanceOfSatisfying(
                        IndexOp.CreateIndex.class,
                        index -> assertThat(index.isConcurrent()).isTrue());
        assertThat(split.concurrent().downgrade())
                .singleElement()
                .isInstanceOfSatisfying(
                        IndexOp.DropIndex.class,
                        drop -> assertThat(drop.concurrently()).isTrue());
        assertThat(ChangeNotes.of(split.concurrent().changes().get(0)))
                .noneMatch(n -> n.startsWith("Hazard"))
                .anyMatch(n -> n.startsWith("Lock-safe form: CREATE INDEX CONCURRENTLY"));
    }

    @Test
    void theHazardDecidesTheLockSafeFormWhateverTheNotesSay() {
        IndexOp.CreateIndex byCode = IndexOp.CreateIndex.on("ix_code", ITEMS, List.of("code"));
        IndexOp.CreateIndex byName = IndexOp.CreateIndex.on("ix_name", ITEMS, List.of("name"));
        IndexOp.CreateIndex byId = IndexOp.CreateIndex.on("ix_id", ITEMS, List.of("id"));
        // the hazard, with notes worded any way at all
        Change hazard = new Change(
                Description.added("index ix_code on items"),
                List.of(byCode),
                List.of(new Hazard(LintRule.INDEX_NOT_CONCURRENT, "index ix_code on public.items", null, true)),
                List.of("Reworded: this index is built under a lock."),
                null,
                false);
        // a note that reads exactly like the hazard, and no hazard
        Change noteOnly = new Change(
                Description.added("index ix_name on items"),
                List.of(byName),
                List.of("Hazard [index-not-concurrent]: index ix_name on public.items: builds an index."));
        // the hazard, for a change autogenerate does not rewrite
        Change keptPlain = new Change(
                Description.added("index ix_id on items"),
                List.of(byId),
                new Hazard(LintRule.INDEX_NOT_CONCURRENT, "index ix_id on public.items", null, false));
        MigrationScript script = new MigrationScript(
                List.of(new OpGroup(ObjectName.of("public", "items"), List.of(hazard, noteOnly, keptPlain))),
                List.of());

        LockSafeForm.Split split = LockSafeForm.of(script);

        assertThat(split.concurrent().changes()).singleElement().satisfies(change -> {
            assertThat(change.ops()).containsExactly(byCode.concurrently());
            assertThat(change.hazards()).isEmpty();
            assertThat(change.notes()).first().isEqualTo("Reworded: this index is built under a lock.");
        });
        assertThat(split.inTransaction().upgrade()).containsExactly(byName, byId);
    }

    @Test
    void aCheckIsAddedNotValidThenValidatedAndSetNotNullGoesThroughAValidatedCheck() {
        CheckConstraint positive = new CheckConstraint("ck_code", "CHECK ((length(code) > 0))", true);
        MigrationScript script =
                diff(List.of(items(List.of(), List.of(), true)), List.of(items(List.of(), List.of(positive), false)));

        LockSafeForm.Split split = LockSafeForm.of(script);

        assertThat(split.inTransaction().upgrade())
                .extracting(Object::toString)
                .anySatisfy(op -> assertThat(op).contains("ck_code").contains("isNotValid=true"))
                .anySatisfy(op ->
                        assertThat(op).contains("items_code_not_null_check").contains("isNotValid=true"))
                .noneSatisfy(op -> assertThat(op).startsWith("AlterColumnNullable"));
        assertThat(split.concurrent().upgrade())
                .containsExactly(
                        new ConstraintOp.ValidateConstraint(ITEMS, "items_code_not_null_check"),
                        new ColumnOp.AlterColumnNullable(ITEMS, "code", false),
                        new ConstraintOp.DropConstraint(
                                ITEMS,
                                "items_code_not_null_check",
                                new Constraint.Check("items_code_not_null_check", "code IS NOT NULL", true)),
                        new ConstraintOp.ValidateConstraint(ITEMS, "ck_code"));
    }

    @Test
    void aTableTheMigrationCreatesKeepsThePlainForm() {
        MigrationScript script = diff(List.of(), List.of(items(List.of(IX_CODE), List.of(), false)));

        LockSafeForm.Split split = LockSafeForm.of(script);

        assertThat(split.concurrent().isEmpty()).isTrue();
        assertThat(split.inTransaction()).isEqualTo(script);
    }

    @Test
    void theCheckNameIsShortenedToWhatPostgresKeeps() {
        String name = LockSafeForm.notNullCheckName("t".repeat(40), "c".repeat(40));
        assertThat(name).hasSize(63).endsWith("_not_null_check").startsWith("tttt");
    }
}
