package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
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
 * {@code check} of SQL schema files on the embedded default, as the JPA source's warm path has it: the first run
 * replays the chain on a throwaway server; a second with the files and the chain unchanged starts no PostgreSQL,
 * answered by what the first found (keyed by the files' statements and the chain); a file changed is compared again.
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

    private static final String CUSTOMERS = """
            CREATE INDEX ix_customers_name ON customers (name);
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL%s);
            """;

    /** The warm check names the source it compared, not "the entities". */
    private static final String FOUND_IN_SYNC =
            "The SQL schema files in db/schema matched the schema at head (1 migration on PostgreSQL ";

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    @Test
    void aSecondCheckWithTheFilesAndTheChainUnchangedStartsNoServer() throws Exception {
        Migrator chain = Migrator.builder().migrations(CreateCustomers.class).build();
        TestThrowaways servers = new TestThrowaways(null);
        Path schema = Files.createDirectories(project.resolve("schema"));
        Files.writeString(schema.resolve("customers.sql"), CUSTOMERS.formatted(""));

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
        Files.writeString(schema.resolve("customers.sql"), CUSTOMERS.formatted(", nickname text"));
        AutogenerateResult changed = Autogenerate.run(checking(chain, schema), servers, log::add);
        assertThat(changed.script().descriptions()).containsExactly("added column public.customers.nickname");
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));
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
