package dev.migrate.autogen;

import static dev.migrate.autogen.SqlRows.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of a data file points at the place a person fixes, as a compiler does: {@code file:line:column},
 * for a value of the wrong type (the server's reason kept), a duplicate key (both lines), too many or too few
 * fields, an unknown column, an unterminated quote and a statement a {@code .sql} data file may not hold; in a
 * transaction the connection stays usable after the search for the bad value.
 */
class DataFilePlacesTest {
    private static final String DATA = "db/data";

    @TempDir
    Path project;

    @Test
    void aValueOfTheWrongTypeIsPointedAtWithTheServersReason() throws Exception {
        try (Connection c = database("places_type")) {
            assertThatThrownBy(() -> compare(c, "country.csv", """
                            code,name,population
                            FR,France,68
                            DE,Germany,84
                            IT,Italy,59
                            ES,Spain,48
                            PT,Portugal,one
                            """))
                    .hasMessageStartingWith("db/data/country.csv:6:13: the value of column population does not read"
                            + " as its type integer in public.country: ")
                    .hasMessageContaining("invalid input syntax for type integer: \"one\"");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name, population) VALUES
                                ('FR', 'France', 68),
                                ('PT', 'Portugal',   'one');
                            """))
                    .hasMessageStartingWith("db/data/country.sql:3:26: the value of column population does not read")
                    .hasMessageContaining("invalid input syntax for type integer: \"one\"");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name, population) VALUES ('FR', 'France', 68);
                            INSERT INTO country (code, name, population) VALUES ('PT', 'Portugal', 10 +);
                            """))
                    .hasMessageStartingWith("db/data/country.sql:2:72: the value of column population (10 +) is not a"
                            + " SQL literal the server reads: ");
        }
    }

    @Test
    void theSearchForTheBadValueLeavesATransactionUsable() throws Exception {
        try (Connection c = database("places_transaction")) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name,population\nFR,France,sixty\n"))
                    .hasMessageStartingWith("db/data/country.csv:2:11: ");
            execute(c, "SELECT 1");
            c.rollback();
        }
    }

    @Test
    void aDuplicateKeyNamesBothLines() throws Exception {
        try (Connection c = database("places_duplicate")) {
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,France\nDE,Germany\nFR,Frankreich\n"))
                    .hasMessageStartingWith("db/data/country.csv:4:1: this row has the key [code] = [FR], as the row"
                            + " at db/data/country.csv:2:1 has. Keep one of them.");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name) VALUES
                              ('FR', 'France'),
                              ('FR', 'Frankreich');
                            """))
                    .hasMessageStartingWith("db/data/country.sql:3:4: this row has the key [code] = [FR], as the row"
                            + " at db/data/country.sql:2:4 has.");
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\n,France\n"))
                    .hasMessageStartingWith("db/data/country.csv:2:1: this row has no value for the key [code].");
        }
    }

    @Test
    void tooManyOrTooFewFieldsPointAtTheRow() throws Exception {
        try (Connection c = database("places_fields")) {
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,France\nDE,Germany,84\n"))
                    .hasMessageStartingWith(
                            "db/data/country.csv:3:12: this row has 3 values for the 2 columns" + " [code, name].");
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,France\nDE\n"))
                    .hasMessageStartingWith("db/data/country.csv:3:1: this row has 1 values for the 2 columns");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name) VALUES ('FR', 'France'), ('DE', 'Germany', 84);
                            """))
                    .hasMessageStartingWith("db/data/country.sql:1:77: this row has 3 values for the 2 columns");
        }
    }

    @Test
    void anUnknownOrRepeatedColumnIsPointedAtInTheHeader() throws Exception {
        try (Connection c = database("places_columns")) {
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name,populaton\nFR,France,68\n"))
                    .hasMessageStartingWith("db/data/country.csv:1:11: the file names a column that public.country"
                            + " lacks: populaton. Its columns are code, name, population;");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code,
                                                 nom) VALUES ('FR', 'France');
                            """))
                    .hasMessageStartingWith("db/data/country.sql:2:22: the file names a column");
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name,code\nFR,France,FR\n"))
                    .hasMessageStartingWith("db/data/country.csv:1:11: the header names column code twice (first at"
                            + " db/data/country.csv:1:1).");
        }
    }

    @Test
    void quotingMistakesArePointedAt() throws Exception {
        try (Connection c = database("places_quotes")) {
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,France\nDE,\"Germany\nIT,Italy\n"))
                    .hasMessageStartingWith("db/data/country.csv:3:4: this quote opens a field that no quote closes"
                            + " before the end of the file.");
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,Fr\"ance\n"))
                    .hasMessageStartingWith("db/data/country.csv:2:6: a quote inside an unquoted field.");
            assertThatThrownBy(() -> compare(c, "country.csv", "code,name\nFR,\"France\"x\n"))
                    .hasMessageStartingWith("db/data/country.csv:2:12: text after a quoted field's closing quote.");
        }
    }

    @Test
    void aStatementASqlDataFileMayNotHoldIsPointedAt() throws Exception {
        try (Connection c = database("places_statements")) {
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name) VALUES ('FR', 'France');

                              DELETE FROM country;
                            """))
                    .hasMessageStartingWith("db/data/country.sql:3:3: a statement other than INSERT INTO country");
            assertThatThrownBy(() -> compare(c, "country.sql", """
                            INSERT INTO country (code, name) VALUES ('FR', 'France')
                            INSERT INTO country (code, name) VALUES ('DE', 'Germany');
                            """))
                    .hasMessageStartingWith("db/data/country.sql:2:1: the INSERT goes on after its rows.");
            assertThatThrownBy(() -> compare(c, "country.sql", "INSERT INTO country (code, name) VALUES ('FR', 'Fr'"))
                    .hasMessageStartingWith("db/data/country.sql:1:41: this row's parenthesis is not closed");
            assertThatThrownBy(() -> compare(c, "country.sql", "INSERT INTO countries (code) VALUES ('FR');"))
                    .hasMessageStartingWith("db/data/country.sql:1:1: this INSERT goes into public.countries");
            assertThat(SqlRows.rows(c, "SELECT count(*)::text FROM country")).containsExactly("0");
        }
    }

    private MigrationScript compare(Connection c, String file, String text) throws Exception {
        Path data = Files.createTempDirectory(project, "data");
        Files.writeString(data.resolve(file), text);
        return new RowsComparison(c, "public", 1000)
                .compare(
                        MigrationScript.empty(),
                        DeclaredRows.in(data, DATA, "public").inContexts(Set.of()))
                .everywhere();
    }

    private static Connection database(String name) throws SQLException {
        Connection c = TestPostgres.freshDatabase(name).getConnection();
        execute(c, "CREATE TABLE country (code text PRIMARY KEY, name text NOT NULL, population integer)");
        return c;
    }
}
