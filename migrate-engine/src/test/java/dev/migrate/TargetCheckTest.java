package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.graph.RevisionTarget;
import dev.migrate.testing.StubDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target is checked against the migrations before anything connects: a misspelt revision, prefix or
 * branch fails naming it, and neither one database nor a fleet is asked for a connection (a fleet fails
 * once, not once per tenant). What needs the database (how many steps back) is left to the run.
 */
class TargetCheckTest {
    @Revision(id = "a1b2c3", message = "create orders", branchLabels = "orders")
    public static class First implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "a1d4e5", revises = "a1b2c3", message = "add total")
    public static class Second implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("total", "numeric(10,2)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "total");
        }
    }

    private final AtomicInteger connections = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "head",
                "heads",
                "base",
                "a1b2c3",
                "a1d",
                "+1",
                "-2",
                "a1b2c3+1",
                "head-1",
                "base+2",
                "orders@head",
                "a1b2c3@+1",
                "a1b2c3,a1d4e5",
                "base:head",
                "a1b2c3:head"
            })
    void everyFormTheGraphAnswersIsAccepted(String target) {
        assertThatCode(() -> migrator().checkTarget(RevisionTarget.orRange(target)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"hed", "zz99", "a1", "nosuch@head", "zz99+1", "a1b2c3,zz99", "zz99:head", "head:zz99", "+x"})
    void aTargetTheGraphCannotAnswerFailsNamingIt(String target) {
        BadTargetException e = catchThrowableOfType(
                BadTargetException.class, () -> migrator().checkTarget(RevisionTarget.orRange(target)));
        assertThat(e).as(target).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upgrade", "downgrade", "stamp"})
    void aMisspeltTargetFailsBeforeTheDatabaseIsAskedForAConnection(String command) {
        Migrator migrator = Migrator.builder()
                .migrations(First.class, Second.class)
                .dataSource(counting())
                .log(quiet())
                .build();
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> {
            switch (command) {
                case "upgrade" -> migrator.upgrade("zz99");
                case "downgrade" -> migrator.downgrade("zz99");
                default -> migrator.stamp("zz99", false);
            }
        });
        assertThat(e.getMessage()).contains("'zz99'");
        assertThat(connections).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upgrade", "downgrade", "stamp"})
    void onAFleetAMisspeltTargetFailsOnceBeforeAnyTenantIsResolved(String command) {
        Fleet fleet = Fleet.builder(Migrator.builder()
                        .migrations(First.class, Second.class)
                        .dataSource(counting())
                        .log(quiet()))
                .tenants("tenant_%")
                .build();
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> {
            switch (command) {
                case "upgrade" -> fleet.upgrade("zz99");
                case "downgrade" -> fleet.downgrade("zz99");
                default -> fleet.stamp("zz99", false);
            }
        });
        assertThat(e.getMessage()).contains("'zz99'");
        assertThat(connections).hasValue(0);
    }

    private static Migrator migrator() {
        return Migrator.builder()
                .migrations(First.class, Second.class)
                .log(quiet())
                .build();
    }

    private static MigrationLog quiet() {
        return new MigrationLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}
        };
    }

    /** A database that counts the connections asked of it and gives none. */
    private DataSource counting() {
        return new StubDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                throw new SQLException("no connection in this test");
            }
        };
    }
}
