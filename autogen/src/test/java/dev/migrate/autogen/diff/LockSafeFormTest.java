package dev.migrate.autogen.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.schema.CheckConstraint;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.autogen.schema.Index;
import dev.migrate.autogen.schema.PrimaryKey;
import dev.migrate.autogen.schema.Table;
import dev.migrate.autogen.schema.TableColumn;
import dev.migrate.op.Constraint;
import dev.migrate.op.Op;
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
                        Op.CreateIndex.class,
                        index -> assertThat(index.isConcurrent()).isTrue());
        assertThat(split.concurrent().downgrade())
                .singleElement()
                .isInstanceOfSatisfying(
                        Op.DropIndex.class,
                        drop -> assertThat(drop.concurrently()).isTrue());
        assertThat(split.concurrent().changes().get(0).notes())
                .noneMatch(n -> n.startsWith("Hazard"))
                .anyMatch(n -> n.startsWith("Lock-safe form: CREATE INDEX CONCURRENTLY"));
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
                        new Op.ValidateConstraint(ITEMS, "items_code_not_null_check"),
                        new Op.AlterColumnNullable(ITEMS, "code", false),
                        new Op.DropConstraint(
                                ITEMS,
                                "items_code_not_null_check",
                                new Constraint.Check("items_code_not_null_check", "code IS NOT NULL", true)),
                        new Op.ValidateConstraint(ITEMS, "ck_code"));
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
