package dev.migrate.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.migrate.catalog.Generated;
import dev.migrate.catalog.Partition;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What only some PostgreSQL majors have, read on a server of that major; {@link CatalogReaderTest}
 * reads what every major has on each of them.
 */
class CatalogVersionsTest {

    @Test
    void readsPostgres18VirtualGeneratedColumnsAndSkipsNotNullConstraints() throws SQLException {
        DataSource db = TestPostgres.freshDatabase(18, "catalog_pg18");
        execute(db, """
                CREATE TABLE item (
                    price numeric NOT NULL CONSTRAINT item_price_given NOT NULL,
                    doubled numeric GENERATED ALWAYS AS (price * 2) VIRTUAL
                )
                """);

        Table item;
        try (Connection c = db.getConnection()) {
            item = Objects.requireNonNull(
                    new CatalogReader().read(c, List.of("public")).table("public", "item"));
        }

        assertThat(item.columns())
                .containsExactly(
                        TableColumn.of("price", "numeric", false),
                        new TableColumn(
                                "doubled",
                                "numeric",
                                true,
                                null,
                                null,
                                new Generated("(price * (2)::numeric)", false),
                                null,
                                null));
        assertThat(item.checkConstraints()).isEmpty();
        assertThat(item.uniqueConstraints()).isEmpty();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("dev.migrate.testing.TestPostgres#majorsWithConcurrentDetach")
    void readsAPartitionWhoseConcurrentDetachWasInterruptedAsPending(int major) throws SQLException {
        DataSource db = TestPostgres.freshDatabase(major, "catalog_detach");
        execute(db, """
                CREATE TABLE events (id bigint NOT NULL, created date NOT NULL) PARTITION BY RANGE (created);
                CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
                CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
                """);
        try (Connection reader = db.getConnection();
                Connection detacher = db.getConnection();
                Statement read = reader.createStatement();
                Statement detach = detacher.createStatement()) {
            // a transaction that still reads the parent makes the detach's second step wait; cancelled
            // there, the first step stays committed and the partition is left pending
            reader.setAutoCommit(false);
            read.executeQuery("SELECT count(*) FROM events").close();
            detach.execute("SET statement_timeout = '300ms'");
            assertThatThrownBy(() -> detach.execute("ALTER TABLE events DETACH PARTITION events_2026_01 CONCURRENTLY"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("statement timeout");
            reader.rollback();
        }

        List<Partition> partitions;
        try (Connection c = db.getConnection()) {
            Table events = Objects.requireNonNull(
                    new CatalogReader().read(c, List.of("public")).table("public", "events"));
            partitions = Objects.requireNonNull(events.partitioning()).partitions();
        }

        assertThat(partitions)
                .extracting(Partition::name, Partition::detachPending)
                .containsExactly(tuple("events_2026_01", true), tuple("events_2026_02", false));
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
