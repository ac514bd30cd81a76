package dev.migrate.op;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each method of a column changes what it names and keeps every other attribute. */
class ColumnTest {
    /** A column with every attribute away from its default. */
    private static final Column FULL = new Column(
            "code", "text", false, "'x'", Identity.always(), "upper(name)", "C", "the code", true, true, true);

    @Test
    void ofStartsNullableWithNothingElse() {
        assertThat(Column.of("code", "text"))
                .isEqualTo(new Column("code", "text", true, null, null, null, null, null, false, false, false));
    }

    @Test
    void eachMethodChangesOnlyWhatItNames() {
        assertThat(FULL.nullable(true))
                .isEqualTo(new Column(
                        "code",
                        "text",
                        true,
                        "'x'",
                        Identity.always(),
                        "upper(name)",
                        "C",
                        "the code",
                        true,
                        true,
                        true));
        assertThat(FULL.nullable(true).notNull()).isEqualTo(FULL);
        assertThat(FULL.defaultValue("'y'").defaultExpression()).isEqualTo("'y'");
        assertThat(FULL.defaultValue("'y'").defaultValue("'x'")).isEqualTo(FULL);
        assertThat(FULL.nullable(true).identity(Identity.always())).isEqualTo(FULL);
        assertThat(FULL.identity().identityGeneration()).isEqualTo(Identity.byDefault());
        assertThat(FULL.generatedAs("lower(name)").generatedAs("upper(name)")).isEqualTo(FULL);
        assertThat(FULL.collate("POSIX").collate("C")).isEqualTo(FULL);
        assertThat(FULL.comment("other").comment("the code")).isEqualTo(FULL);
        assertThat(FULL.unique()).isEqualTo(FULL);
        assertThat(FULL.virtual()).isEqualTo(FULL);
        assertThat(FULL.nullable(true).primaryKey()).isEqualTo(FULL);
    }

    @Test
    void theFlagsAreSetByTheirMethods() {
        Column plain = Column.of("code", "text");
        assertThat(plain.unique().isUnique()).isTrue();
        assertThat(plain.generatedAs("1").virtual().isGeneratedVirtual()).isTrue();
        assertThat(plain.primaryKey())
                .extracting(Column::isPrimaryKey, Column::nullable)
                .containsExactly(true, false);
        assertThat(plain.identity())
                .extracting(Column::identityGeneration, Column::nullable)
                .containsExactly(Identity.byDefault(), false);
    }
}
