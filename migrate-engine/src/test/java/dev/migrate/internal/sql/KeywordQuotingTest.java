package dev.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.op.Catalog;
import dev.migrate.sql.Identifiers;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The keyword list in {@link Identifiers} against the keywords of the PostgreSQL we test on. */
class KeywordQuotingTest {
    private static Connection connection;
    private static Catalog catalog;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("keywords").getConnection();
        catalog = new Catalog(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void everyKeywordThatIsNotFreeToUseIsQuoted() {
        List<String> restricted =
                catalog.column("select word from pg_get_keywords() where catcode in ('R', 'T', 'C') order by word");
        assertThat(restricted).hasSizeGreaterThan(100);
        List<String> unquoted = restricted.stream()
                .filter(w -> !Identifiers.quote(w).equals('"' + w + '"'))
                .toList();
        assertThat(unquoted)
                .as("reserved, type/function-name and column-name keywords left unquoted")
                .isEmpty();
    }

    @Test
    void unreservedKeywordsAndOrdinaryNamesAreNotQuoted() {
        List<String> unreserved =
                catalog.column("select word from pg_get_keywords() where catcode = 'U' order by word");
        assertThat(unreserved).contains("name", "type", "value", "key", "action", "data");
        List<String> quoted =
                unreserved.stream().filter(w -> !Identifiers.quote(w).equals(w)).toList();
        assertThat(quoted).as("unreserved keywords quoted without need").isEmpty();
        for (String name : List.of("agents", "id", "status", "created_at", "_private", "a1", "a$b", "text", "jsonb")) {
            assertThat(Identifiers.quote(name)).isEqualTo(name);
        }
    }

    @Test
    void everyKeywordWorksAsATableAndColumnNameOnceQuoted() {
        List<String> all = catalog.column("select word from pg_get_keywords() order by word");
        String columns =
                all.stream().map(w -> Identifiers.quote(w) + " integer").collect(Collectors.joining(", "));
        catalog.execute("CREATE TABLE keywords (" + columns + ")");
        assertThat(catalog.column("select column_name from information_schema.columns where table_name = 'keywords' "
                        + "order by ordinal_position"))
                .isEqualTo(all);

        for (String word : catalog.column("select word from pg_get_keywords() where catcode <> 'U' order by word")) {
            catalog.execute("CREATE TABLE " + Identifiers.quote(word) + " (" + Identifiers.quote(word) + " integer)");
            catalog.execute("DROP TABLE " + Identifiers.quote(word));
        }
    }
}
