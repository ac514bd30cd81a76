package dev.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.op.Catalog;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypesTest {
    private static Connection connection;
    private static Catalog catalog;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("types").getConnection();
        catalog = new Catalog(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "int; DROP TABLE x",
                "text); DROP TABLE x; --",
                "int -- comment",
                "int /* comment */",
                "text'",
                "varchar(50)); DROP TABLE x",
                "\"unclosed",
                "\"a\"; DROP TABLE x; --\"",
                "",
                "   ",
                "int\nDROP",
                "numeric(10,2) DEFAULT (1)",
            })
    void refusesWhatIsNotAType(String type) {
        assertThatThrownBy(() -> Types.check(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PostgreSQL type name")
                .hasMessageContaining("varchar(50)");
    }

    @Test
    void aTypeCheckedBeforeIsGivenBackAsItWasAndWhatIsNotATypeStaysRefused() {
        for (int round = 0; round < 2; round++) {
            assertThat(Types.check("varchar(40)")).isEqualTo("varchar(40)");
            assertThat(Types.check(" varchar(40) ")).isEqualTo("varchar(40)");
            assertThat(Types.check("varchar(40)[]")).isEqualTo("varchar(40)[]");
            assertThatThrownBy(() -> Types.check("varchar(40); DROP TABLE x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Types.check("varchar(40) ")).isEqualTo("varchar(40)");
        }
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Types.check(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTypesAsWrittenInDdlAndPostgresAgrees() {
        catalog.execute("CREATE TYPE \"MyEnum\" AS ENUM ('a')");
        catalog.execute("CREATE SCHEMA app");
        catalog.execute("CREATE TYPE app.\"My Type\" AS ENUM ('b')");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("varchar(50)", "character varying(50)");
        expected.put("numeric(10,2)", "numeric(10,2)");
        expected.put("numeric(10, 2)", "numeric(10,2)");
        expected.put("timestamp(3) with time zone", "timestamp(3) with time zone");
        expected.put("timestamp without time zone", "timestamp without time zone");
        expected.put("double precision", "double precision");
        expected.put("character varying(255)[]", "character varying(255)[]");
        expected.put("\"MyEnum\"", "\"MyEnum\"");
        expected.put("app.\"My Type\"", "app.\"My Type\"");
        expected.put("int[]", "integer[]");
        expected.put("int[][]", "integer[]");
        expected.put("interval day to second", "interval day to second");
        expected.put("bit varying(5)", "bit varying(5)");
        expected.put("timestamptz", "timestamp with time zone");
        expected.put("jsonb", "jsonb");
        expected.put("text[]", "text[]");
        expected.put("pg_catalog.int8", "bigint");
        expected.put("  uuid  ", "uuid");

        int i = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String column = "c" + i++;
            catalog.execute("CREATE TABLE IF NOT EXISTS typed ()");
            catalog.execute("ALTER TABLE typed ADD COLUMN " + column + " " + Types.check(e.getKey()));
            assertThat(catalog.columnType("public", "typed", column))
                    .as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(Types.check("  uuid  ")).isEqualTo("uuid");
    }
}
