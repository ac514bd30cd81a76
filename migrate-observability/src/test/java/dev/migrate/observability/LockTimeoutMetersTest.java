package dev.migrate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.DriftResult;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A statement that cannot have its table's lock, on a real server: each wait that ends in a retry is
 * timed, and the failure counted as a lock timeout; and the drift gauge follows the last check.
 */
class LockTimeoutMetersTest {

    @Revision(id = "k1", message = "agents")
    public static class Agents implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE agents (id int)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "k2", revises = "k1", message = "name")
    public static class Name implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE agents ADD COLUMN name text");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aLockTimeoutIsCountedByItsKindAndEachWaitIsTimed() throws Exception {
        DataSource db = TestPostgres.freshDatabase("observed_lock");
        Migrator.builder()
                .dataSource(db)
                .migrations(Agents.class)
                .log(QUIET)
                .build()
                .upgrade("head");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(Agents.class, Name.class)
                .log(QUIET)
                .lockTimeout(Duration.ofMillis(100))
                .lockRetries(2, Duration.ofMillis(10))
                .listener(new MicrometerListener(registry))
                .build();

        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE");
            }
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class);
            holder.rollback();
        }

        assertThat(registry.get(MicrometerListener.FAILURES)
                        .tags("kind", "lock_timeout")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerListener.LOCK_WAIT)
                        .tags("kind", "lock_timeout")
                        .timer()
                        .count())
                .as("the two waits that ended in a retry; the last one ends the run")
                .isEqualTo(2);
        assertThat(registry.get(MicrometerListener.LOCK_WAIT)
                        .tags("kind", "lock_timeout")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(200);
        assertThat(registry.get(MicrometerListener.RUN_DURATION)
                        .tags("outcome", "failure", "fleet", "false")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find(MicrometerListener.STEP_DURATION)
                        .tags("revision", "k2")
                        .timer())
                .as("a step that failed was not applied, and is not timed as one")
                .isNull();
    }

    @Test
    void theDriftGaugeShowsWhatTheLastCheckOfEachSchemaFound() {
        MicrometerListener listener = new MicrometerListener(registry);

        listener.onDrift(new DriftResult("db:5432/app", "public", "k2", List.of("column public.agents.note")));
        listener.onDrift(new DriftResult("db:5432/app", "sales", "k2", List.of()));

        assertThat(registry.get(MicrometerListener.DRIFT_DIFFERENCES)
                        .tags("database", "db:5432/app", "schema", "public")
                        .gauge()
                        .value())
                .isEqualTo(1);
        listener.onDrift(new DriftResult("db:5432/app", "public", "k2", List.of()));
        assertThat(registry.get(MicrometerListener.DRIFT_DIFFERENCES)
                        .tags("schema", "public")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(MicrometerListener.DRIFT_DIFFERENCES).gauges()).hasSize(2);
    }
}
