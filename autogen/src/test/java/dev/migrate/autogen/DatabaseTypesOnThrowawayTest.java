package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.AutogenerateTest.Entities;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database that is only read, compared with entities built on a throwaway server: entity columns that
 * name the types the database defines (a domain, an enum and its array, a composite type, an enum of
 * another schema) build there, since those types and their schemas are copied first, and a table using
 * a domain gets its check made canonical there too: no false difference.
 */
class DatabaseTypesOnThrowawayTest {
    @Revision(id = "t1", message = "tables typed with the database's own types")
    public static class TypedTables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE DOMAIN short_text AS varchar(50)");
            op.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')");
            op.execute("CREATE TYPE address AS (street text, city short_text)");
            op.execute("CREATE SCHEMA ref");
            op.execute("CREATE TYPE ref.kind AS ENUM ('a', 'b')");
            op.execute("CREATE TABLE dom_t (id bigint PRIMARY KEY, note short_text, feeling mood, moods mood[], "
                    + "home address, kind ref.kind, status varchar(20) NOT NULL, "
                    + "CONSTRAINT dom_t_status_check CHECK (status IN ('active', 'inactive')))");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE dom_t");
            op.execute("DROP SCHEMA ref CASCADE");
            op.execute("DROP TYPE address, mood");
            op.execute("DROP DOMAIN short_text");
        }
    }

    /** What Hibernate writes for the entity of that table. */
    private static final List<String> ENTITIES = List.of("create table dom_t (id bigint not null, note short_text, "
            + "feeling mood, moods mood[], home address, kind ref.kind, status varchar(20) not null "
            + "check (status in ('active','inactive')), primary key (id))");

    private final List<String> log = new ArrayList<>();

    @Test
    void entitiesNamingTheDatabasesTypesBuildOnTheThrowawayServer() throws Exception {
        String name = TestPostgres.createDatabase("types_read_only");
        Migrator.builder()
                .dataSource(TestPostgres.dataSource(name))
                .migrations(TypedTables.class)
                .build()
                .upgrade("heads");
        try (Connection c = TestPostgres.dataSource(name).getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pipeline_reader') THEN "
                    + "CREATE ROLE pipeline_reader LOGIN; END IF; END $$");
            s.execute("REVOKE CREATE ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public, ref TO pipeline_reader");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO pipeline_reader");
        }
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setURL(TestPostgres.jdbcUrl(name).replace("user=postgres", "user=pipeline_reader")
                + "&options=-c%20default_transaction_read_only=on");
        Migrator chain = Migrator.builder()
                .dataSource(reader)
                .migrations(TypedTables.class)
                .build();

        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(chain, new Entities(ENTITIES))
                        .entitiesOn(ComparisonDatabase.EMBEDDED)
                        .build(),
                new TestThrowaways(reader),
                log::add);

        assertThat(result.route()).isEqualTo(Route.CONFIGURED_DATABASE_ENTITIES_ELSEWHERE);
        assertThat(result.script().descriptions()).noneMatch(d -> d.contains("dom_t"));
    }
}
