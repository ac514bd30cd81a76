package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.op.Rows;
import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rows inserted with the values of an identity or serial key (declared rows that name the id, a deleted row put back
 * by a downgrade) move the key's sequence past them, so the application's next row takes a free value, and never
 * move it back, so a downgrade that restores an old row does not make the sequence hand out values again.
 */
class RowsSequenceTest {
    @Revision(id = "r1", message = "regions with their ids")
    public static class Regions implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("regions", column("id", "bigint").identity().primaryKey(), column("code", "text"));
            op.createTable("tiers", column("id", "serial").primaryKey(), column("name", "text"));
            op.insertRows(
                    "regions",
                    Rows.keyedBy("id").columns("id", "code").row("1", "EU").row("3", "AS"));
            op.insertRows("tiers", Rows.keyedBy("id").columns("id", "name").row("5", "gold"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tiers");
            op.dropTable("regions");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "Asia goes")
    public static class WithoutAsia implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.deleteRows("regions", Rows.keyedBy("id").columns("id", "code").row("3", "AS"));
        }

        @Override
        public void downgrade(Operations op) {
            op.insertRows("regions", Rows.keyedBy("id").columns("id", "code").row("3", "AS"));
        }
    }

    private final DataSource database = TestPostgres.freshDatabase("rows_sequence");

    @Test
    void theKeysSequenceMovesPastTheInsertedValuesAndNeverBack() throws SQLException {
        Migrator chain = Migrator.builder()
                .dataSource(database)
                .migrations(Regions.class, WithoutAsia.class)
                .build();
        chain.upgrade("r1");
        TestPostgres.execute(
                database, "INSERT INTO regions (code) VALUES ('AF')", "INSERT INTO tiers (name) VALUES ('silver')");
        assertThat(TestPostgres.query(database, "SELECT id || '=' || code FROM regions ORDER BY id"))
                .containsExactly("1=EU", "3=AS", "4=AF");
        assertThat(TestPostgres.query(database, "SELECT id || '=' || name FROM tiers ORDER BY id"))
                .containsExactly("5=gold", "6=silver");

        chain.upgrade("head");
        TestPostgres.execute(database, "INSERT INTO regions (code) VALUES ('AM')");
        chain.downgrade("r1");
        TestPostgres.execute(database, "INSERT INTO regions (code) VALUES ('OC')");
        assertThat(TestPostgres.query(database, "SELECT id || '=' || code FROM regions ORDER BY id"))
                .as("Asia put back with its id; the sequence went on from where the application left it")
                .containsExactly("1=EU", "3=AS", "4=AF", "5=AM", "6=OC");
    }
}
