package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.RESOURCES;
import static dev.migrate.imports.liquibase.LiquibaseTesting.loader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
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
        assertThat(chain.refusals()).hasSize(3);
    }

    /**
     * The project's class is not on the import's path: Liquibase would fail the changelog, the import names it. With
     * no checksum computed here, the fix points at the ones the history holds.
     */
    @Test
    void customChangeIsRefusedByItsClass() {
        assertThat(chain.refusals())
                .contains("The changeset move-data by alice in custom.xml runs the custom change class"
                        + " com.example.migrations.MovePeople, Java code whose effect the import cannot read. Rewrite it"
                        + " as SQL in a <sql> changeset, with a <validCheckSum> of the MD5SUM its rows in"
                        + " databasechangelog hold, so that the databases that ran it still move in, or take it out of"
                        + " the changelog (the rows of the databases that ran it are passed over) and write it again as"
                        + " a Java revision after the import.");
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
    void markRanPreconditionBecomesTheRevisionsGuard() {
        assertThat(chain.refusals()).noneMatch(r -> r.contains("maybe-index"));
        assertThat(migration("maybe-index").guards())
                .containsExactly(new SqlOp.Guard(
                        new Precondition.Not(new Precondition.IndexExists(null, "person_id_idx", null, List.of())),
                        Precondition.OnFail.MARK_RAN,
                        "not(indexExists indexName=person_id_idx)"));
        assertThat(migration("maybe-index").notes())
                .contains("Its precondition not(indexExists indexName=person_id_idx) (onFail=MARK_RAN) is its guard,"
                        + " evaluated on the database it runs on.");
    }

    /**
     * dropAllForeignKeyConstraints renders from what the live database holds: refused, not rendered empty. The fix
     * gives the rewritten changeset the checksums the databases that ran it recorded, so that they still move in.
     */
    @Test
    void whatNeedsALiveDatabaseIsRefused() {
        LiquibaseChangeSet dropFks =
                LiquibaseChangelog.parse(loader(), LiquibaseProject.of(RESOURCES.resolve("refusals"), "custom.xml"))
                        .changeSets()
                        .stream()
                        .filter(c -> c.id().equals("drop-fks"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dropFks.checksum9()).startsWith("9:");
        assertThat(chain.refusals())
                .contains("The changeset drop-fks by dan in custom.xml cannot be imported: Its"
                        + " dropAllForeignKeyConstraints change needs a live database to render its SQL (Liquibase generates"
                        + " it from what the database holds then). Replace it with a <sql> changeset that does the same to"
                        + " the database (for a change Liquibase renders, the SQL `liquibase update-sql` prints for it), with"
                        + " <validCheckSum>" + dropFks.checksum9() + "</validCheckSum> and <validCheckSum>"
                        + dropFks.checksum8() + "</validCheckSum> in it (its checksums as the databases that ran it"
                        + " recorded them), so that they still move in; or, where it changed nothing in the database,"
                        + " take it out of the changelog (the rows of the databases that ran it are passed over). Then"
                        + " import again.");
    }

    /** A precondition that halts held wherever the changeset ran: kept as a note. */
    @Test
    void haltingPreconditionIsKeptAsANote() {
        assertThat(chain.refusals()).noneMatch(r -> r.contains(" checked "));
        assertThat(migration("checked").notes()).anyMatch(n -> n.contains("precondition tableExists"));
        assertThat(migration("checked").upgrade()).containsExactly("ALTER TABLE public.person ADD name TEXT");
    }

    /**
     * Every precondition that only a database decides, under not, or or and with a dbms that does not decide it,
     * becomes the guard of its revision (the dbms part decided for PostgreSQL); changeSetExecuted naming a changeset
     * of the changelog is decided at import (LiquibaseChangeSetExecutedTest).
     */
    @Test
    void everyPreconditionOnlyADatabaseDecidesBecomesAGuardAndChangeSetExecutedIsDecided() {
        OldChain runtime = LiquibaseChangelog.read(
                loader(), List.of(RESOURCES.resolve("refusals")), "runtime.xml", Map.of(), null, null);
        QualifiedName person = QualifiedName.parse("person");
        Map<String, Precondition> kinds = new LinkedHashMap<>();
        kinds.put("tableExists", new Precondition.TableExists(person));
        kinds.put("columnExists", new Precondition.ColumnExists(person, "id"));
        kinds.put("indexExists", new Precondition.IndexExists(null, "person_id_idx", null, List.of()));
        kinds.put("viewExists", new Precondition.ViewExists(QualifiedName.parse("people")));
        kinds.put("sequenceExists", new Precondition.SequenceExists(QualifiedName.parse("person_seq")));
        kinds.put("primaryKeyExists", new Precondition.PrimaryKeyExists(null, "person", "person_pk"));
        kinds.put("foreignKeyConstraintExists", new Precondition.ForeignKeyExists(null, null, "person_fk"));
        kinds.put("sqlCheck", new Precondition.SqlCheck("SELECT count(*) FROM person", "0"));
        kinds.put("rowCount", new Precondition.RowCount(person, 0));
        kinds.put("tableIsEmpty", new Precondition.TableIsEmpty(person));
        kinds.put("or", new Precondition.TableExists(person)); // or(tableExists, dbms oracle)
        kinds.put("and", new Precondition.TableExists(person)); // and(dbms postgresql, tableExists)
        kinds.forEach((kind, precondition) -> assertThat(runtime.migrations().stream()
                        .filter(m -> m.key().equals("runtime.xml::" + kind + "::alice"))
                        .findFirst()
                        .orElseThrow()
                        .guards())
                .as(kind)
                .singleElement()
                .satisfies(guard -> {
                    assertThat(guard.precondition()).isEqualTo(new Precondition.Not(precondition));
                    assertThat(guard.onFail()).isEqualTo(Precondition.OnFail.MARK_RAN);
                    assertThat(guard.message()).startsWith("not(");
                }));
        // changeSetExecuted names the changeset before it: decided at import, it holds, so not(...) fails everywhere
        assertThat(runtime.refusals()).isEmpty();
        assertThat(runtime.migrations()).noneMatch(m -> m.key().equals("runtime.xml::changeSetExecuted::alice"));
        assertThat(runtime.warnings())
                .contains("The changeset changeSetExecuted by alice in runtime.xml has the precondition"
                        + " not(changeSetExecuted changeLogFile=runtime.xml id=0 author=alice) with onFail=MARK_RAN,"
                        + " which fails on every PostgreSQL database: Liquibase marks it ran there without running"
                        + " it, so it is not part of the chain; the MARK_RAN rows Liquibase recorded for it move in"
                        + " with each database.");
    }

    private static OldMigration migration(String id) {
        return chain.migrations().stream()
                .filter(m -> m.key().contains("::" + id + "::"))
                .findFirst()
                .orElseThrow();
    }
}
