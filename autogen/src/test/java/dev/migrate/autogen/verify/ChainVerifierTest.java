package dev.migrate.autogen.verify;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    @Revision(id = "v1", message = "create agents")
    public static class CreateAgents implements Migration {
        @Override public void upgrade(Operations op) {
            op.createTable("agents", column("id", "bigint").identity().primaryKey());
        }

        @Override public void downgrade(Operations op) {
            op.dropTable("agents");
        }
    }

    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddName implements Migration {
        @Override public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "text"));
        }

        @Override public void downgrade(Operations op) {
            op.dropColumn("agents", "name");
        }
    }

    /** Forgets to drop what it adds. */
    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddNameLeaky implements Migration {
        @Override public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "text"));
        }

        @Override public void downgrade(Operations op) {}
    }

    @Revision(id = "v2b", revises = "v1", message = "other branch")
    public static class OtherBranch implements Migration {
        @Override public void upgrade(Operations op) {}

        @Override public void downgrade(Operations op) {}
    }

    private final List<String> lines = new ArrayList<>();
    private final MigrationLog log = new MigrationLog() {
        @Override public void info(String line) {
            lines.add(line);
        }

        @Override public void warn(String line) {
            lines.add(line);
        }
    };

    private ChainVerifier verifier(Class<?>... migrations) {
        DataSource db = TestPostgres.freshDatabase("verify");
        Migrator migrator = Migrator.builder().dataSource(db).migrations(migrations).log(log).build();
        return new ChainVerifier(migrator, db, "public", List.of(), log);
    }

    @Test
    void aSoundChainRoundTrips() {
        verifier(CreateAgents.class, AddName.class).verify();
        assertThat(lines).anyMatch(l -> l.startsWith("Verified v1: upgrade, downgrade, upgrade"))
                .anyMatch(l -> l.startsWith("Verified v2: upgrade, downgrade, upgrade"))
                .contains("Verified downgrade to base: nothing left but the version tables.");
    }

    @Test
    void aDowngradeThatLeavesSomethingBehindIsNamed() {
        assertThatThrownBy(() -> verifier(CreateAgents.class, AddNameLeaky.class).verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision v2 (" + AddNameLeaky.class.getName() + ")")
                .hasMessageContaining("extra column public.agents.name");
    }

    @Test
    void severalHeadsAreRefused() {
        assertThatThrownBy(() -> verifier(CreateAgents.class, AddName.class, OtherBranch.class).verify())
                .isInstanceOf(MigrateException.class).hasMessageContaining("single head").hasMessageContaining("migrate:merge");
    }
}
