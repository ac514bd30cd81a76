package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.RESOURCES;
import static dev.migrate.imports.liquibase.LiquibaseTesting.loader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A changelog in every format Liquibase 4 reads (XML, YAML, JSON, formatted SQL), with include, includeAll,
 * parameters, contexts, labels, a tag, written and derived rollbacks and a runOnChange view, read by the import and
 * run by real Liquibase.
 */
@LongSuite
class LiquibaseChangelogTest {
    private static final String MASTER = "db/changelog/master.xml";
    private static final String PREFIX = "app_";

    private static LiquibaseChangelog all;

    private static LiquibaseProject project(@Nullable String contexts, @Nullable String labels) {
        return new LiquibaseProject(
                List.of(RESOURCES.resolve("formats")), MASTER, Map.of("prefix", PREFIX), contexts, labels);
    }

    @BeforeAll
    static void read() {
        all = LiquibaseChangelog.parse(loader(), project(null, null));
    }

    /**
     * Real Liquibase writes, for every changeset, the id, author, file name and checksum the import read, in the
     * same order; the import's statements build the same columns on another database.
     */
    @Test
    void historyAndSchemaMatchRealLiquibase() throws Exception {
        String byLiquibase = LiquibaseTesting.updatedDatabase(project(null, null), new LiquibaseUpdate.Stop.All());
        assertThat(LiquibaseTesting.history(byLiquibase)).isEqualTo(LiquibaseTesting.expectedHistory(all));

        String byImport = TestPostgres.createDatabase("liquibase_import");
        LiquibaseTesting.apply(byImport, all.toChain());
        assertThat(LiquibaseTesting.columns(byImport))
                .isEqualTo(LiquibaseTesting.columns(byLiquibase))
                .contains(List.of("app_invoice", "id", "integer", "NO", "NO"))
                .contains(List.of("app_setting", "key", "character varying", "NO", "NO"));
    }

    /**
     * Liquibase nests each included changelog's precondition container, empty or not, into the including one's: a
     * changelog whose files check nothing is not reported as checking preconditions.
     */
    @Test
    void includedChangelogsWithoutPreconditionsAreNotWarnedAbout() {
        assertThat(all.toChain().warnings()).noneMatch(w -> w.contains("precondition"));
    }

    /** Contexts and labels choose the same changesets for the import as for Liquibase's update. */
    @Test
    void contextsAndLabelsFilterAsLiquibaseDoes() throws Exception {
        LiquibaseProject filtered = project("prod", "!billing");
        LiquibaseChangelog read = LiquibaseChangelog.parse(loader(), filtered);
        assertThat(read.changeSets())
                .extracting(LiquibaseChangeSet::id)
                .doesNotContain("2", "3", "sql-1", "sql-2")
                .contains("1", "people-1", "more-2");
        String db = LiquibaseTesting.updatedDatabase(filtered, new LiquibaseUpdate.Stop.All());
        assertThat(LiquibaseTesting.history(db)).isEqualTo(LiquibaseTesting.expectedHistory(read));
    }

    /** update-count leaves a database at an old version whose history is the first changesets the import read. */
    @Test
    void updateCountLeavesTheDatabaseAtAnOldVersion() throws Exception {
        String db = LiquibaseTesting.updatedDatabase(project(null, null), new LiquibaseUpdate.Stop.Count(3));
        assertThat(LiquibaseTesting.history(db))
                .isEqualTo(LiquibaseTesting.expectedHistory(all).subList(0, 3));
        String toTag = LiquibaseTesting.updatedDatabase(project(null, null), new LiquibaseUpdate.Stop.ToTag("v1"));
        assertThat(LiquibaseTesting.history(toTag))
                .extracting(row -> row.get(0))
                .endsWith("release-1");
    }

    @Test
    void readsWhatLiquibaseRecordsOfEachChangeSet() {
        assertThat(all.changeSets())
                .extracting(LiquibaseChangeSet::key)
                .containsExactly(
                        "db/changelog/master.xml::1::alice",
                        "db/changelog/master.xml::2::alice",
                        "db/changelog/master.xml::3::bob",
                        "db/changelog/master.xml::5::bob",
                        "db/changelog/master.xml::release-1::alice",
                        "db/changelog/people.yaml::people-1::dave",
                        "db/changelog/people.yaml::people-2::dave",
                        "db/changelog/orders.json::orders-1::erin",
                        "db/changelog/extra.sql::sql-1::frank",
                        "db/changelog/extra.sql::sql-2::frank",
                        "db/changelog/more/001-tag.xml::more-1::gina",
                        "db/changelog/more/002-settings.yaml::more-2::gina",
                        "db/changelog/master.xml::view::carol",
                        "db/changelog/master.xml::concurrently::carol",
                        "db/changelog/master.xml::undo-by-reference::carol");
        for (LiquibaseChangeSet c : all.changeSets()) {
            assertThat(c.checksum9()).as(c.key()).startsWith("9:");
            assertThat(c.checksum8()).as(c.key()).startsWith("8:");
            assertThat(c.problems()).as(c.key()).isEmpty();
        }
        LiquibaseChangeSet invoice = changeSet("3");
        assertThat(invoice.statements())
                .containsExactly(
                        "CREATE TABLE app_invoice (id int PRIMARY KEY, person_id bigint REFERENCES person (id))",
                        "COMMENT ON TABLE app_invoice IS 'bills'");
        assertThat(invoice.labels()).isEqualTo("billing");
        assertThat(changeSet("2").contexts()).isEqualTo("test");
        assertThat(changeSet("5").statements())
                .singleElement()
                .asString()
                .startsWith("CREATE TABLE public.audit_entry")
                .endsWith(" WITH (fillfactor = 90)");
        assertThat(changeSet("release-1").tag()).isEqualTo("v1");
        assertThat(changeSet("release-1").statements()).isEmpty();
        assertThat(changeSet("people-2").preconditions())
                .containsExactly(new LiquibaseChangeSet.Precondition(
                        "tableExists",
                        "HALT",
                        "HALT",
                        "tableExists tableName=person",
                        "runtime",
                        new LiquibaseGuards(
                                new dev.migrate.op.Precondition.TableExists(
                                        dev.migrate.op.QualifiedName.parse("person")),
                                List.of()),
                        null,
                        null,
                        "IGNORE"));
        assertThat(changeSet("concurrently").runInTransaction()).isFalse();
        assertThat(changeSet("view").runOnChange()).isTrue();
    }

    @Test
    void rollbacksWrittenReferencedAndDerived() {
        assertThat(changeSet("3").rollbackKind()).isEqualTo("written");
        assertThat(changeSet("3").rollback()).containsExactly("DROP TABLE app_invoice");
        assertThat(changeSet("sql-1").rollback()).containsExactly("DROP TABLE shipment");
        assertThat(changeSet("concurrently").rollback()).containsExactly("DROP INDEX public.person_name_idx");
        // a reference to changeset 5 rolls back with 5's changes, as Liquibase runs it
        assertThat(changeSet("undo-by-reference").rollback())
                .singleElement()
                .asString()
                .startsWith("CREATE TABLE public.audit_entry");
        assertThat(changeSet("1").rollbackKind()).isEqualTo("derived");
        assertThat(changeSet("1").rollback()).containsExactly("DROP TABLE public.person");
        assertThat(changeSet("orders-1").rollback())
                .containsExactly(
                        "ALTER TABLE public.orders DROP CONSTRAINT orders_person_fk", "DROP TABLE public.orders");
        assertThat(changeSet("sql-2").rollback()).isNull();
        assertThat(changeSet("sql-2").rollbackReason()).contains("raw SQL");
        assertThat(changeSet("2").rollback()).isNull();
        assertThat(changeSet("2").rollbackReason()).contains("insert");
    }

    @Test
    void becomesAnOldChain() {
        OldChain chain = all.toChain();
        assertThat(chain.tool()).isEqualTo(OldTool.LIQUIBASE);
        assertThat(chain.table()).isEqualTo("databasechangelog");
        assertThat(chain.refusals()).isEmpty();
        OldMigration first = chain.migrations().get(0);
        assertThat(first.key()).isEqualTo("db/changelog/master.xml::1::alice");
        assertThat(first.source()).isEqualTo("db/changelog/master.xml");
        assertThat(first.description()).isEqualTo("People who use the application");
        assertThat(first.checksums()).hasSize(2).allSatisfy(c -> assertThat(c).matches("[98]:[0-9a-f]{32}"));
        assertThat(first.kind()).isEqualTo(OldMigration.Kind.VERSIONED);
        assertThat(first.notes()).anyMatch(n -> n.contains("derives"));
        OldMigration view = migration(chain, "view");
        assertThat(view.kind()).isEqualTo(OldMigration.Kind.REPEATABLE);
        assertThat(view.upgrade()).singleElement().asString().startsWith("CREATE OR REPLACE VIEW");
        assertThat(migration(chain, "concurrently").transactional()).isFalse();
        assertThat(migration(chain, "release-1").notes()).anyMatch(n -> n.contains("v1"));
        assertThat(migration(chain, "2").notes()).anyMatch(n -> n.contains("contexts test"));
    }

    private static LiquibaseChangeSet changeSet(String id) {
        return all.changeSets().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static OldMigration migration(OldChain chain, String id) {
        return chain.migrations().stream()
                .filter(m -> m.key().contains("::" + id + "::"))
                .findFirst()
                .orElseThrow();
    }
}
