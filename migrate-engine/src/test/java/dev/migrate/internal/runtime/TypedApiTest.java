package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AppliedStep;
import dev.migrate.BadTargetException;
import dev.migrate.ChecksumMismatchException;
import dev.migrate.ConnectionFailedException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStep;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.RevisionDetails;
import dev.migrate.StepDirection;
import dev.migrate.internal.runtime.injected.V2_SeedNames;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The programmatic API: results, listener events, exception types, instances, System.Logger. */
class TypedApiTest {
    private DataSource db;
    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    /** Records events as text, in order. */
    private static final class RecordingListener implements MigrationListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<MigrateException> failures = new CopyOnWriteArrayList<>();

        @Override
        public void beforeStep(MigrationStep step) {
            events.add("before " + step.revision() + " " + step.direction() + " " + step.message());
        }

        @Override
        public void afterStep(AppliedStep step) {
            events.add("after " + step.revision() + " " + step.direction());
        }

        @Override
        public void onFailure(MigrateException failure) {
            failures.add(failure);
        }
    }

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("typed_api");
    }

    @Test
    void upgradeReturnsTheAppliedStepsAndTheListenerHearsEachOne() {
        RecordingListener listener = new RecordingListener();
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.CHAIN)
                .log(log)
                .listener(listener)
                .build();

        MigrationResult result = m.upgrade("head");

        assertThat(result.applied()).extracting(AppliedStep::revision).containsExactly("r1", "r2", "r3");
        assertThat(result.applied()).extracting(AppliedStep::direction).containsOnly(StepDirection.UPGRADE);
        assertThat(result.applied().get(0).message()).isEqualTo("create agents");
        assertThat(result.applied()).allSatisfy(s -> assertThat(s.duration()).isPositive());
        assertThat(result.totalDuration())
                .isEqualTo(result.applied().stream().map(AppliedStep::duration).reduce(Duration.ZERO, Duration::plus));
        assertThat(listener.events)
                .containsExactly(
                        "before r1 UPGRADE create agents",
                        "after r1 UPGRADE",
                        "before r2 UPGRADE create tasks",
                        "after r2 UPGRADE",
                        "before r3 UPGRADE add status",
                        "after r3 UPGRADE");

        assertThat(m.upgrade("head").nothingApplied()).isTrue();

        MigrationResult down = m.downgrade("-1");
        assertThat(down.applied())
                .extracting(AppliedStep::revision, AppliedStep::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r3", StepDirection.DOWNGRADE));
        assertThat(listener.failures).isEmpty();
    }

    @Test
    void offlineScriptsFireNoEvents() {
        RecordingListener listener = new RecordingListener();
        Migrator.builder()
                .migrations(Fixtures.CHAIN)
                .log(log)
                .listener(listener)
                .build()
                .upgradeSql("head", new java.io.StringWriter());
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFailingMigrationIsAMigrationFailedExceptionNamingItsRevisionAndTheListenerHearsIt() throws Exception {
        RecordingListener listener = new RecordingListener();
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Bad.class)
                .log(log)
                .listener(listener)
                .build();

        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.revision()).isEqualTo("r4_bad");
                    assertThat(e.direction()).isEqualTo(StepDirection.UPGRADE);
                })
                .hasMessageStartingWith("Migration r4_bad (broken) failed during upgrade.");
        assertThat(listener.events)
                .contains("after r3 UPGRADE", "before r4_bad UPGRADE broken")
                .doesNotContain("after r4_bad UPGRADE");
        assertThat(listener.failures).singleElement().isInstanceOf(MigrationFailedException.class);
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    @Test
    void aCallerCanTellTheFailuresApart() throws Exception {
        RecordingListener listener = new RecordingListener();
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.CHAIN)
                .log(log)
                .listener(listener)
                .build();

        assertThatThrownBy(() -> m.upgrade("nope"))
                .isInstanceOf(BadTargetException.class)
                .hasMessage("No migration has revision id 'nope' (nor an id starting with it). "
                        + "Run the history goal to see the known revisions.");
        assertThatThrownBy(() -> m.upgrade("a b"))
                .isInstanceOf(BadTargetException.class)
                .hasMessageContaining("'a b' is not understood");
        assertThat(listener.failures).hasSize(2).allMatch(BadTargetException.class::isInstance);

        m.upgrade("+1");
        assertThatThrownBy(m::assertUpToDate)
                .isInstanceOf(NotAtHeadException.class)
                .hasMessageStartingWith("The database is not at head: it is at r1 while the migrations' heads are r3.");

        m.upgrade("head");
        Migrator edited = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class)
                .log(log)
                .build();
        assertThatThrownBy(() -> edited.upgrade("head"))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageStartingWith("Applied migration has changed since it was applied: r3");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Migrator unreachable = Migrator.builder()
                .url("jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "u", "p")
                .migrations(Fixtures.CHAIN)
                .log(log)
                .build();
        assertThatThrownBy(() -> unreachable.upgrade("head"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith(
                        "Could not connect to PostgreSQL at 127.0.0.1:" + closedPort + ", database app, user u: ")
                .hasMessageEndingWith("Start the server, or fix the URL (it came from Migrator.builder().url(...)).");
    }

    @Test
    void aMigrationInstanceServesAScannedClassThatHasNoNoArgumentConstructor() throws Exception {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .packages("dev.migrate.internal.runtime.injected")
                .migrations(new V2_SeedNames(List.of("ada", "grace")))
                .log(log)
                .build();

        assertThat(m.upgrade("head").applied())
                .extracting(AppliedStep::revision)
                .containsExactly("i1", "i2");
        assertThat(query(db, "SELECT name FROM names ORDER BY name")).containsExactly("ada", "grace");
    }

    @Test
    void withoutItsInstanceTheScannedClassServesTheGraphAndRunningItSaysWhereToRunIt() throws Exception {
        Migrator m = Migrator.builder()
                .dataSource(TestPostgres.freshDatabase("typed_api_no_instance"))
                .packages("dev.migrate.internal.runtime.injected")
                .log(log)
                .build();
        // what reads metadata needs no instance
        assertThat(m.heads()).containsExactly("i2");
        assertThat(m.revisions()).extracting(RevisionDetails::id).containsExactly("i1", "i2");
        assertThat(MigratorTools.of(m).historyReport(null, false)).hasSize(2);
        assertThat(m.current()).isEmpty();

        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "Migration class dev.migrate.internal.runtime.injected.V2_SeedNames (revision i2) cannot be created "
                                + "here: its constructor takes arguments (List), so only the application that supplies them "
                                + "can create it, as Spring does for a bean. Run what needs its code (upgrade, downgrade, "
                                + "verify, the replay of check, the chain tests) from the application, which gives its "
                                + "instance to the Migrator (the Spring Boot starter does so for a @Component migration), or "
                                + "give the class a public no-argument constructor and look up what it needs when it runs, "
                                + "through the connection of op.jdbc(...).")
                .hasMessageContaining("It could not be created: Migration class")
                .hasMessageNotContaining("upgrade() method threw");
    }

    @Test
    void instancesCanStandBesideClassesOrAlone() throws Exception {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(dev.migrate.internal.runtime.injected.V1_Names.class)
                .migrations(new V2_SeedNames(List.of("linus")))
                .log(log)
                .build();
        m.upgrade("head");
        assertThat(query(db, "SELECT name FROM names")).containsExactly("linus");

        Migrator onlyInstances = Migrator.builder()
                .dataSource(TestPostgres.freshDatabase("typed_api_instances"))
                .migrations(new Fixtures.R1(), new Fixtures.R2())
                .log(log)
                .build();
        assertThat(onlyInstances.upgrade("head").applied())
                .extracting(AppliedStep::revision)
                .containsExactly("r1", "r2");
    }

    @Test
    void anInstanceWithoutRevisionOrTwiceTheSameClassIsRefused() {
        assertThatThrownBy(() -> Migrator.builder()
                        .migrations(
                                new Fixtures.R1() {
                                    // an anonymous subclass, as a container's proxy would be, finds @Revision on R1
                                },
                                new Fixtures.R1())
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessage("Two migration instances of class " + Fixtures.R1.class.getName() + " were given; give one "
                        + "instance per migration class.");
        assertThatThrownBy(() -> Migrator.builder()
                        .migrations(new dev.migrate.Migration() {
                            @Override
                            public void upgrade(dev.migrate.Operations op) {}

                            @Override
                            public void downgrade(dev.migrate.Operations op) {}
                        })
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("has no @Revision annotation, so it has no place in the revision graph");
    }

    @Test
    void byDefaultProgressGoesThroughSystemLogger() {
        List<String> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger jul = Logger.getLogger("dev.migrate");
        jul.addHandler(handler);
        try {
            Migrator.builder()
                    .dataSource(db)
                    .migrations(Fixtures.R1.class)
                    .build()
                    .upgrade("head");
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(records).contains("INFO Running upgrade <base> -> r1, create agents");
        assertThat(records).anyMatch(r -> r.matches("INFO Finished upgrade <base> -> r1 in \\d+ ms\\."));
    }
}
