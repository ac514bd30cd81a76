package dev.migrate.citus;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import dev.migrate.lint.LintStoppedException;
import dev.migrate.op.OnlineChange;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lint on a coordinator names what Citus refuses on the tables it spreads, before the statement runs,
 * with the fix ({@code citus-refuses}); what Citus takes (a foreign key to a reference table, a unique index
 * with the distribution column) it leaves alone.
 */
@ExtendWith(CitusCluster.class)
class CoordinatorLintTest {
    private static CitusCluster.Started cluster;

    @BeforeAll
    static void cluster(CitusCluster.Started started) {
        cluster = started;
    }

    @Revision(id = "c1", message = "spread tables")
    public static class Spread implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey());
            op.createTable("notes", column("id", "bigint").primaryKey());
            op.createTable(
                    "orders",
                    column("customer_id", "bigint").notNull(),
                    column("id", "bigint").notNull(),
                    column("code", "text"),
                    column("note_id", "bigint"),
                    dev.migrate.Ddl.primaryKey("orders_pkey", "customer_id", "id"));
            op.createTable(
                    "events",
                    column("device_id", "bigint").notNull(),
                    column("customer_id", "bigint").notNull());
            op.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'");
            op.createReferenceTable("countries");
            op.distributeTable("orders", "customer_id", "none", 4);
            op.distributeTable("events", "device_id", "none", 4);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("events");
            op.dropTable("orders");
            op.dropTable("notes");
            op.dropTable("countries");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a trigger")
    public static class Trigger implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch()");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TRIGGER orders_touch ON orders");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a key to a local table")
    public static class KeyToLocal implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addConstraint("orders", foreignKey("orders_note_fkey", "note_id").references("notes", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("orders", "orders_note_fkey");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a key to a table of another group")
    public static class KeyAcrossGroups implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE events ADD CONSTRAINT events_orders_fkey FOREIGN KEY (customer_id, device_id)"
                    + " REFERENCES orders (customer_id, id)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("events", "events_orders_fkey");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a unique code")
    public static class UniqueCode implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addConstraint("orders", unique("orders_code_key", "code"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("orders", "orders_code_key");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a unique index on the code")
    public static class UniqueIndex implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE UNIQUE INDEX orders_code_ix ON public.orders USING btree (code)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("orders_code_ix");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a wider distribution column")
    public static class Retype implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE orders ALTER COLUMN customer_id TYPE numeric");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "a longer code, online")
    public static class OnlineCode implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("orders", "code").type("varchar(40)"));
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "c2", revises = "c1", message = "what Citus takes")
    public static class Taken implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addConstraint("orders", foreignKey("orders_code_fkey", "code").references("countries", "code"));
            op.execute("CREATE UNIQUE INDEX orders_code_ix ON orders (customer_id, code)");
            op.execute("CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch()");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TRIGGER notes_touch ON notes");
            op.dropIndex("orders_code_ix");
            op.dropConstraint("orders", "orders_code_fkey");
        }
    }

    @Test
    void aTriggerOnADistributedTable() {
        assertThat(refusals(Trigger.class))
                .singleElement()
                .satisfies(f -> assertThat(f.table()).isEqualTo("public.orders"))
                .satisfies(f -> assertThat(f.detail())
                        .startsWith("creates a trigger on distributed table public.orders, which Citus refuses")
                        .contains("citus.enable_unsafe_triggers"));
    }

    @Test
    void aForeignKeyToATableOfTheCoordinatorAlone() {
        assertThat(refusals(KeyToLocal.class))
                .singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .startsWith("adds a foreign key from distributed table public.orders to notes, a table of the"
                                + " coordinator alone")
                        .contains("op.createReferenceTable"));
    }

    @Test
    void aForeignKeyToADistributedTableOfAnotherColocationGroup() {
        assertThat(refusals(KeyAcrossGroups.class))
                .singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .startsWith("adds a foreign key from distributed table public.events to distributed table"
                                + " public.orders of another colocation group"));
    }

    @Test
    void aUniqueConstraintOrIndexWithoutTheDistributionColumn() {
        assertThat(refusals(UniqueCode.class))
                .singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .isEqualTo("adds a unique constraint orders_code_key (code) to distributed table public.orders"
                                + " without its distribution column customer_id, which Citus refuses (each shard"
                                + " enforces its own keys): include customer_id in the key"));
        assertThat(refusals(UniqueIndex.class))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.detail()).startsWith("adds a unique index on (code) to distributed table"));
    }

    @Test
    void aTypeChangeOfTheDistributionColumn() {
        assertThat(refusals(Retype.class))
                .singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .startsWith("changes the type of public.orders.customer_id, the distribution column"));
    }

    @Test
    void anOnlineMigrationOfADistributedTableStopsTheLintSayingWhy() {
        LintStoppedException stopped = catchThrowableOfType(LintStoppedException.class, () -> lint(OnlineCode.class));
        assertThat(stopped.getMessage())
                .contains("Its online change of orders (distributed), which Citus spreads over the cluster, cannot run")
                .contains("Write the change as a plain migration");
    }

    @Test
    void whatCitusTakesIsNoFinding() {
        LintReport report = lint(Taken.class);
        assertThat(report.findings()).noneMatch(f -> f.rule() == LintRule.CITUS_REFUSES);
        assertThat(report.findings()).noneMatch(f -> f.rule() == LintRule.MIGRATION_FAILS);
    }

    /** The {@code citus-refuses} findings of the lint of {@code c1} and {@code migration}, which Citus then stops. */
    private static List<LintFinding> refusals(Class<? extends Migration> migration) {
        LintStoppedException stopped = catchThrowableOfType(LintStoppedException.class, () -> lint(migration));
        assertThat(stopped.getMessage()).contains("[citus-refuses] c2 ");
        LintReport report = stopped.report();
        assertThat(report.findings())
                .as("Citus refuses the statement, as the finding said")
                .anyMatch(f ->
                        f.rule() == LintRule.MIGRATION_FAILS && f.revision().equals("c2"));
        return report.findings().stream()
                .filter(f -> f.rule() == LintRule.CITUS_REFUSES)
                .toList();
    }

    private static LintReport lint(Class<? extends Migration> migration) {
        DataSource database = cluster.freshDatabase("lint");
        Migrator chain = Migrator.builder()
                .dataSource(database)
                .migrations(Spread.class, migration)
                .build();
        return Lint.builder(chain).database(database).build().run("c1:c2");
    }
}
