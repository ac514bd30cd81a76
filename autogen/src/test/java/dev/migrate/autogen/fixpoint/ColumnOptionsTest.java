package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.AttributeOptions;
import dev.migrate.catalog.read.UnreadObjects;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column's options ({@code pg_attribute.attoptions}): those a person sets ({@code n_distinct}, {@code
 * n_distinct_inherited}) are compared like any object beside the tables, with their reverse; those a packaged
 * server stamps on every column it creates (Debian's {@code pg_attver=...}) are no difference, no warning and no
 * note.
 */
@LongSuite
class ColumnOptionsTest {
    private static final List<String> TABLES = List.of(
            "create table orders (id bigint not null, customer varchar(50), status varchar(20), primary key (id))");

    @TempDir
    Path project;

    @Test
    void onlyTheOptionsAPersonSetsAreCompared() {
        assertThat(AttributeOptions.setByUser("n_distinct=100")).isTrue();
        assertThat(AttributeOptions.setByUser("n_distinct_inherited=-0.5")).isTrue();
        assertThat(AttributeOptions.setByUser("N_DISTINCT = 3")).isTrue();
        assertThat(AttributeOptions.setByUser("pg_attver=150020")).isFalse();
        assertThat(AttributeOptions.setByUser("n_distinct_guess=1")).isFalse();
    }

    @Test
    void optionsTheServerSetsByItselfAreNoDifferenceAndNoWarning() throws Exception {
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("column_options_server").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, TABLES);
            execute(c, "ALTER TABLE orders ALTER COLUMN status SET (n_distinct = 4)");
            // what a packaged server does on every column it creates; ALTER TABLE refuses an option it does not
            // know, the catalog itself does not
            execute(
                    c,
                    "UPDATE pg_attribute SET attoptions = coalesce(attoptions, '{}') || 'pg_attver=150020'::text"
                            + " WHERE attrelid = 'orders'::regclass AND attnum > 0");
            assertThat(UnreadObjects.in(c, List.of("public"))).isEmpty();
            // beside a person's option, the server's own is left out of the definition
            assertThat(ObjectReader.read(c, List.of("public")))
                    .extracting(SchemaObject::sql)
                    .containsExactly("ALTER TABLE public.orders ALTER COLUMN status SET (n_distinct=4);");
            MigrationScript diff = comparison.compare(c, TABLES);
            assertNoChanges(diff);
            assertThat(diff.warnings()).isEmpty();
            assertThat(diff.changes().stream().flatMap(change -> change.notes().stream()))
                    .isEmpty();
        }
    }

    @Test
    void anOptionSetByHandIsADifferenceWithItsReverse() throws Exception {
        Path objects = project.resolve("db/objects");
        Files.createDirectories(objects);
        Files.writeString(objects.resolve("statistics.sql"), """
                -- the planner misjudges how many customers there are
                ALTER TABLE orders ALTER COLUMN customer SET (n_distinct = 100);
                ALTER TABLE orders ALTER COLUMN status SET (n_distinct = -0.05, n_distinct_inherited = 4);
                """);
        Comparisons comparison = Comparisons.of("public").declaring(DeclaredObjects.in(objects, "db/objects"));
        try (Connection c = TestPostgres.freshDatabase("column_options_user").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES);
            List<SchemaObject> before = ObjectReader.read(c, List.of("public"));

            MigrationScript diff = comparison.compare(c, TABLES);
            assertThat(diff.upgrade())
                    .filteredOn(op -> op instanceof ObjectOp.CreateObject)
                    .extracting(op -> ((ObjectOp.CreateObject) op).definition().kind())
                    .containsExactly(ObjectKind.COLUMN_OPTIONS, ObjectKind.COLUMN_OPTIONS);
            assertThat(diff.descriptions()).anyMatch(d -> d.contains("customer ON public.orders"));
            run(c, diff.upgrade());
            assertNoChanges(comparison.compare(c, TABLES));
            assertThat(ObjectReader.read(c, List.of("public")))
                    .extracting(SchemaObject::sql)
                    .containsExactly(
                            "ALTER TABLE public.orders ALTER COLUMN customer SET (n_distinct=100);",
                            "ALTER TABLE public.orders ALTER COLUMN status SET (n_distinct=-0.05, n_distinct_inherited=4);");

            // changed by hand: replaced, and the downgrade puts the declared value back
            execute(c, "ALTER TABLE orders ALTER COLUMN customer SET (n_distinct = 7)");
            List<SchemaObject> edited = ObjectReader.read(c, List.of("public"));
            MigrationScript back = comparison.compare(c, TABLES);
            assertThat(back.descriptions()).hasSize(1);
            run(c, back.upgrade());
            assertNoChanges(comparison.compare(c, TABLES));
            run(c, back.downgrade());
            assertThat(ObjectReader.read(c, List.of("public"))).isEqualTo(edited);

            execute(c, "ALTER TABLE orders ALTER COLUMN customer SET (n_distinct = 100)");
            run(c, diff.downgrade());
            assertThat(ObjectReader.read(c, List.of("public"))).isEqualTo(before);
        }
    }
}
