package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.RESOURCES;
import static dev.migrate.imports.liquibase.LiquibaseTesting.loader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.OldChain;
import dev.migrate.imports.OldMigration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the import cannot keep is refused by name, with the way out, and never dropped. */
class LiquibaseRefusalTest {
    private static OldChain chain;

    @BeforeAll
    static void read() {
        chain = LiquibaseChangelog.read(
                loader(), List.of(RESOURCES.resolve("refusals")), "custom.xml", Map.of(), null, null);
    }

    @Test
    void everyChangeSetIsStillInTheChain() {
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly(
                        "custom.xml::1::alice",
                        "custom.xml::move-data::alice",
                        "custom.xml::refresh-stats::bob",
                        "custom.xml::maybe-index::carol",
                        "custom.xml::checked::carol",
                        "custom.xml::drop-fks::dan");
        assertThat(chain.refusals()).hasSize(4);
    }

    /** The project's class is not on the import's path: Liquibase would fail the changelog, the import names it. */
    @Test
    void customChangeIsRefusedByItsClass() {
        assertThat(chain.refusals())
                .contains("The changeset move-data by alice in custom.xml runs the custom change"
                        + " class com.example.migrations.MovePeople, Java code whose effect the import cannot read. Rewrite"
                        + " it as SQL in a <sql> changeset, or take it out of the changelog and write it again as a Java"
                        + " revision after the import.");
        assertThat(migration("move-data").javaClass()).isEqualTo("com.example.migrations.MovePeople");
    }

    @Test
    void runAlwaysIsRefused() {
        assertThat(chain.refusals())
                .contains("The changeset refresh-stats by bob in custom.xml is runAlways:"
                        + " Liquibase runs it on every update, which no revision of a chain does. Move it out of the changelog"
                        + " to a repeatable job or a step that runs after migrate (as Flyway's afterMigrate), then import"
                        + " again.");
        assertThat(migration("refresh-stats").kind()).isEqualTo(OldMigration.Kind.ALWAYS);
    }

    @Test
    void markRanPreconditionIsRefused() {
        assertThat(chain.refusals())
                .contains("The changeset maybe-index by carol in custom.xml has the precondition"
                        + " not(indexExists indexName=person_id_idx) with onFail=MARK_RAN and onError=HALT: Liquibase may have skipped it or marked it ran without"
                        + " running it on some databases, so what ran differs per database. Run `liquibase update` on every"
                        + " database first so that all are past it, then remove the precondition (or make it onFail=HALT)"
                        + " and import again.");
    }

    /** dropAllForeignKeyConstraints renders from what the live database holds: refused, not rendered empty. */
    @Test
    void whatNeedsALiveDatabaseIsRefused() {
        assertThat(chain.refusals())
                .contains("The changeset drop-fks by dan in custom.xml cannot be imported: Its"
                        + " dropAllForeignKeyConstraints change needs a live database to render its SQL (Liquibase generates"
                        + " it from what the database holds then). Rewrite it as explicit SQL in a <sql> changeset (the SQL"
                        + " `liquibase update-sql` prints for it) and import again.");
    }

    /** A precondition that halts held wherever the changeset ran: kept as a note. */
    @Test
    void haltingPreconditionIsKeptAsANote() {
        assertThat(chain.refusals()).noneMatch(r -> r.contains(" checked "));
        assertThat(migration("checked").notes()).anyMatch(n -> n.contains("precondition tableExists"));
        assertThat(migration("checked").upgrade()).containsExactly("ALTER TABLE public.person ADD name TEXT");
    }

    /**
     * Every precondition that only a database decides, under not, or or and with a dbms that does not decide it:
     * refused by name, with the way out, until revisions carry guards of their own.
     */
    @Test
    void everyPreconditionOnlyADatabaseDecidesIsRefusedByName() {
        OldChain runtime = LiquibaseChangelog.read(
                loader(), List.of(RESOURCES.resolve("refusals")), "runtime.xml", Map.of(), null, null);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("tableExists", "tableExists tableName=person");
        kinds.put("columnExists", "columnExists tableName=person columnName=id");
        kinds.put("indexExists", "indexExists indexName=person_id_idx");
        kinds.put("viewExists", "viewExists viewName=people");
        kinds.put("sequenceExists", "sequenceExists sequenceName=person_seq");
        kinds.put("primaryKeyExists", "primaryKeyExists tableName=person primaryKeyName=person_pk");
        kinds.put("foreignKeyConstraintExists", "foreignKeyConstraintExists foreignKeyName=person_fk");
        kinds.put("sqlCheck", "sqlCheck expectedResult=0");
        kinds.put("changeSetExecuted", "changeSetExecuted changeLogFile=runtime.xml id=0 author=alice");
        kinds.put("rowCount", "rowCount tableName=person expectedRows=0");
        kinds.put("tableIsEmpty", "tableIsEmpty tableName=person");
        kinds.put("or", "or(tableExists tableName=person, dbms type=oracle)");
        kinds.put("and", "and(dbms type=postgresql, tableExists tableName=person)");
        assertThat(runtime.refusals()).hasSize(kinds.size());
        kinds.forEach((kind, text) -> assertThat(runtime.refusals())
                .contains("The changeset " + kind + " by alice in runtime.xml has the precondition not(" + text
                        + ") with onFail=MARK_RAN and onError=HALT: Liquibase may have skipped it or marked it ran"
                        + " without running it on some databases, so what ran differs per database. Run `liquibase"
                        + " update` on every database first so that all are past it, then remove the precondition (or"
                        + " make it onFail=HALT) and import again."));
    }

    private static OldMigration migration(String id) {
        return chain.migrations().stream()
                .filter(m -> m.key().contains("::" + id + "::"))
                .findFirst()
                .orElseThrow();
    }
}
