package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.RESOURCES;
import static dev.migrate.imports.liquibase.LiquibaseTesting.loader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dbms}, decided at import time for PostgreSQL: as a changeset's attribute and as a precondition, alone and
 * under {@code and}, {@code or} and {@code not}. The definitions are those of Liquibase 4.33's {@code
 * DatabaseListTest} ("check if database matches dbms definition"), asked of PostgreSQL; Liquibase's own update of
 * the same changelog is the oracle for what runs and what it marks ran.
 */
@LongSuite
class LiquibaseDbmsTest {
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES.resolve("dbms"), "changelog.xml");

    /** The numbers of DatabaseListTest's definitions (in the changelog's order) that PostgreSQL matches. */
    private static final List<Integer> MATCHING = List.of(1, 2, 5, 6, 8, 11);

    private static final List<Integer> NOT_MATCHING = List.of(3, 4, 7, 9, 10);

    private static OldChain chain;

    @BeforeAll
    static void read() {
        chain = LiquibaseChangelog.read(loader(), PROJECT);
    }

    @Test
    void whatPostgresqlRunsIsTheChain() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            if (MATCHING.contains(i)) {
                expected.add("changelog.xml::attr-" + i + "::dbms");
                expected.add("changelog.xml::pre-" + i + "::dbms");
            }
        }
        expected.addAll(List.of(
                "changelog.xml::warn::dbms",
                "changelog.xml::not-oracle::dbms",
                "changelog.xml::or-oracle-postgresql::dbms"));
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactlyElementsOf(expected);
        assertThat(chain.refusals()).isEmpty();
    }

    @Test
    void aChangeSetForOtherDatabasesIsNamedInTheReport() {
        for (int i : NOT_MATCHING) {
            assertThat(chain.warnings())
                    .anyMatch(w -> w.startsWith("The changeset attr-" + i + " by dbms in changelog.xml"
                            + " is for other databases only (dbms=\""));
        }
        assertThat(chain.warnings())
                .contains("The changeset attr-7 by dbms in changelog.xml is for other databases only"
                        + " (dbms=\"oracle,mysql,mssql\"): Liquibase never runs it on PostgreSQL, so it is not part of"
                        + " the chain.");
    }

    @Test
    void aFailingDbmsPreconditionIsNamedWithWhatLiquibaseDoes() {
        assertThat(chain.warnings())
                .contains(
                        "The changeset pre-9 by dbms in changelog.xml has the precondition dbms type=!postgresql with"
                                + " onFail=MARK_RAN, which fails on every PostgreSQL database: Liquibase marks it ran"
                                + " there without running it, so it is not part of the chain; the MARK_RAN rows"
                                + " Liquibase recorded for it move in with each database.",
                        "The changeset continue by dbms in changelog.xml has the precondition dbms type=oracle with"
                                + " onFail=CONTINUE, which fails on every PostgreSQL database: Liquibase skips it there"
                                + " on every update and records nothing, so it is not part of the chain.",
                        "The changeset oracle-and-table by dbms in changelog.xml has the precondition dbms"
                                + " type=oracle, tableExists tableName=attr_runs_1 with onFail=MARK_RAN, which fails on every PostgreSQL"
                                + " database: Liquibase marks it ran there without running it, so it is not part of the"
                                + " chain; the MARK_RAN rows Liquibase recorded for it move in with each database.");
    }

    @Test
    void aPreconditionThatHoldsOrWarnsIsImportedPlainly() {
        assertThat(migration("not-oracle").notes())
                .contains("Its precondition not(dbms type=oracle) holds on every" + " PostgreSQL database.");
        assertThat(migration("warn").notes())
                .contains("Its precondition dbms type=oracle fails on PostgreSQL, and Liquibase runs it all the same"
                        + " (onFail=WARN).");
        assertThat(migration("warn").upgrade()).containsExactly("CREATE TABLE public.warn_runs (id INTEGER)");
    }

    /** A dbms precondition that halts on PostgreSQL: no PostgreSQL database ran past it. */
    @Test
    void aHaltingPreconditionForOtherDatabasesIsRefused() {
        OldChain halt = LiquibaseChangelog.read(loader(), LiquibaseProject.of(RESOURCES.resolve("dbms"), "halt.xml"));
        assertThat(halt.refusals())
                .containsExactly("The changeset oracle-only by dbms in halt.xml has the precondition dbms type=oracle"
                        + " with onFail=HALT, which fails on every PostgreSQL database: Liquibase stops every update of"
                        + " a PostgreSQL database there, so no database ran past it. Remove the changeset, or add"
                        + " postgresql to its dbms precondition (or make it onFail=MARK_RAN), and import again.");
    }

    /** Liquibase's own update runs what the chain holds and marks ran what the import leaves out. */
    @Test
    void liquibaseOnPostgresqlAgrees() throws Exception {
        String byLiquibase = LiquibaseTesting.updatedDatabase(PROJECT, LiquibaseUpdate.Stop.all());
        String byChain = TestPostgres.createDatabase("dbms_chain");
        LiquibaseTesting.apply(byChain, chain);
        String tables = "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY 1";
        assertThat(LiquibaseTesting.rows(byChain, tables)).isEqualTo(LiquibaseTesting.rows(byLiquibase, tables));
        assertThat(LiquibaseTesting.rows(byChain, tables))
                .noneMatch(row -> row.get(0).contains("skipped"));

        List<List<String>> markedRan = new ArrayList<>();
        for (int i : NOT_MATCHING) {
            markedRan.add(List.of("pre-" + i));
        }
        markedRan.add(List.of("oracle-and-table"));
        assertThat(LiquibaseTesting.rows(
                        byLiquibase,
                        "SELECT id FROM databasechangelog WHERE exectype = 'MARK_RAN' ORDER BY orderexecuted"))
                .isEqualTo(markedRan);
        assertThat(LiquibaseTesting.rows(
                        byLiquibase, "SELECT id FROM databasechangelog WHERE id LIKE 'attr-%'" + " OR id = 'continue'"))
                .hasSize(MATCHING.size());
    }

    /**
     * expectedQuotingStrategy and changeLogPropertyDefined look at the changelog and its parameters only: decided at
     * import time as dbms is, and Liquibase's update on PostgreSQL agrees.
     */
    @Test
    void preconditionsOnTheChangelogAloneAreDecidedToo() throws Exception {
        LiquibaseProject decided = new LiquibaseProject(
                List.of(RESOURCES.resolve("dbms")), "decided.xml", Map.of("env", "prod"), null, null);
        OldChain read = LiquibaseChangelog.read(loader(), decided);
        assertThat(read.refusals()).isEmpty();
        assertThat(read.migrations())
                .extracting(OldMigration::key)
                .containsExactly("decided.xml::quoting-legacy::decided", "decided.xml::env-prod::decided");
        assertThat(read.warnings())
                .containsExactly(
                        "The changeset quoting-all by decided in decided.xml has the precondition"
                                + " expectedQuotingStrategy strategy=QUOTE_ALL_OBJECTS with onFail=MARK_RAN, which fails"
                                + " on every PostgreSQL database: Liquibase marks it ran there without running it, so it"
                                + " is not part of the chain; the MARK_RAN rows Liquibase recorded for it move in with"
                                + " each database.",
                        "The changeset env-test by decided in decided.xml has the precondition changeLogPropertyDefined"
                                + " property=env value=test with onFail=MARK_RAN, which fails on every PostgreSQL"
                                + " database: Liquibase marks it ran there without running it, so it is not part of the"
                                + " chain; the MARK_RAN rows Liquibase recorded for it move in with each database.",
                        "The changeset undefined by decided in decided.xml has the precondition"
                                + " changeLogPropertyDefined property=nowhere with onFail=CONTINUE, which fails on every"
                                + " PostgreSQL database: Liquibase skips it there on every update and records nothing,"
                                + " so it is not part of the chain.");

        String byLiquibase = LiquibaseTesting.updatedDatabase(decided, LiquibaseUpdate.Stop.all());
        assertThat(LiquibaseTesting.rows(
                        byLiquibase, "SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly(
                        List.of("quoting-legacy", "EXECUTED"),
                        List.of("quoting-all", "MARK_RAN"),
                        List.of("env-prod", "EXECUTED"),
                        List.of("env-test", "MARK_RAN"));
    }

    /**
     * Liquibase 4.33's ChangeLogPropertyDefinedPreconditionTest ("evaluate global and local properties correctly"):
     * a global property, a property local to the changeset's changelog, and one defined nowhere.
     */
    @Test
    void changeLogPropertyDefinedSeesGlobalAndLocalProperties() throws Exception {
        LiquibaseProject properties = LiquibaseProject.of(RESOURCES.resolve("dbms"), "property/root.xml");
        OldChain read = LiquibaseChangelog.read(loader(), properties);
        assertThat(read.refusals()).isEmpty();
        assertThat(read.migrations())
                .extracting(OldMigration::key)
                .containsExactly("property/child.xml::global::property", "property/child.xml::local::property");
        assertThat(read.warnings()).singleElement().asString().startsWith("The changeset non-existent by property");
        String byLiquibase = LiquibaseTesting.updatedDatabase(properties, LiquibaseUpdate.Stop.all());
        assertThat(LiquibaseTesting.rows(
                        byLiquibase, "SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly(
                        List.of("global", "EXECUTED"),
                        List.of("local", "EXECUTED"),
                        List.of("non-existent", "MARK_RAN"));
    }

    private static OldMigration migration(String id) {
        return chain.migrations().stream()
                .filter(m -> m.key().contains("::" + id + "::"))
                .findFirst()
                .orElseThrow();
    }
}
