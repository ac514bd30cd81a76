package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.tooling.MigratorTools;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
