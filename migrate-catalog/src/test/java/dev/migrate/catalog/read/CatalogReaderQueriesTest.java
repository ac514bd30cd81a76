package dev.migrate.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A read costs a fixed number of queries whatever the number of tables (the same on every major). */
class CatalogReaderQueriesTest {
    @Test
    void sendsTheSameNumberOfQueriesForOneTableAsForTwoHundred() throws SQLException {
        assertThat(queriesToRead(tables(1))).isEqualTo(CatalogReader.QUERIES_PER_READ);
        assertThat(queriesToRead(tables(200))).isEqualTo(CatalogReader.QUERIES_PER_READ);
    }

    private static DataSource tables(int count) throws SQLException {
        DataSource db = TestPostgres.freshDatabase("catalog_count");
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ddl.append("CREATE TABLE t")
                    .append(i)
                    .append(" (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                    .append(" name text UNIQUE, parent integer")
                    .append(i == 0 ? "" : " REFERENCES t" + (i - 1))
                    .append(");\n")
                    .append("CREATE INDEX t")
                    .append(i)
                    .append("_parent ON t")
                    .append(i)
                    .append(" (parent);\n");
        }
        execute(db, ddl.toString());
        return db;
    }

    private static int queriesToRead(DataSource db) throws SQLException {
        CatalogReader reader = new CatalogReader();
        try (Connection c = db.getConnection()) {
            DatabaseSchema schema = reader.read(c, List.of("public"));
            assertThat(schema.tables()).isNotEmpty();
        }
        return reader.queriesSent();
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
