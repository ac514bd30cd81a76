package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OnlineForm;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Each way {@link Autogenerate} can go, on the embedded server: a configured database with the
 * entity side in a scratch schema on it or on a throwaway server; the embedded default from both
 * caches (no server), from the replay cache with only the entity side built, with the chain replayed
 * because its schema is not kept or the comparison needs the replayed database, and with the caches
 * off. The throwaway servers are databases of their own on the tests' server, counted.
 */
@LongSuite
class AutogenerateTest {
    @Test
    void aConnectionReadiedForAComparisonLeavesNothingInItsDatabaseOrItsSession() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("pipeline_warmed").getConnection();
                Statement s = c.createStatement()) {
            String jit;
            try (ResultSet rs = s.executeQuery("SELECT current_setting('jit')")) {
                rs.next();
                jit = rs.getString(1);
            }
            Autogenerate.warm(c);
            assertThat(c.getAutoCommit()).isTrue();
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_class WHERE relname LIKE 'migrate%'),"
                    + " (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')"
                    + " AND nspname NOT LIKE 'pg\\_%'), current_setting('jit')")) {
                rs.next();
                assertThat(rs.getInt(1)).as("relations").isZero();
                assertThat(rs.getInt(2)).as("schemas").isZero();
                assertThat(rs.getString(3))
                        .as("the session's settings as they were")
                        .isEqualTo(jit);
            }
        }
    }

    @Revision(id = "a1", message = "create agents")
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

    @Revision(id = "a2", revises = "a1", message = "add name")
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

    @Revision(id = "a3", revises = "a2", message = "add a domain")
    public static class AddDomain implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP DOMAIN positive_int");
        }
    }

    @Revision(id = "v1", message = "create vehicles")
    public static class CreateVehicles implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "vehicles",
                    column("id", "bigint").primaryKey(),
                    column("type", "varchar(20)"),
                    column("name", "text"));
            op.execute("INSERT INTO vehicles VALUES (1, 'CAR', NULL), (2, 'TRUCK', 'two')");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("vehicles");
        }
    }

    /** One column more than the chain builds. */
    private static final List<String> ENTITIES =
            List.of("create table agents (id bigint generated by default as identity, name text, nickname varchar(40), "
                    + "primary key (id))");

    private static final String NICKNAME = "added column public.agents.nickname";

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    /** What the chain's runs said: a replay shows as its steps. */
    private final List<String> steps = new ArrayList<>();

    @Test
    void aConfiguredDatabaseIsComparedWithTheEntitySideInAScratchSchemaOnIt() throws Exception {
        DataSource database = TestPostgres.freshDatabase("pipeline_configured");
        Migrator chain = chain(database, CreateAgents.class, AddName.class);
        chain.upgrade("heads");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO agents (name) SELECT 'agent ' || n FROM generate_series(1, 3) n");
            s.execute("ANALYZE agents");
        }
        TestThrowaways servers = new TestThrowaways(database);
        Entities entities = new Entities(ENTITIES);

        AutogenerateResult result = Autogenerate.run(
                request(chain, entities).measuringRows(Duration.ofSeconds(5), 3).build(), servers, this::log);

        assertThat(result.route()).isEqualTo(Route.CONFIGURED_DATABASE);
        assertThat(result.script().descriptions()).containsExactly(NICKNAME);
        assertThat(result.largeTables()).containsExactly(new ObjectName("public", "agents"));
        assertThat(servers.started).isZero();
        assertThat(entities.generated).isEqualTo(1);
        assertThat(scratchSchemas(database)).isZero();
        assertThat(Autogenerate.run(
                                request(chain, entities)
                                        .measuringRows(Duration.ofSeconds(5), 4)
                                        .build(),
                                servers,
                                this::log)
                        .largeTables())
                .as("3 rows, under the size that counts as large")
                .isEmpty();
    }

    @Test
    void aMeasurementPostgresRefusesIsNotedAndTheComparisonGoesOn() throws Exception {
        DataSource database = TestPostgres.freshDatabase("pipeline_unmeasurable");
        Migrator chain = chain(database, CreateVehicles.class);
        chain.upgrade("heads");
        // an @Enumerated(EnumType.ORDINAL) field as Hibernate 7 writes it, over a column that holds names
        Entities entities = new Entities(List.of("create table vehicles (id bigint not null, name text not null,"
                + " type smallint check (type between 0 and 1), primary key (id))"));

        AutogenerateResult result = Autogenerate.run(
                request(chain, entities)
                        .measuringRows(Duration.ofSeconds(5), 1000)
                        .build(),
                new TestThrowaways(database),
                this::log);

        assertThat(result.script().descriptions())
                .contains("column public.vehicles.type: type varchar(20) -> smallint")
                .anyMatch(d -> d.startsWith("added check constraint") && d.contains("vehicles"));
        assertThat(String.join(
                        "\n",
                        result.script().changes().stream()
                                .flatMap(change -> ChangeNotes.of(change).stream())
                                .toList()))
                .contains("public.vehicles (vehicles_type_check): not measured: PostgreSQL refused to count the rows"
                        + " that would make it fail (operator does not exist: character varying >= integer, SQLSTATE"
                        + " 42883)")
                .contains("public.vehicles.name: 1 row holds NULL in name (e.g. the row with id = 1)");
    }

    @Test
    void onlyAConnectionThatFailedIsSaidToHaveFailedToConnect() throws Exception {
        SQLException refused;
        try (Connection c = TestPostgres.freshDatabase("pipeline_refused").getConnection();
                Statement s = c.createStatement()) {
            refused = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1 / 0"));
        }
        assertThat(OnConfiguredDatabase.failure("measuring the changes on its rows", refused))
                .hasMessageStartingWith("The comparison of the entities with the database failed while measuring the"
                        + " changes on its rows: PostgreSQL answered SQLSTATE 22012: ERROR: division by zero")
                .hasMessageNotContaining("connect");

        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://localhost:1/nowhere?connectTimeout=5");
        SQLException lost = catchThrowableOfType(SQLException.class, nowhere::getConnection);
        assertThat(OnConfiguredDatabase.failure("measuring the changes on its rows", lost))
                .hasMessageStartingWith("Could not connect to the database to compare it with the entities: the"
                        + " connection failed while measuring the changes on its rows: ");
    }

    @Test
    void aConfiguredDatabaseIsOnlyReadWithTheEntitySideOnAThrowawayServerStartedWhenTheCacheLacksIt() throws Exception {
        String name = TestPostgres.createDatabase("pipeline_read_only");
        Migrator admin = chain(TestPostgres.dataSource(name), CreateAgents.class, AddName.class);
        admin.upgrade("heads");
        try (Connection c = TestPostgres.dataSource(name).getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pipeline_reader') THEN "
                    + "CREATE ROLE pipeline_reader LOGIN; END IF; END $$");
            s.execute("REVOKE CREATE ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO pipeline_reader");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO pipeline_reader");
        }
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setURL(TestPostgres.jdbcUrl(name).replace("user=postgres", "user=pipeline_reader"));
        Migrator chain = chain(reader, CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(reader);
        Entities entities = new Entities(ENTITIES);
        AutogenerateRequest request = request(chain, entities)
                .entitiesOn(ComparisonDatabase.EMBEDDED)
                .entityCacheIn(dir.resolve("entity-cache"))
                .build();

        AutogenerateResult first = Autogenerate.run(request, servers, this::log);

        assertThat(first.route()).isEqualTo(Route.CONFIGURED_DATABASE_ENTITIES_ELSEWHERE);
        assertThat(first.script().descriptions()).containsExactly(NICKNAME);
        assertThat(servers.started).isEqualTo(1);
        assertThat(log)
                .anyMatch(line -> line.startsWith("Building the entity side on a throwaway embedded PostgreSQL"));

        AutogenerateResult again = Autogenerate.run(request, servers, this::log);
        assertThat(again.script()).isEqualTo(first.script());
        assertThat(servers.started).as("the entity cache answered: no server").isEqualTo(1);
        assertThat(entities.generated).as("nor the provider").isEqualTo(1);
    }

    @Test
    void theEmbeddedDefaultWithBothCachesWarmStartsNoServer() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities entities = new Entities(ENTITIES);
        AutogenerateRequest request = cached(chain, entities);

        AutogenerateResult cold = Autogenerate.run(request, servers, this::log);
        assertThat(cold.route()).isEqualTo(Route.REPLAYED);
        assertThat(cold.script().descriptions()).containsExactly(NICKNAME);
        assertThat(steps).anyMatch(line -> line.startsWith("Finished upgrade a1 -> a2"));
        assertThat(log).anyMatch(line -> line.contains("yet: they are replayed, and it is kept for the next run."));
        assertThat(servers.started).isEqualTo(1);

        steps.clear();
        log.clear();
        AutogenerateResult warm = Autogenerate.run(request, servers, this::log);
        assertThat(warm.route()).isEqualTo(Route.CACHES);
        assertThat(warm.script()).isEqualTo(cold.script());
        assertThat(servers.started).as("no server").isEqualTo(1);
        assertThat(entities.generated).as("no provider").isEqualTo(1);
        assertThat(steps).as("nothing replayed").isEmpty();
        assertThat(log)
                .anyMatch(
                        line -> line.startsWith("The schema at head (2 migrations on PostgreSQL ")
                                && line.endsWith(
                                        "no PostgreSQL was started (-Dmigrate.replayCache=false replays the migrations anyway)."));
    }

    /**
     * A fresh checkout has no DDL stored, so no key can be found: the provider starts at once, and the key its DDL
     * is stored under (every class file read and hashed, a fifth of a second at 2,000 entities) is made beside it.
     * Here the key is made only once the provider was asked, which a provider started after the key never is.
     */
    @Test
    void onAnEmptyEntityCacheTheProviderDoesNotWaitForTheKeyAndTheNextRunFindsItsDdl() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities entities = new Entities(ENTITIES);
        CountDownLatch providerAsked = new CountDownLatch(1);
        EntityDdlSource keyMadeBeside = new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return keyAfter(providerAsked, "the provider waited for the key", entities, serverMajorVersion);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                providerAsked.countDown();
                return entities.generate(serverMajorVersion);
            }
        };
        AutogenerateRequest request = cached(chain, keyMadeBeside);

        AutogenerateResult cold = Autogenerate.run(request, servers, this::log);
        assertThat(cold.script().descriptions()).containsExactly(NICKNAME);
        assertThat(entities.generated).isEqualTo(1);

        AutogenerateResult warm = Autogenerate.run(request, servers, this::log);
        assertThat(warm.route()).isEqualTo(Route.CACHES);
        assertThat(warm.script()).isEqualTo(cold.script());
        assertThat(entities.generated)
                .as("the DDL stored under the key a later run makes first")
                .isEqualTo(1);
    }

    /**
     * A source that describes a change alone (a watch's kept model: a few entities, tens of milliseconds) is asked
     * before the key is looked up, the key (every class file read and hashed) made beside it to store the DDL under;
     * a source that cannot describes the whole model only after the key's lookup found nothing. Here the key is made
     * only once the change was described, which a description after the key's lookup never is.
     */
    @Test
    void aChangeDescribedAloneDoesNotWaitForTheKeyAndIsStoredUnderIt() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        List<String> before = List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))");
        Entities unchanged = new Entities(before);
        assertThat(Autogenerate.run(cached(chain, unchanged), servers, this::log)
                        .script()
                        .isEmpty())
                .isTrue();

        Entities changed = new Entities(ENTITIES);
        CountDownLatch described = new CountDownLatch(1);
        EntityDdlSource alone = new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return keyAfter(
                        described, "the change described alone waited for the key", changed, serverMajorVersion);
            }

            @Override
            public Optional<List<String>> describedAlone(int serverMajorVersion) {
                described.countDown();
                return Optional.of(AutogenerateTest.ENTITIES);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                throw new AssertionError("the whole model described, though the change was described alone");
            }
        };
        AutogenerateRequest request = cached(chain, alone);
        AutogenerateResult result = Autogenerate.run(request, servers, this::log);
        assertThat(result.script().descriptions()).containsExactly(NICKNAME);

        // the DDL described alone was stored under the key: the same entities' next run asks no provider
        AutogenerateResult again = Autogenerate.run(cached(chain, changed), servers, this::log);
        assertThat(again.script()).isEqualTo(result.script());
        assertThat(changed.generated).as("found under the key").isZero();

        // a source that cannot describe the change alone: the key's lookup comes first, and spares the provider
        Entities whole = new Entities(before) {
            @Override
            public Optional<List<String>> describedAlone(int serverMajorVersion) {
                return Optional.empty();
            }
        };
        assertThat(Autogenerate.run(cached(chain, whole), servers, this::log)
                        .script()
                        .isEmpty())
                .isTrue();
        assertThat(whole.generated).as("the stored DDL spared the provider").isZero();
    }

    @Test
    void entityDdlThatMatchesTheSchemaAtHeadIsConfirmedWithoutBuildingItOnTheServer() throws Exception {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities same = new Entities(List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))"));

        AutogenerateResult cold = Autogenerate.run(cached(chain, same), servers, this::log);
        assertThat(cold.route()).isEqualTo(Route.REPLAYED);
        assertThat(cold.script().isEmpty()).isTrue();
        assertThat(log).contains(CONFIRMED);
        assertThat(entitySidesKept()).as("no entity side built, so none kept").isZero();

        // warm: the replay cache and the same reading answer, with no server
        log.clear();
        AutogenerateResult warm = Autogenerate.run(cached(chain, same), servers, this::log);
        assertThat(warm.route()).isEqualTo(Route.CACHES);
        assertThat(warm.script().isEmpty()).isTrue();
        assertThat(servers.started).isEqualTo(1);

        // a difference: the entity side is built on the server, which alone decides what changed
        log.clear();
        AutogenerateResult changed = Autogenerate.run(cached(chain, new Entities(ENTITIES)), servers, this::log);
        assertThat(changed.script().descriptions()).containsExactly(NICKNAME);
        assertThat(log).doesNotContain(CONFIRMED);
        assertThat(entitySidesKept()).isEqualTo(1);
    }

    @Test
    void aComparisonFoundInSyncIsNotReadAgainUntilTheChainTheDdlOrTheSettingsChange() throws Exception {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        List<String> inSync = List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))");

        assertThat(Autogenerate.run(cached(chain, new Entities(inSync)), servers, this::log)
                        .script()
                        .isEmpty())
                .isTrue();
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // the same inputs: answered by what the last comparison found, neither side read
        log.clear();
        AutogenerateResult warm = Autogenerate.run(cached(chain, new Entities(inSync)), servers, this::log);
        assertThat(warm.script().isEmpty()).isTrue();
        assertThat(warm.route()).isEqualTo(Route.CACHES);
        assertThat(log)
                .anyMatch(line -> line.startsWith(FOUND_IN_SYNC + "2 migrations on PostgreSQL ")
                        && line.endsWith("-Dmigrate.replayCache=false compares them anyway)."));

        // entity classes changed without changing their DDL: the provider runs, and its DDL is one found in sync
        log.clear();
        Entities recompiled = new Entities(inSync, "a method body changed");
        assertThat(Autogenerate.run(cached(chain, recompiled), servers, this::log)
                        .script()
                        .isEmpty())
                .isTrue();
        assertThat(recompiled.generated).isEqualTo(1);
        assertThat(log).anyMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // other DDL: compared, and the difference found
        log.clear();
        AutogenerateResult changed = Autogenerate.run(cached(chain, new Entities(ENTITIES)), servers, this::log);
        assertThat(changed.script().descriptions()).containsExactly(NICKNAME);
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // a setting that changes what is compared (a name left out): compared again
        log.clear();
        AutogenerateResult otherSettings = Autogenerate.run(
                request(chain, new Entities(inSync))
                        .entityCacheIn(dir.resolve("entity-cache"))
                        .replayCacheIn(dir.resolve("replay-cache"))
                        .excluding(List.of("agents_archive"))
                        .build(),
                servers,
                this::log);
        assertThat(otherSettings.script().isEmpty()).isTrue();
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // another chain: the schema at head differs, and so does the answer
        log.clear();
        AutogenerateResult shorter =
                Autogenerate.run(cached(offlineChain(CreateAgents.class), new Entities(inSync)), servers, this::log);
        assertThat(shorter.script().isEmpty()).isFalse();
        assertThat(log).noneMatch(line -> line.startsWith(FOUND_IN_SYNC));

        // back to the first inputs: still known, among the last ones found in sync
        log.clear();
        assertThat(Autogenerate.run(cached(chain, new Entities(inSync)), servers, this::log)
                        .script()
                        .isEmpty())
                .isTrue();
        assertThat(log).anyMatch(line -> line.startsWith(FOUND_IN_SYNC));
        try (var files = Files.list(dir.resolve("replay-cache"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static final String FOUND_IN_SYNC = "The entities matched the schema at head (";

    private static final String CONFIRMED = "The entities' DDL, read without building it, matches the schema at head.";

    /** The entity sides built on a server and kept in the entity cache (beside the provider's DDL it keeps). */
    private long entitySidesKept() throws IOException {
        try (var files = Files.list(dir.resolve("entity-cache"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".model"))
                    .count();
        }
    }

    @Test
    void aCheckOnAFreshCheckoutReadsAPlainChainAndStartsNoServer() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities same = new Entities(List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))"));

        AutogenerateResult cold = Autogenerate.run(checking(chain, same), servers, this::log);
        assertThat(cold.route()).isEqualTo(Route.READ_CHAIN);
        assertThat(cold.script().isEmpty()).isTrue();
        assertThat(servers.started).as("no server").isZero();
        assertThat(steps).as("nothing replayed").isEmpty();
        assertThat(log)
                .anyMatch(line ->
                        line.startsWith("The schema at head read from the SQL of the 2 migrations and matched"));

        // again, nothing changed: what the first found, by the chain's SQL and the DDL, answers without reading
        log.clear();
        AutogenerateResult warm = Autogenerate.run(checking(chain, same), servers, this::log);
        assertThat(warm.script().isEmpty()).isTrue();
        assertThat(log).anyMatch(line -> line.startsWith(FOUND_IN_SYNC));
        assertThat(log).noneMatch(line -> line.startsWith("The schema at head read from the SQL"));
        assertThat(servers.started).as("no server").isZero();

        // a difference: the chain is replayed, and what the server reads alone decides what it is
        AutogenerateResult changed = Autogenerate.run(checking(chain, new Entities(ENTITIES)), servers, this::log);
        assertThat(changed.route()).isEqualTo(Route.REPLAYED);
        assertThat(changed.script().descriptions()).containsExactly(NICKNAME);
        assertThat(servers.started).isEqualTo(1);
    }

    @Test
    void aCheckOfAChainWithStatementsTheReadingDoesNotKnowReplaysIt() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class, AddDomain.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities same = new Entities(List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))"));

        AutogenerateResult cold = Autogenerate.run(checking(chain, same), servers, this::log);
        assertThat(cold.route()).isEqualTo(Route.REPLAYED);
        assertThat(cold.script().isEmpty()).isTrue();
        assertThat(servers.started).isEqualTo(1);
    }

    @Test
    void withTheReplayCacheWarmAndTheEntityCacheColdOnlyTheEntitySideIsBuilt() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Autogenerate.run(cached(chain, new Entities(ENTITIES)), servers, this::log);
        steps.clear();

        // other entities: the provider runs, a server starts, the unchanged chain is not replayed
        Entities changed = new Entities(
                List.of("create table agents (id bigint generated by default as identity, name text, email text, "
                        + "primary key (id))"));
        AutogenerateResult result = Autogenerate.run(cached(chain, changed), servers, this::log);

        assertThat(result.route()).isEqualTo(Route.CACHED_CHAIN);
        assertThat(result.script().descriptions()).containsExactly("added column public.agents.email");
        assertThat(servers.started).isEqualTo(2);
        assertThat(changed.generated).isEqualTo(1);
        assertThat(steps).as("nothing replayed").isEmpty();
        // the entity cache keeps the last build: only the table whose DDL changed is built again
        assertThat(log)
                .anyMatch(line -> line.endsWith(": the migrations were not replayed; of the entity side only the table "
                        + "whose DDL changed was built, the rest taken from " + dir.resolve("entity-cache") + "."));

        // without the last build, the entity side is built whole
        deleteRecursively(dir.resolve("entity-cache"));
        log.clear();
        Entities again = new Entities(
                List.of("create table agents (id bigint generated by default as identity, name text, phone text, "
                        + "primary key (id))"));
        AutogenerateResult whole = Autogenerate.run(cached(chain, again), servers, this::log);
        assertThat(whole.script().descriptions()).containsExactly("added column public.agents.phone");
        assertThat(steps).as("nothing replayed").isEmpty();
        assertThat(log)
                .anyMatch(line -> line.endsWith(": the migrations were not replayed, only the entity side was built."));
    }

    private static void deleteRecursively(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aChainTheReplayCacheHasNotSeenIsReplayedAndSoIsOneWhoseComparisonNeedsTheServer() {
        TestThrowaways servers = new TestThrowaways(null);
        Autogenerate.run(cached(offlineChain(CreateAgents.class), new Entities(ENTITIES)), servers, this::log);
        steps.clear();
        log.clear();

        // a migration added: another chain, replayed
        AutogenerateResult longer = Autogenerate.run(
                cached(offlineChain(CreateAgents.class, AddName.class), new Entities(ENTITIES)), servers, this::log);
        assertThat(longer.route()).isEqualTo(Route.REPLAYED);
        assertThat(longer.script().descriptions()).containsExactly(NICKNAME);
        assertThat(steps).anyMatch(line -> line.startsWith("Finished upgrade a1 -> a2"));
        assertThat(log).anyMatch(line -> line.endsWith("yet: they are replayed, and it is kept for the next run."));
        steps.clear();
        log.clear();

        // kept, but a type change asks the replayed database whether PostgreSQL casts or rewrites
        Entities narrower = new Entities(
                List.of("create table agents (id bigint generated by default as identity, name varchar(10), "
                        + "primary key (id))"));
        AutogenerateResult typeChange =
                Autogenerate.run(cached(offlineChain(CreateAgents.class, AddName.class), narrower), servers, this::log);
        assertThat(typeChange.route()).isEqualTo(Route.REPLAYED);
        assertThat(typeChange.script().descriptions())
                .containsExactly("column public.agents.name: type text -> varchar(10)");
        assertThat(steps).anyMatch(line -> line.startsWith("Finished upgrade a1 -> a2"));
        assertThat(log)
                .anyMatch(
                        line -> line.startsWith("The schema at head is in ")
                                && line.endsWith(
                                        "needs the replayed database to answer (a column type change, or entity DDL other "
                                                + "than tables, indexes, sequences, enum types and comments): the migrations are replayed."));
    }

    @Test
    void entityDdlThatNeedsWhatTheMigrationsCreateIsBuiltOnTheReplayedDatabase() {
        TestThrowaways servers = new TestThrowaways(null);
        Entities scored = new Entities(List.of(
                "create table agents (id bigint generated by default as identity, name text, primary key (id))",
                "create table scores (id bigint not null, points positive_int, primary key (id))"));

        AutogenerateResult result = Autogenerate.run(
                cached(offlineChain(CreateAgents.class, AddName.class, AddDomain.class), scored), servers, this::log);

        assertThat(result.route()).isEqualTo(Route.REPLAYED);
        assertThat(result.script().descriptions()).containsExactly("added table public.scores");
        assertThat(servers.databases).as("the side database was tried first").hasSize(2);
    }

    @Test
    void withTheCachesOffTheChainIsReplayedEveryTime() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        TestThrowaways servers = new TestThrowaways(null);
        Entities entities = new Entities(ENTITIES);
        AutogenerateRequest request = request(chain, entities).build();

        AutogenerateResult first = Autogenerate.run(request, servers, this::log);
        AutogenerateResult second = Autogenerate.run(request, servers, this::log);

        assertThat(first.route()).isEqualTo(Route.REPLAYED);
        assertThat(second.route()).isEqualTo(Route.REPLAYED);
        assertThat(second.script()).isEqualTo(first.script());
        assertThat(first.script().descriptions()).containsExactly(NICKNAME);
        assertThat(servers.started).isEqualTo(2);
        assertThat(entities.generated).isEqualTo(2);
        assertThat(steps.stream().filter(line -> line.startsWith("Finished upgrade a1 -> a2")))
                .hasSize(2);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anOnlineChangeOfATableTheEntitiesDeclareDistributedIsNamedWithHowItIsSpread() {
        Migrator chain = offlineChain(CreateAgents.class, AddName.class);
        // name NOT NULL: an online change of agents, which an entity declares distributed; nicknames is new
        List<String> ddl = List.of(
                "create table agents (id bigint generated by default as identity, name text not null, primary key (id))",
                "create table nicknames (id bigint not null, nickname text, primary key (id))",
                new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED,
                                "com.example.Agent",
                                "Agent",
                                "",
                                "agents",
                                "id",
                                "",
                                8)
                        .line(),
                new DeclaredDistribution(
                                DeclaredDistribution.Kind.REFERENCE,
                                "com.example.Nickname",
                                "Nickname",
                                "",
                                "nicknames",
                                "",
                                "",
                                1)
                        .line());

        AutogenerateResult result =
                Autogenerate.run(request(chain, new Entities(ddl)).build(), new TestThrowaways(null), this::log);

        assertThat(result.route()).isEqualTo(Route.REPLAYED);
        assertThat(result.spreadTables())
                .containsEntry(
                        new ObjectName("public", "agents"),
                        "distributed by id in 8 shards, as @Distributed on com.example.Agent declares")
                .containsEntry(
                        new ObjectName("public", "nicknames"),
                        "a reference table, as @ReferenceTable on com.example.Nickname declares");
        MigrationScript online = OnlineForm.of(result.script());
        assertThat(OnlineForm.isOnline(online)).isTrue();
        assertThat(result.changedOnlineWhereCitusSpreads(online))
                .containsExactly("public.agents (distributed by id in 8 shards, as @Distributed on"
                        + " com.example.Agent declares)");

        // the same change with nothing declared: nothing is refused
        AutogenerateResult plain = Autogenerate.run(
                request(chain, new Entities(ddl.subList(0, 2))).build(), new TestThrowaways(null), this::log);
        assertThat(plain.spreadTables()).isEmpty();
        assertThat(plain.changedOnlineWhereCitusSpreads(OnlineForm.of(plain.script())))
                .isEmpty();
    }

    @Test
    void whatLooksRenamedInBatchModeIsReportedUnlessSaidNotToBe() throws Exception {
        DataSource database = TestPostgres.freshDatabase("pipeline_renames");
        Migrator chain = chain(database, CreateAgents.class, AddName.class);
        chain.upgrade("heads");
        List<String> renamed = List.of(
                "create table agents (id bigint generated by default as identity, full_name text, primary key (id))");

        AutogenerateResult batch = Autogenerate.run(
                request(chain, new Entities(renamed)).build(), new TestThrowaways(database), this::log);
        assertThat(batch.suspectedRenames()).containsExactly("agents.name=full_name");
        assertThat(batch.script().descriptions())
                .containsExactly("added column public.agents.full_name", "removed column public.agents.name");

        AutogenerateResult told = Autogenerate.run(
                request(chain, new Entities(renamed))
                        .notRenamed(List.of("agents.name"))
                        .build(),
                new TestThrowaways(database),
                this::log);
        assertThat(told.suspectedRenames()).isEmpty();

        AutogenerateResult asked = Autogenerate.run(
                request(chain, new Entities(renamed))
                        .askingAboutRenames((kind, owner, from, to) -> true)
                        .build(),
                new TestThrowaways(database),
                this::log);
        assertThat(asked.suspectedRenames()).isEmpty();
        assertThat(asked.script().descriptions()).containsExactly("renamed column public.agents.name to full_name");
    }

    private void log(String line) {
        log.add(line);
    }

    private AutogenerateRequest.Builder request(Migrator chain, EntityDdlSource entities) {
        return AutogenerateRequest.builder(chain, entities);
    }

    /** As {@code check} asks: a difference is the exception. */
    private AutogenerateRequest checking(Migrator chain, Entities entities) {
        return request(chain, entities)
                .entityCacheIn(dir.resolve("entity-cache"))
                .replayCacheIn(dir.resolve("replay-cache"))
                .expectingNoDifference(true)
                .build();
    }

    /**
     * The key of {@code entities}, made only once {@code first} is counted down (the work the key is to be made
     * beside); {@code waited} fails the run when that takes ten seconds.
     */
    private static String keyAfter(CountDownLatch first, String waited, Entities entities, int serverMajorVersion) {
        try {
            if (!first.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError(waited);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return entities.key(serverMajorVersion);
    }

    private AutogenerateRequest cached(Migrator chain, EntityDdlSource entities) {
        return request(chain, entities)
                .entityCacheIn(dir.resolve("entity-cache"))
                .replayCacheIn(dir.resolve("replay-cache"))
                .build();
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array goes on to Migrator.Builder#migrations, which only reads it
    private Migrator chain(DataSource database, Class<? extends Migration>... migrations) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(migrations)
                .log(new Steps())
                .build();
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array goes on to Migrator.Builder#migrations, which only reads it
    private Migrator offlineChain(Class<? extends Migration>... migrations) {
        return Migrator.builder().migrations(migrations).log(new Steps()).build();
    }

    private static int scratchSchemas(DataSource database) throws Exception {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private final class Steps implements MigrationLog {
        @Override
        public void info(String line) {
            steps.add(line);
        }

        @Override
        public void warn(String line) {
            steps.add(line);
        }
    }

    /** The entities' DDL, keyed by its text; counts how often the provider is asked. */
    static class Entities implements EntityDdlSource {
        private final List<String> ddl;
        /** What else the key covers, as the classes' bytes do beside the DDL they make. */
        private final String classes;

        int generated;

        Entities(List<String> ddl) {
            this(ddl, "");
        }

        Entities(List<String> ddl, String classes) {
            this.ddl = ddl;
            this.classes = classes;
        }

        @Override
        public String key(int serverMajorVersion) {
            return new Fingerprint()
                    .field(Integer.toString(serverMajorVersion))
                    .field(String.join("\n", ddl))
                    .field(classes)
                    .hex();
        }

        @Override
        public synchronized List<String> generate(int serverMajorVersion) {
            generated++;
            return ddl;
        }
    }
}
