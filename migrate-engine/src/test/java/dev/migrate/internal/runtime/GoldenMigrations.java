package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.CASCADE;
import static dev.migrate.Ddl.check;
import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;
import static dev.migrate.Ddl.primaryKey;
import static dev.migrate.Ddl.sequenceOptions;
import static dev.migrate.Ddl.unique;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import java.util.Map;

/**
 * Migrations whose checksums are pinned by {@link ChecksumTest}: between them they use every kind of
 * operation. Never edit them; a change here is a change of every user's applied checksums.
 */
public final class GoldenMigrations {
    private GoldenMigrations() {}

    @Revision(id = "g1", message = "tables and columns")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createSchemaIfNotExists("app");
            op.createTable(
                    "app.agents",
                    column("id", "bigint").identity(),
                    column("name", "varchar(100)").notNull().comment("display name"),
                    column("status", "text").defaultValue("'active'"),
                    primaryKey("pk_agents", "id"),
                    unique("uq_agents_name", "name"),
                    check("ck_agents_status", "status <> ''"));
            op.createTable("app.tasks", column("id", "bigint").primaryKey(), column("agent_id", "bigint"));
            op.addForeignKey(
                    "app.tasks",
                    foreignKey("fk_tasks_agent", "agent_id")
                            .references("app.agents", "id")
                            .onDelete(CASCADE));
            op.addColumn("app.agents", column("score", "numeric(10,2)"));
            op.alterColumnType("app.agents", "score", "bigint", "score::bigint");
            op.setNotNull("app.tasks", "agent_id");
            op.setDefault("app.agents", "score", "0");
            op.renameColumn("app.agents", "status", "state");
            op.commentOnTable("app.agents", "who works");
            op.dropConstraint("app.agents", "ck_agents_status");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("app.tasks");
            op.dropTable("app.agents");
        }
    }

    @Revision(id = "g2", revises = "g1", message = "indexes, types, sequences and data")
    public static class Data implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex("ix_agents_name", "app.agents", "name");
            op.createIndex(
                    index("ix_agents_state", "app.agents", "state").unique().where("state IS NOT NULL"));
            op.createEnum("app.mood", "happy", "sad");
            op.addEnumValue("app.mood", "calm");
            op.createSequence(
                    "app.ticket_seq", sequenceOptions().startWith(1050).incrementBy(50));
            op.bulkInsert(
                    "app.agents",
                    List.of(
                            Map.of("name", "ada", "state", "active", "score", 3),
                            Map.of("name", "grace", "state", "idle", "score", 4)));
            op.execute("UPDATE app.agents SET score = score + 1");
            op.jdbc(c -> {});
        }

        @Override
        public void downgrade(Operations op) {
            op.dropSequence("app.ticket_seq");
            op.dropEnum("app.mood");
            op.dropIndex("app.ix_agents_state");
            op.dropIndex("app.ix_agents_name");
        }
    }
}
