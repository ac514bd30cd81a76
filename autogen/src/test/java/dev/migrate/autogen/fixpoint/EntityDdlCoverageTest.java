package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing Hibernate 7 writes for the entities is ignored: the {@code @View} entity and the casts of a
 * {@code NAMED_ENUM} are migrated with their reverses, a statement nobody models is a change that
 * {@code check} names, and the indexes {@code @Index} can describe ({@code desc}, {@code options})
 * are compared.
 */
@LongSuite
class EntityDdlCoverageTest {
    private static final List<String> DDL = ddl();

    private static List<String> ddl() {
        try {
            Path classes = location(EntityDdlCoverageTest.class);
            return new EntityDdl(List.of(classes), List.of("dev.migrate.autogen.fixpoint.extra"), null, Map.of())
                    .generate(EntityDdlCoverageTest.class.getClassLoader(), 18);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final Comparisons comparison = Comparisons.of("public");

    @Test
    void hibernateWritesAViewAndTwoCasts() {
        assertThat(DDL)
                .contains(
                        "create view OpenTicket as select id, title from tickets where closed is null",
                        "create cast (varchar as Severity) with inout as implicit",
                        "create cast (Severity as varchar) with inout as implicit",
                        "create index ix_tickets_recent on tickets (opened desc, title)",
                        "create index ix_tickets_open on tickets (title) where closed is null");
    }

    @Test
    void viewsAndCastsAreCreatedOnceAndDroppedByTheDowngrade() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("coverage").getConnection()) {
            MigrationScript diff = comparison.compare(c, DDL);
            assertThat(diff.descriptions())
                    .contains(
                            "added view public.openticket",
                            "added cast (varchar as Severity)",
                            "added cast (Severity as varchar)");
            run(c, diff.upgrade());

            MigrationScript again = comparison.compare(c, DDL);
            assertThat(again.descriptions()).isEmpty();
            assertThat(again.warnings()).isEmpty();
            // the @View's query is compared as the catalog spells it: a changed one replaces the view
            List<String> changedQuery = DDL.stream()
                    .map(sql -> sql.replace(
                            "from tickets where closed is null", "from tickets where closed is null and id > 0"))
                    .toList();
            assertThat(comparison.compare(c, changedQuery).upgrade())
                    .singleElement()
                    .isInstanceOf(dev.migrate.op.ObjectOp.ReplaceObject.class);
            // the implicit cast Hibernate relies on: a varchar goes into the enum column
            execute(c, "INSERT INTO tickets (id, severity) VALUES (1, 'LOW'::varchar)");
            assertThat(count(c, "SELECT count(*) FROM openticket")).isEqualTo(1);

            execute(c, "DELETE FROM tickets");
            run(c, diff.downgrade());
            assertThat(count(c, "SELECT count(*) FROM pg_class WHERE relname IN ('openticket', 'tickets')"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM pg_type WHERE typname = 'severity'"))
                    .isZero();
        }
    }

    @Test
    void aStatementNobodyModelsIsAChangeCheckNames() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("coverage_other").getConnection()) {
            List<String> ddl = new ArrayList<>(DDL);
            ddl.add("create domain positive_int as integer check (value > 0)");
            run(c, comparison.compare(c, DDL).upgrade());

            MigrationScript diff = comparison.compare(c, ddl);
            assertThat(diff.changes()).singleElement().satisfies(change -> {
                assertThat(change.description().action()).isEqualTo(Description.Action.NOT_MIGRATED);
                assertThat(change.description().text())
                        .isEqualTo(
                                "not handled: the entity DDL statement \"create domain positive_int as integer check (value > 0)\""
                                        + " is neither compared nor migrated");
                assertThat(change.ops()).isEmpty();
            });
        }
    }

    @Test
    void indexesWithOrderingAndOptionsAreCompared() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("coverage_index").getConnection()) {
            run(c, comparison.compare(c, DDL).upgrade());
            execute(
                    c,
                    "DROP INDEX ix_tickets_open",
                    "CREATE INDEX ix_tickets_open ON tickets (title)",
                    "DROP INDEX ix_tickets_recent",
                    "CREATE INDEX ix_tickets_recent ON tickets (opened, title)");
            DatabaseSchema before = catalog(c);

            MigrationScript diff = comparison.compare(c, DDL);
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "index ix_tickets_open on tickets: WHERE none -> (closed IS NULL)",
                            "index ix_tickets_recent on tickets: keys [opened, title] -> [opened DESC, title]");
            run(c, diff.upgrade());
            assertThat(comparison.compare(c, DDL).descriptions()).isEmpty();
            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);

            execute(c, "DROP INDEX ix_tickets_open");
            assertThat(comparison.compare(c, DDL).descriptions()).contains("added index ix_tickets_open on tickets");
        }
    }

    private static long count(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
