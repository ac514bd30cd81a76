package dev.migrate.autogen;

import static dev.migrate.autogen.SqlRows.execute;
import static dev.migrate.autogen.SqlRows.rows;
import static dev.migrate.autogen.SqlRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.TableOp;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared rows ({@code db/data/}) compared with the rows at head: added, changed and removed by key, with the
 * downgrade that puts them back as they were; parents before children; deletes that other rows block; and the
 * refusals of files that do not fit their table.
 */
class RowsComparisonTest {
    private static final String SCHEMA = """
            CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL);
            CREATE TABLE countries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                code char(2) NOT NULL UNIQUE,
                name text NOT NULL,
                region text REFERENCES regions (code),
                population numeric(12,1),
                note text,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE customers (id bigint PRIMARY KEY, country_id bigint REFERENCES countries (id));
            INSERT INTO regions VALUES ('EU', 'Europe'), ('AF', 'Africa'), ('OC', 'Oceania');
            INSERT INTO countries (code, name, region, population, note) VALUES
                ('FR', 'France', 'EU', 68, NULL), ('DE', 'Germany', 'EU', 84, ''), ('XX', 'Nowhere', NULL, NULL, 'x'),
                ('AU', 'Australia', 'OC', 27, NULL);
            """;

    @TempDir
    Path project;

    @Test
    void rowsAddedChangedAndRemovedByKeyAndTheDowngradePutsThemBackAsTheyWere() throws Exception {
        try (Connection c = database("rows_added_changed_removed")) {
            List<String> before = rows(c, "SELECT countries::text FROM countries ORDER BY id");
            // 68 and 84.0 read as numeric(12,1) are what the table holds: no change; "" is not NULL
            MigrationScript script = compare(c, Map.of("countries.csv", """
                    code,name,region,population,note
                    FR,France,EU,68,
                    DE,Deutschland,EU,84.0,""
                    CI,"Côte d'Ivoire, ""CI""\",AF,29.3,
                    AU,Australia,OC,27,
                    """));

            assertThat(script.descriptions())
                    .containsExactly(
                            "added 1 row of public.countries (code CI)",
                            "1 row of public.countries (code DE): name 'Germany' -> 'Deutschland'",
                            "removed 1 row of public.countries (code XX)");
            run(c, script.upgrade());
            assertThat(rows(
                            c,
                            "SELECT code || ':' || name || ':' || coalesce(note, 'NULL') FROM countries ORDER BY code"))
                    .containsExactly(
                            "AU:Australia:NULL", "CI:Côte d'Ivoire, \"CI\":NULL", "DE:Deutschland:", "FR:France:NULL");
            assertThat(compare(c, Map.of("countries.csv", """
                            code,name,region,population,note
                            FR,France,EU,68,
                            DE,Deutschland,EU,84.0,""
                            CI,"Côte d'Ivoire, ""CI""\",AF,29.3,
                            AU,Australia,OC,27,
                            """)).isEmpty())
                    .as("compared again, the rows are as declared")
                    .isTrue();

            run(c, script.downgrade());
            assertThat(rows(c, "SELECT countries::text FROM countries ORDER BY id"))
                    .as("every column of the deleted row back, its identity and timestamp too")
                    .isEqualTo(before);
        }
    }

    @Test
    void parentsAreInsertedBeforeTheirChildrenAndDeletedAfterThem() throws Exception {
        try (Connection c = database("rows_parents_children")) {
            MigrationScript script = compare(
                    c,
                    Map.of(
                            "regions.csv", "code,name\nEU,Europe\nAF,Africa\nAS,Asia\n",
                            "countries.sql", """
                                    INSERT INTO countries (code, name, region) VALUES
                                        ('FR', 'France', 'EU'), ('DE', 'Germany', 'EU'), ('XX', 'Nowhere', NULL);
                                    INSERT INTO countries (code, name, region) VALUES ('JP', 'Japan', 'AS');
                                    """));

            assertThat(script.descriptions())
                    .containsExactly(
                            "added 1 row of public.regions (code AS)",
                            "added 1 row of public.countries (code JP)",
                            "removed 1 row of public.countries (code AU)",
                            "removed 1 row of public.regions (code OC)");
            run(c, script.upgrade());
            assertThat(rows(c, "SELECT code FROM regions ORDER BY code")).containsExactly("AF", "AS", "EU");
            run(c, script.downgrade());
            assertThat(rows(c, "SELECT code FROM regions ORDER BY code")).containsExactly("AF", "EU", "OC");
            assertThat(rows(c, "SELECT code FROM countries ORDER BY code")).containsExactly("AU", "DE", "FR", "XX");
        }
    }

    @Test
    void aDeleteThatRowsOfAnotherTableStillPointToIsRefusedWithTheirCount() throws Exception {
        try (Connection c = database("rows_blocked_delete")) {
            execute(
                    c,
                    "INSERT INTO customers SELECT g, (SELECT id FROM countries WHERE code = 'XX')"
                            + " FROM generate_series(1, 3) g");

            assertThatThrownBy(() ->
                            compare(c, Map.of("countries.csv", "code,name\nFR,France\nDE,Germany\nAU,Australia\n")))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("Nothing was written: 3 rows of public.customers (country_id) point to the"
                            + " 1 row of public.countries that src/main/resources/db/data/countries.csv no longer"
                            + " declares, so deleting them would fail.")
                    .hasMessageContaining("Keep those rows in the file");
        }
    }

    @Test
    void theMigrationStopsWhereAnotherDatabaseHoldsRowsPointingToWhatItDeletes() throws Exception {
        try (Connection c = database("rows_guard")) {
            MigrationScript script =
                    compare(c, Map.of("countries.csv", "code,name\nFR,France\nDE,Germany\nAU,Australia\n"));
            assertThat(script.guards()).hasSize(1);
            // by the file's key, not by the ids this database gave the countries, which another may not share
            assertThat(script.guards().get(0).query())
                    .isEqualTo("SELECT 1 FROM public.customers WHERE country_id IN"
                            + " (SELECT id FROM public.countries WHERE code IN ('XX'))");
            // a database the comparison never saw: a customer in XX
            execute(c, "INSERT INTO customers VALUES (1, (SELECT id FROM countries WHERE code = 'XX'))");

            assertThatThrownBy(() -> run(c, script.upgrade()))
                    .hasMessageContaining("rows of public.customers still point to rows of public.countries that this"
                            + " migration deletes (country_id)");
            assertThat(rows(c, "SELECT code FROM countries WHERE code = 'XX'")).containsExactly("XX");
        }
    }

    @Test
    void aTableTheMigrationCreatesGetsEveryRowAndTheJavaReadsAsATable() throws Exception {
        try (Connection c = database("rows_new_table")) {
            TableOp.CreateTable plans = new TableOp.CreateTable(
                    new QualifiedName(null, "plans"),
                    List.of(
                            dev.migrate.Ddl.column("tier", "text").primaryKey(),
                            dev.migrate.Ddl.column("price", "numeric(8,2)").notNull()),
                    null);
            MigrationScript schema = new MigrationScript(
                    List.of(dev.migrate.catalog.diff.OpGroup.outsideTables(List.of(new dev.migrate.catalog.diff.Change(
                            dev.migrate.catalog.diff.Description.added("table public.plans"),
                            List.of(plans),
                            List.of())))),
                    List.of());
            RowsComparison.Result result = new RowsComparison(c, "public", 100)
                    .compare(
                            schema,
                            declared(Map.of("plans.csv", "tier,price\nfree,0\npro,9.90\n"))
                                    .inContexts(Set.of()));
            MigrationScript script = result.everywhere();
            assertThat(script.descriptions()).containsExactly("added 2 rows of public.plans (tier free, pro)");
            String java = new MigrationWriter(Path.of("unused"), "db.migrations")
                    .toJavaFile(NewMigration.autogenerated("20261128_100000", List.of(), "plans", script))
                    .toString();
            assertThat(java)
                    .contains("op.insertRows(\"plans\", Rows.keyedBy(\"tier\")\n")
                    .contains(".columns(\"tier\", \"price\")\n")
                    .contains(".row(\"free\", \"0\")\n")
                    .contains(".row(\"pro\", \"9.90\"));")
                    // the downgrade drops the table with its rows: deleting them first could only fail
                    .doesNotContain("op.deleteRows(");
            List<Op> all = new ArrayList<>(List.of(plans));
            all.addAll(script.upgrade());
            run(c, all);
            assertThat(rows(c, "SELECT tier || '=' || price FROM plans ORDER BY tier"))
                    .containsExactly("free=0.00", "pro=9.90");
        }
    }

    @Test
    void tablesTheMigrationCreatesGetTheirRowsParentsFirstWhenTheirForeignKeyIsAddedAfterThem() throws Exception {
        try (Connection c = database("rows_new_tables_parents_first")) {
            // as the entities' DDL has it: both tables, then the foreign key; the child's name sorts first
            TableOp.CreateTable zones = new TableOp.CreateTable(
                    new QualifiedName(null, "zones"),
                    List.of(dev.migrate.Ddl.column("code", "text").primaryKey()),
                    null);
            TableOp.CreateTable shops = new TableOp.CreateTable(
                    new QualifiedName(null, "shops"),
                    List.of(
                            dev.migrate.Ddl.column("id", "bigint").primaryKey(),
                            dev.migrate.Ddl.column("zone", "text").notNull()),
                    null);
            ConstraintOp.AddConstraint fk = new ConstraintOp.AddConstraint(
                    new QualifiedName(null, "shops"),
                    dev.migrate.Ddl.foreignKey("fk_shops_zone", "zone").references("zones", "code"));
            List<Op> created = List.of(zones, shops, fk);
            MigrationScript schema = new MigrationScript(
                    List.of(dev.migrate.catalog.diff.OpGroup.outsideTables(List.of(new dev.migrate.catalog.diff.Change(
                            dev.migrate.catalog.diff.Description.added("tables public.zones, public.shops"),
                            created,
                            List.of())))),
                    List.of());
            MigrationScript script = new RowsComparison(c, "public", 100)
                    .compare(
                            schema,
                            declared(Map.of("zones.csv", "code\nnorth\n", "shops.csv", "id,zone\n1,north\n"))
                                    .inContexts(Set.of()))
                    .everywhere();

            assertThat(script.descriptions())
                    .containsExactly("added 1 row of public.zones (code north)", "added 1 row of public.shops (id 1)");
            List<Op> all = new ArrayList<>(created);
            all.addAll(script.upgrade());
            run(c, all);
            // the downgrade drops both tables with their rows, whatever other rows point to them
            assertThat(script.downgrade()).isEmpty();
        }
    }

    @Test
    void aChangedRowIsWrittenAsAnUpdateWhoseDowngradePutsThePreviousValuesBack() throws Exception {
        try (Connection c = database("rows_update_written")) {
            MigrationScript script =
                    compare(c, Map.of("regions.csv", "code,name\nEU,Europe\nAF,Afrique\nOC,Oceania\n"));
            String java = new MigrationWriter(Path.of("unused"), "db.migrations")
                    .toJavaFile(NewMigration.autogenerated("20261128_100000", List.of(), "afrique", script))
                    .toString();
            String downgrade = java.substring(java.indexOf("public void downgrade"));
            assertThat(java.substring(0, java.indexOf("public void downgrade")))
                    .contains("op.updateRows(\"regions\", Rows.keyedBy(\"code\")")
                    .contains(".row(\"AF\", \"Afrique\"));");
            assertThat(downgrade)
                    .contains("op.updateRows(\"regions\", Rows.keyedBy(\"code\")")
                    .contains(".row(\"AF\", \"Africa\"));");
        }
    }

    @Test
    void rowsOfAContextsFolderAreComparedOnlyInARunGivenThatContextAndKeptApart() throws Exception {
        try (Connection c = database("rows_contexts")) {
            DeclaredRows declared = declared(Map.of(
                    "regions.csv", "code,name\nEU,Europe\nAF,Africa\nOC,Oceania\n",
                    "test/customers.csv", "id,country_id\n1,\n2,\n"));
            assertThat(declared.inContexts(Set.of())).hasSize(1);

            RowsComparison.Result inTest = new RowsComparison(c, "public", 100)
                    .compare(MigrationScript.empty(), declared.inContexts(Set.of("test")));
            assertThat(inTest.everywhere().isEmpty()).isTrue();
            assertThat(inTest.limited().descriptions()).containsExactly("added 2 rows of public.customers (id 1, 2)");
        }
    }

    @Test
    void filesThatDoNotFitTheirTableAreRefusedNamingTheFileAndTheFix() throws Exception {
        try (Connection c = database("rows_refused")) {
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "code,nom\nFR,France\n")))
                    .hasMessageStartingWith("src/main/resources/db/data/countries.csv:1:6: the file names a column"
                            + " that public.countries lacks: nom. Its columns are id, code, name, region, population, note,"
                            + " created_at;");
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "name\nFrance\n")))
                    .hasMessageContaining("gives no key of public.countries")
                    .hasMessageContaining("[[id], [code]]");
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "code,name\nFR,France\nFR,La France\n")))
                    .hasMessageContaining("countries.csv:3:1: this row has the key [code] = [FR], as the row at"
                            + " src/main/resources/db/data/countries.csv:2:1 has");
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "code,name\n,France\n")))
                    .hasMessageContaining("countries.csv:2:1: this row has no value for the key [code]");
            assertThatThrownBy(() -> compare(c, Map.of("planets.csv", "code\nEA\n")))
                    .hasMessageContaining("declares the rows of public.planets, which neither the migrations nor the"
                            + " entities create");
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "code,population\nFR,many\n")))
                    .hasMessageContaining("countries.csv:2:4: the value of column population does not read as"
                            + " its type numeric(12,1) in public.countries")
                    .hasMessageContaining("\"many\"");
            assertThatThrownBy(() -> new RowsComparison(c, "public", 2)
                            .compare(
                                    MigrationScript.empty(),
                                    declared(Map.of("regions.csv", "code,name\nEU,Europe\n"))
                                            .inContexts(Set.of())))
                    .hasMessageContaining("public.regions holds more than 2 rows")
                    .hasMessageContaining("dataRowLimit (now 2)");
            assertThatThrownBy(() -> compare(c, Map.of("countries.csv", "code,name\nFR,\"France\n")))
                    .hasMessageContaining("countries.csv:2:4: this quote opens a field that no quote closes");
            assertThatThrownBy(() -> compare(c, Map.of("countries.sql", "DELETE FROM countries;")))
                    .hasMessageContaining("countries.sql:1:1: a statement other than INSERT INTO countries");
            assertThat(rows(c, "SELECT count(*)::text FROM countries")).containsExactly("4");
        }
    }

    private MigrationScript compare(Connection c, Map<String, String> files) throws Exception {
        return new RowsComparison(c, "public", 1000)
                .compare(MigrationScript.empty(), declared(files).inContexts(Set.of()))
                .everywhere();
    }

    private DeclaredRows declared(Map<String, String> files) throws Exception {
        Path data = Files.createTempDirectory(project, "data");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = data.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return DeclaredRows.in(data, "src/main/resources/db/data", "public");
    }

    private static Connection database(String name) throws SQLException {
        Connection c = TestPostgres.freshDatabase(name).getConnection();
        execute(c, SCHEMA);
        return c;
    }
}
