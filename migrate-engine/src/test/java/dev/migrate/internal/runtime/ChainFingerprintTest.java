package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Ddl;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.tooling.MigratorTools;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chain fingerprint that keys a replayed schema: computed without a database, and changed by any change to the chain. */
class ChainFingerprintTest {

    private static String fingerprint(Class<?>... migrations) {
        return MigratorTools.of(Migrator.builder().migrations(migrations).build())
                .chainFingerprint();
    }

    @Test
    void theSameChainHasTheSameFingerprintWithoutAnyDatabase() {
        String chain = fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class);
        assertThat(chain).matches("[0-9a-f]{64}");
        // the order classes are found in does not matter: the graph orders them
        assertThat(fingerprint(Fixtures.R3.class, Fixtures.R1.class, Fixtures.R2.class))
                .isEqualTo(chain);
    }

    @Test
    void anEditedAddedOrRemovedMigrationChangesIt() {
        String chain = fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class);
        assertThat(fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class))
                .isNotEqualTo(chain);
        assertThat(fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Concurrently.class))
                .isNotEqualTo(chain);
        assertThat(fingerprint(Fixtures.R1.class, Fixtures.R2.class)).isNotEqualTo(chain);
    }

    @Test
    void aSquashCountsSinceAReplayFromBaseRunsIt() {
        String chain = fingerprint(SquashChain.CHAIN);
        Class<?>[] withSquash = Stream.concat(Arrays.stream(SquashChain.CHAIN), Stream.of(SquashChain.S20.class))
                .toArray(Class<?>[]::new);
        assertThat(fingerprint(withSquash)).isNotEqualTo(chain).isEqualTo(fingerprint(withSquash));
    }

    /** A migration that counts how often it is recorded. */
    @Revision(id = "counted", message = "counted")
    public static class Counted implements Migration {
        static final AtomicInteger RECORDED = new AtomicInteger();

        @Override
        public void upgrade(Operations op) {
            RECORDED.incrementAndGet();
            op.createTable("counted", Ddl.column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("counted");
        }
    }

    /**
     * A comparison asks one chain for its operations (the extensions its servers need), its fingerprint (the replay
     * cache's key) and its statements (the schema at head read without a server): the migrations are recorded once
     * between them, not once each, and the fingerprint is the one a chain that was not asked before computes.
     */
    @Test
    void theOperationsTheFingerprintAndTheStatementsOfOneChainRecordEachMigrationOnce() {
        MigratorTools fresh =
                MigratorTools.of(Migrator.builder().migrations(Counted.class).build());
        Counted.RECORDED.set(0);
        String alone = fresh.chainFingerprint();
        assertThat(Counted.RECORDED).hasValue(1);

        MigratorTools chain =
                MigratorTools.of(Migrator.builder().migrations(Counted.class).build());
        Counted.RECORDED.set(0);
        assertThat(chain.operations()).as("its upgrade and its downgrade").hasSize(2);
        assertThat(chain.chainFingerprint()).isEqualTo(alone);
        assertThat(chain.chainStatements())
                .hasValueSatisfying(sql -> assertThat(sql).hasSize(1));
        assertThat(Counted.RECORDED).as("recordings of the migration").hasValue(1);
    }

    private static Optional<List<String>> statements(Class<?>... migrations) {
        return MigratorTools.of(Migrator.builder().migrations(migrations).build())
                .chainStatements();
    }

    @Test
    void theChainsStatementsAreWhatAReplayRunsInTheGraphsOrderWithoutBookkeeping() {
        // the order classes are found in does not matter: the graph orders them
        assertThat(statements(Fixtures.R3.class, Fixtures.R1.class, Fixtures.R2.class))
                .hasValueSatisfying(sql -> assertThat(sql)
                        .hasSize(5)
                        .satisfies(all -> assertThat(all.get(0)).startsWith("CREATE TABLE agents ("))
                        .satisfies(all -> assertThat(all.get(1)).startsWith("CREATE TABLE tasks ("))
                        .satisfies(all -> assertThat(all.get(2))
                                .isEqualTo("ALTER TABLE tasks ADD CONSTRAINT fk_tasks_agent FOREIGN KEY (agent_id) "
                                        + "REFERENCES agents (id)"))
                        .satisfies(all ->
                                assertThat(all.get(4)).isEqualTo("CREATE INDEX ix_agents_status ON agents (status)"))
                        .noneMatch(statement -> statement.contains("migrate_version")));
        assertThat(statements()).hasValue(List.of());
    }

    @Test
    void aChainWithJdbcCodeHasNoStatementsToReadOnlyAReplayTells() {
        assertThat(statements(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Data.class))
                .isEmpty();
    }

    @Test
    void jdbcCodeCountsByTheBytesOfItsClassSinceTheChecksumCannotSeeIt() {
        String withJdbc = fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Data.class);
        assertThat(withJdbc)
                .isEqualTo(fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Data.class));
        assertThat(withJdbc).isNotEqualTo(fingerprint(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class));
    }
}
