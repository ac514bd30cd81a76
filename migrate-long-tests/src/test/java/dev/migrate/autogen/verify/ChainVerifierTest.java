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
        @Override
        public void upgrade(Operations op) {
            op.createTable("agents", column("id", "bigint").identity().primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("agents");
        }
    }

    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddName implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "name");
        }
    }

    /** Forgets to drop what it adds. */
    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddNameLeaky implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {}
    }

    /** Replaces a view and puts back another one: its downgrade does not undo its upgrade. */
    @Revision(id = "v2", revises = "v1", message = "agents view")
    public static class AgentsViewLeaky implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE VIEW agent_ids AS SELECT id FROM agents");
            op.execute("CREATE VIEW agent_count AS SELECT count(*) AS n FROM agents");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("CREATE OR REPLACE VIEW agent_ids AS SELECT id FROM agents WHERE id > 0");
            op.execute("DROP VIEW agent_count");
        }
    }

    /** Its downgrade drops a column the revision before it made. */
    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddNameOverreaching implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "name");
            op.dropColumn("agents", "id");
        }
    }

    @Revision(id = "v2b", revises = "v1", message = "other branch")
    public static class OtherBranch implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "p1", message = "create people")
    public static class CreatePeople implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createEnum("mood", "calm", "busy");
            op.createTable(
                    "people",
                    column("id", "bigint").primaryKey(),
                    column("nickname", "text"),
                    column("email", "text"),
                    column("mood", "mood"));
            op.execute("ALTER TABLE people ADD CONSTRAINT uq_people_email UNIQUE (email)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("people");
            op.dropEnum("mood");
        }
    }

    /** Drops a middle column: its downgrade can only add it back at the end. */
    @Revision(id = "p2", revises = "p1", message = "drop nickname")
    public static class DropNickname implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.dropColumn("people", "nickname");
        }

        @Override
        public void downgrade(Operations op) {
            op.addColumn("people", column("nickname", "text"));
        }
    }

    /** Adds an enum label, which no downgrade can remove. */
    @Revision(id = "p3", revises = "p2", message = "add away")
    public static class AddAway implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addEnumValueAfter("mood", "away", "calm");
        }

        @Override
        public void downgrade(Operations op) {
            // PostgreSQL cannot remove an enum label: the downgrade leaves 'away' in place.
        }
    }

    /** Renames a constraint (which the schema diff matches by its columns, not its name) and forgets to rename it back. */
    @Revision(id = "p2", revises = "p1", message = "rename unique constraint")
    public static class LeakyConstraintRename implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE people RENAME CONSTRAINT uq_people_email TO people_email_key");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "a1", message = "audit schema")
    public static class CreateAuditLeaky implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createSchema("audit");
            op.createTable("audit.entries", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "k1", message = "create contacts")
    public static class CreateContacts implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute(
                    "CREATE TABLE contacts (id bigint PRIMARY KEY, kind varchar(10)"
                            + " CONSTRAINT contacts_kind_check CHECK (kind IN ('EMAIL', 'SMS')),"
                            + " priority int DEFAULT 0 CONSTRAINT contacts_priority_check CHECK (priority = ANY (ARRAY[0, 1])))");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("contacts");
        }
    }

    /**
     * Its downgrade adds the checks back from the text PostgreSQL showed for them, which it parses
     * into another spelling of the same expression.
     */
    @Revision(id = "k2", revises = "k1", message = "add push")
    public static class AddPush implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE contacts DROP CONSTRAINT contacts_kind_check");
            op.execute(
                    "ALTER TABLE contacts ADD CONSTRAINT contacts_kind_check CHECK (kind IN ('EMAIL', 'SMS', 'PUSH'))");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE contacts DROP CONSTRAINT contacts_kind_check");
            op.execute("ALTER TABLE contacts ADD CONSTRAINT contacts_kind_check CHECK (((kind)::text = ANY"
                    + " ((ARRAY['EMAIL'::character varying, 'SMS'::character varying])::text[])))");
        }
    }

    @Revision(id = "v3", revises = "v2", message = "add status")
    public static class AddStatus implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("status", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "status");
        }
    }

    @Revision(
            id = "s2",
            replaces = {"v1", "v2"})
    public static class SquashV2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("agents", column("id", "bigint").identity().primaryKey(), column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("agents");
        }
    }

    /** Builds less than the revisions it replaces. */
    @Revision(
            id = "s2",
            replaces = {"v1", "v2"})
    public static class SquashV2Short implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("agents", column("id", "bigint").identity().primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("agents");
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final MigrationLog log = new MigrationLog() {
        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add(line);
        }
    };

    private ChainVerifier verifier(Class<?>... migrations) {
        DataSource db = TestPostgres.freshDatabase("verify");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(migrations)
                .log(log)
                .build();
        return new ChainVerifier(migrator, db, "public", List.of(), log);
    }

    @Test
    void aSquashIsProvedToBuildWhatTheChainBuildsAtItsRevisionAndAtHead() {
        verifier(CreateAgents.class, AddName.class, AddStatus.class, SquashV2.class)
                .verify();
        assertThat(lines)
                .contains("Verified squash s2: it builds the schema of the 2 revisions it replaces, up to v2, and "
                        + "reaches the same head.");
    }

    @Test
    void aSquashThatBuildsLessThanTheChainIsNamed() {
        assertThatThrownBy(() -> verifier(CreateAgents.class, AddName.class, AddStatus.class, SquashV2Short.class)
                        .verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("A database built from squash s2")
                .hasMessageContaining("has another schema than one built by the 2 revisions it replaces, up to v2")
                .hasMessageContaining("name");
    }

    @Revision(id = "v3", revises = "v2", message = "online widening")
    public static class OnlineWidening implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(dev.migrate.op.OnlineChange.alterColumn("agents", "name").type("text"));
            op.online(dev.migrate.op.OnlineChange.renameColumn("agents", "name", "full_name"));
        }

        @Override
        public void downgrade(Operations op) {
            op.renameColumn("agents", "full_name", "name");
            op.alterColumnType("agents", "name", "varchar(20)");
        }
    }

    /** Its downgrade leaves the rename in place. */
    @Revision(id = "v3", revises = "v2", message = "online widening")
    public static class OnlineWideningLeaky implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(dev.migrate.op.OnlineChange.renameColumn("agents", "name", "full_name"));
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Test
    void anOnlineRevisionRoundTripsItsExpandItsRollbackItsCompleteAndItsDowngrade() {
        verifier(CreateAgents.class, AddNameNullable.class, OnlineWidening.class)
                .verify();
        assertThat(lines)
                .anyMatch(l ->
                        l.startsWith("Verified v3: expand, rollback, expand, complete, downgrade, expand, complete"))
                .contains("Verified downgrade to base: nothing left but the version tables.");
    }

    @Test
    void anOnlineRevisionWhoseDowngradeDoesNotUndoItsCompleteIsNamed() {
        assertThatThrownBy(() -> verifier(CreateAgents.class, AddNameNullable.class, OnlineWideningLeaky.class)
                        .verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision v3");
    }

    @Revision(id = "v2", revises = "v1", message = "add name")
    public static class AddNameNullable implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("agents", column("name", "varchar(20)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("agents", "name");
        }
    }

    @Test
    void aSoundChainRoundTrips() {
        verifier(CreateAgents.class, AddName.class).verify();
        assertThat(lines)
                .anyMatch(l -> l.startsWith("Verified v1: upgrade, downgrade, upgrade"))
                .anyMatch(l -> l.startsWith("Verified v2: upgrade, downgrade, upgrade"))
                .contains("Verified downgrade to base: nothing left but the version tables.");
    }

    @Test
    void aDowngradeThatLeavesSomethingBehindIsNamed() {
        assertThatThrownBy(
                        () -> verifier(CreateAgents.class, AddNameLeaky.class).verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision v2 (" + AddNameLeaky.class.getName() + ")")
                .hasMessageContaining("extra column public.agents.name");
    }

    @Test
    void aViewADowngradeLeavesOrChangesIsNamed() {
        assertThatThrownBy(() ->
                        verifier(CreateAgents.class, AgentsViewLeaky.class).verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision v2 (" + AgentsViewLeaky.class.getName() + ")")
                .hasMessageContaining("  - extra view public.agent_ids");
    }

    @Test
    void whatADowngradeTakesAwayIsNamedAsMissing() {
        assertThatThrownBy(() ->
                        verifier(CreateAgents.class, AddNameOverreaching.class).verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision v2 (" + AddNameOverreaching.class.getName() + ")")
                .hasMessageContaining("  - missing primary key agents_pkey of agents\n")
                .hasMessageContaining("  - missing column public.agents.id")
                .hasMessageNotContaining("added ")
                .hasMessageNotContaining("removed ");
    }

    @Test
    void aColumnAddedBackAtTheEndAndAnEnumLabelNoDowngradeCanRemoveAreAccepted() {
        verifier(CreatePeople.class, DropNickname.class, AddAway.class).verify();
        assertThat(lines)
                .contains(
                        "In the downgrade of revision p2, accepted another column order of table public.people (id, email, mood, "
                                + "nickname instead of id, nickname, email, mood): PostgreSQL adds a column back at the end.")
                .contains(
                        "In the downgrade of revision p3, accepted the label [away] left in enum type public.mood: PostgreSQL "
                                + "cannot remove an enum label.")
                .contains("Verified downgrade to base: nothing left but the version tables.");
    }

    @Test
    void aDifferenceTheSchemaDiffDoesNotMigrateIsStillNamed() {
        assertThatThrownBy(() -> verifier(CreatePeople.class, LeakyConstraintRename.class)
                        .verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision p2")
                .hasMessageContaining(
                        "table public.people, unique constraints: expected [UniqueConstraint[name=uq_people_email")
                .hasMessageContaining("but found [UniqueConstraint[name=people_email_key");
    }

    @Test
    void whatARevisionLeavesInAnotherSchemaIsFound() {
        assertThatThrownBy(() -> verifier(CreateAuditLeaky.class).verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The downgrade of revision a1")
                .hasMessageContaining("audit.entries");
    }

    @Test
    void aCheckRestoredInAnotherSpellingOfTheSameExpressionIsTheSameCheck() {
        verifier(CreateContacts.class, AddPush.class).verify();
        assertThat(lines).anyMatch(l -> l.startsWith("Verified k2: upgrade, downgrade, upgrade"));
    }

    @Test
    void severalHeadsAreRefused() {
        assertThatThrownBy(() -> verifier(CreateAgents.class, AddName.class, OtherBranch.class)
                        .verify())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The chain has 2 heads that no branch label declares")
                .hasMessageContaining("  - v2b \"other branch\" (" + OtherBranch.class.getName() + ")")
                .hasMessageContaining("migrate:merge")
                .hasMessageContaining("migrate:rebase");
    }

    @Revision(id = "v2c", revises = "v1", message = "kept apart", branchLabels = "side")
    public static class LabelledBranch implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    @Test // a branch label declares a head kept apart on purpose, as Alembic's branch_labels do
    void aHeadABranchLabelDeclaresIsVerified() {
        verifier(CreateAgents.class, AddName.class, LabelledBranch.class).verify();
        assertThat(lines).anyMatch(l -> l.startsWith("Verified v2c: upgrade, downgrade, upgrade"));
    }
}
