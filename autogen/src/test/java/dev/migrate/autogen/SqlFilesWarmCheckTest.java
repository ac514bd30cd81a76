package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} of SQL schema files on the embedded default, as the JPA source's paths have it. On a fresh
 * checkout, files of plain tables, keys and indexes (in any order) are read without a server, as the SQL the chain
 * renders is, and a match needs no PostgreSQL; a difference, or a file that reading does not know (a check, a
 * function), has the chain replayed on a throwaway server, which finds what differs. A second check with the files
 * and the chain unchanged starts no PostgreSQL, answered by what the first found (keyed by the files' statements
 * and the chain); a file changed is compared again.
 */
class SqlFilesWarmCheckTest {
    @Revision(id = "w1", message = "create customers")
    public static class CreateCustomers implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "customers",
                    column("id", "bigint").primaryKey(),
                    column("name", "text").notNull());
            op.createIndex("ix_customers_name", "customers", "name");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("customers");
        }
    }

    @Revision(id = "w2", revises = "w1", message = "create orders")
    public static class CreateOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "orders",
                    column("id", "bigint").primaryKey(),
                    column("customer_id", "bigint").notNull(),
                    column("note", "text"));
            op.addForeignKey(
                    "orders", foreignKey("fk_orders_customer", "customer_id").references("customers", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "w3", revises = "w1", message = "names are not blank")
    public static class NamesNotBlank implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addCheck("customers", "name_not_blank", "name <> ''");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("customers", "name_not_blank");
        }
    }

    private static final String CUSTOMERS = """
            CREATE INDEX ix_customers_name ON customers (name);
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL%s);
            """;

    /** A file read before the one of the table it references ("a" before "c"), its foreign key inline. */
    private static final String ORDERS = """
            -- the orders of a customer
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer_id bigint NOT NULL,
                note text%s,
                CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
            );
            """;

    /** A check constraint, which only a server reads. */
    private static final String CHECKED = "ALTER TABLE customers ADD CONSTRAINT name_not_blank CHECK (name <> '');\n";

    /** The warm check names the source it compared, not "the entities". */
    private static final String FOUND_IN_SYNC =
            "The SQL schema files in db/schema matched the schema at head (2 migrations on PostgreSQL ";

    private static final String READ_WITHOUT_SERVER = "read without building it: no PostgreSQL was started";

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    @Test
    void plainFilesInAnyOrderAreReadAsTheChainIsAndAMatchStartsNoServer() throws Exception {
        Migrator chain = customersAndOrders();
        TestThrowaways servers = new TestThrowaways(null);
        Path schema = customersAndOrdersFiles();

        AutogenerateResult cold = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(cold.script().descriptions()).isEmpty();
        assertThat(cold.route()).isEqualTo(Route.READ_CHAIN);
        assertThat(servers.started)
                .as("no server for a match read from both sides")
                .isZero();
        assertThat(log)
                .anyMatch(line ->
                        line.contains("the SQL schema files in db/schema") && line.contains(READ_WITHOUT_SERVER));

        // a difference the reading finds is described by the server's reading: the chain is replayed
        Files.writeString(schema.resolve("a_orders.sql"), ORDERS.formatted(",\n    placed_at timestamptz"));
        AutogenerateResult changed = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(changed.script().descriptions()).containsExactly("added column public.orders.placed_at");
        assertThat(servers.started).isEqualTo(1);
    }

    @Test
    void aFileTheReadingDoesNotKnowHasTheChainReplayed() throws Exception {
        Migrator chain = customersAndOrders();
        TestThrowaways servers = new TestThrowaways(null);
        Path schema = customersAndOrdersFiles();
        Files.writeString(schema.resolve("d_functions.sql"), """
                CREATE FUNCTION order_count(customer bigint) RETURNS bigint
                    LANGUAGE sql STABLE AS $$ SELECT count(*) FROM orders WHERE customer_id = customer $$;
                """);

        AutogenerateResult cold = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(cold.script().descriptions()).containsExactly("added function public.order_count(customer bigint)");
        assertThat(servers.started).as("the function is built on a server").isEqualTo(1);
        assertThat(log).noneMatch(line -> line.contains(READ_WITHOUT_SERVER));
    }

    @Test
    void aSecondCheckWithTheFilesAndTheChainUnchangedStartsNoServer() throws Exception {
        Migrator chain = Migrator.builder()
                .migrations(CreateCustomers.class, NamesNotBlank.class)
                .build();
        TestThrowaways servers = new TestThrowaways(null);
        Path schema = Files.createDirectories(project.resolve("schema"));
        // a check constraint is not read without a server: the first check replays the chain
        Files.writeString(schema.resolve("customers.sql"), CUSTOMERS.formatted("") + CHECKED);

        AutogenerateResult cold = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(cold.script().descriptions()).isEmpty();
        assertThat(servers.started).as("the cold check replays the chain").isEqualTo(1);

        log.clear();
        AutogenerateResult warm = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(warm.script().descriptions()).isEmpty();
        assertThat(warm.route()).isEqualTo(Route.CACHES);
        assertThat(servers.started).as("the warm check starts no server").isEqualTo(1);
        assertThat(log).anyMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // a file changed: another key, compared again, and the difference found
        log.clear();
        Files.writeString(schema.resolve("customers.sql"), CUSTOMERS.formatted(", nickname text") + CHECKED);
        AutogenerateResult changed = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(changed.script().descriptions()).containsExactly("added column public.customers.nickname");
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));
    }

    private static Migrator customersAndOrders() {
        return Migrator.builder()
                .migrations(CreateCustomers.class, CreateOrders.class)
                .build();
    }

    /** The files of {@link #customersAndOrders}'s head, the one with a foreign key read first. */
    private Path customersAndOrdersFiles() throws java.io.IOException {
        Path schema = Files.createDirectories(project.resolve("schema"));
        Files.writeString(schema.resolve("a_orders.sql"), ORDERS.formatted(""));
        Files.writeString(schema.resolve("c_customers.sql"), CUSTOMERS.formatted(""));
        return schema;
    }

    /** As {@code check -Dmigrate.source=sql} asks, with both caches of the plugin. */
    private AutogenerateRequest checking(Migrator chain, Path schema) {
        SqlSchemaFiles files = SqlSchemaFiles.in(schema, "db/schema");
        return AutogenerateRequest.builder(
                        chain, EntityDdlSource.none(files.key()).describedAs("the SQL schema files in db/schema"))
                .renames(files.renames())
                .declaringObjects(files.with(DeclaredObjects.none()))
                .entityCacheIn(project.resolve("entity-cache"))
                .replayCacheIn(project.resolve("replay-cache"))
                .expectingNoDifference(true)
                .build();
    }
}
