package dev.migrate.autogen.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.autogen.write.PgSchemaDiffCases.Case;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * A peer's own acceptance suite as our oracle: the cases of Stripe's pg-schema-diff
 * ({@code internal/migration_acceptance_tests} at commit 6208f8f3, ported as data into
 * {@code src/test/resources/pgsd/<group>.sql}, one file per test file of the peer; see
 * {@link PgSchemaDiffCases} for the format and {@link #GROUPS} for which file each group comes from).
 * The peer plans a migration from each case's old schema to its new one; here each case runs three ways:
 *
 * <ol>
 *   <li>{@link Way#ADOPT}: the old schema is built and adopted ({@code baseline} of {@code public}, as the
 *       goal reads it); a new database upgraded by the written, compiled baseline migration has the same
 *       schema as the adopted one, grants, owners and comments included. The embedded server has no
 *       {@code pg_dump}, so "the same" is a catalog comparison ({@link CatalogFingerprint}: every
 *       non-system schema, in the server's own {@code pg_get_*def} spelling), not a dump's text.
 *   <li>{@link Way#NO_DRIFT}: drift right after adoption (the adopted database against the schema the
 *       chain builds, read and compared as {@code drift} does) reports nothing.
 *   <li>{@link Way#DRIFT_SEEN}: the case's change applied by hand: a database with the case's new
 *       schema (the end state the change reaches; drift sees end states only) against the chain's schema.
 *       Drift reports it, and one of its lines names an object whose catalog lines differ between the old
 *       and the new schema; for a case the peer expects no change of, drift reports nothing.
 * </ol>
 *
 * <p>The cases that cannot pass a way are in {@link #KNOWN_FAILING}, with the reason; the test fails on
 * any case whose failing ways are not exactly those listed, so a fix that makes a case pass fails it
 * until the list is updated, and the count only grows. Cases that cannot run here are in
 * {@link #SKIPPED}. The run writes each case's outcome to {@code target/pgsd-suite.txt}.
 *
 * <p>{@code -Dmigrate.pgsd.only=partitioned_table} runs only the cases whose id holds that text.
 *
 * <p>It runs on the embedded default major; {@code -Dmigrate.pgsd.majors=all} runs it on every major of
 * {@link TestPostgres#majors()} ({@code -Dmigrate.test.majors} narrows those), where the list, kept for
 * the default major, may not hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgSchemaDiffSuiteTest {
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    /** The three ways each case runs. */
    enum Way {
        ADOPT,
        NO_DRIFT,
        DRIFT_SEEN
    }

    /**
     * The groups, each the resource {@code /pgsd/<group>.sql}, ported from pg-schema-diff's
     * {@code internal/migration_acceptance_tests/<group>_cases_test.go}.
     */
    static final List<String> GROUPS = List.of(
            "table", // table_cases_test.go
            "column", // column_cases_test.go
            "check_constraint", // check_constraint_cases_test.go
            "foreign_key_constraint", // foreign_key_constraint_cases_test.go
            "index", // index_cases_test.go
            "index_no_concurrent", // index_no_concurrent_cases_test.go
            "local_partition_index", // local_partition_index_cases_test.go
            "partitioned_index", // partitioned_index_cases_test.go
            "partitioned_table", // partitioned_table_cases_test.go
            "sequence", // sequence_cases_test.go
            "enum", // enum_cases_test.go
            "schema", // schema_cases_test.go: domains, composite types, comments, a whole schema
            "function", // function_cases_test.go
            "procedure", // procedure_cases_test.go
            "trigger", // trigger_cases_test.go
            "view", // view_cases_test.go
            "materialized_view", // materialized_view_cases_test.go
            "materialized_view_index", // materialized_view_index_cases_test.go
            "policy", // policy_cases_test.go
            "privilege", // privilege_cases_test.go
            "extensions", // extensions_cases_test.go
            "named_schema", // named_schema_cases_test.go
            "data_packing", // data_packing_cases_test.go
            "database_schema_source"); // database_schema_source_cases_test.go

    /** Cases that cannot run here at all, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
            "database_schema_source: Dir src - happy path",
                    "the new schema is a directory of the peer's testdata files, not DDL",
            "database_schema_source: Dir src - invalid sql",
                    "the new schema is a directory of the peer's testdata files, not DDL");

    /** A case's ways that fail, and why. */
    record Known(Set<Way> ways, String reason) {}

    private static Known known(String reason, Way... ways) {
        return new Known(EnumSet.copyOf(List.of(ways)), reason);
    }

    private static final Way A = Way.ADOPT;
    private static final Way B = Way.NO_DRIFT;
    private static final Way C = Way.DRIFT_SEEN;

    /** The cases that fail some way on the default major, by {@link Case#id()}, with the reason. */
    static final Map<String, Known> KNOWN_FAILING = knownFailing();

    private static final String OUT_OF_SCOPE = "baseline and drift manage one schema (public) and what it uses: "
            + "objects of another schema that public does not use are not adopted and drift does not look at them "
            + "(by design; the peer compares every schema)";
    private static final String PARTITIONS_OWN = "a partition's own index, key or foreign key in a shape a baseline "
            + "or drift does not carry yet (migrate-long-tests/target/pgsd-suite.txt has each case's difference)";
    private static final String UNATTACHED_INDEX = "an index or key made ON ONLY a partitioned table and never "
            + "attached to its partitions (left invalid) comes back from a baseline attached and valid; where a "
            + "partition has an index of its own by the name the attached one takes, the baseline fails";
    private static final String REPLICA_IDENTITY =
            "replica identity (FULL, USING INDEX) is not read: neither adopted nor compared";
    private static final String NOT_VALID =
            "validity (a NOT VALID check or foreign key, an invalid index) is not compared";
    private static final String FK_TO_OTHER_SCHEMA = "the written baseline adds a foreign key to a table of "
            + "another schema that it does not create, and fails";
    private static final String PARTITION_SHAPE =
            "drift does not compare a partitioned table's key or a partition's bounds and columns of its own (a"
                    + " partition added or dropped it does)";

    private static Map<String, Known> knownFailing() {
        Map<String, Known> m = new LinkedHashMap<>();
        m.put("table: Drop table", known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put("foreign_key_constraint: Drop FK (partitioned table)", known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put("partitioned_table: Drop table", known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put(
                "partitioned_table: Unpartitioned to partitioned and child tables already exist",
                known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put("partitioned_table: Adding a partition", known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put("schema: No-op", known(FK_TO_OTHER_SCHEMA, A, B, C));
        m.put("schema: Add/drop all objects", known(OUT_OF_SCOPE, A));
        m.put("function: Drop function with dependencies", known(OUT_OF_SCOPE, A));
        m.put("partitioned_table: Changing partition key def errors", known(PARTITION_SHAPE, C));
        m.put("partitioned_table: Altering a partition's 'FOR VALUES' errors", known(PARTITION_SHAPE, C));
        m.put("local_partition_index: Switch primary key (add and drop) (conflicting schemas)", known(OUT_OF_SCOPE, A));
        m.put("local_partition_index: Add a primary key when the index already exists", known(PARTITIONS_OWN, A));
        m.put("partitioned_index: Local index and columns deleted (index dropped first)", known(PARTITIONS_OWN, A));
        m.put(
                "partitioned_index: Alter index columns (index replacement and prioritized builds) (conflicting schemas)",
                known(PARTITIONS_OWN, A));
        m.put("partitioned_index: Attach an unnattached, invalid index", known(UNATTACHED_INDEX, A));
        m.put(
                "partitioned_index: Add primary key constraint with existing matching base-table index (matching non-local index exists that backs local matching PK)",
                known(PARTITIONS_OWN, A));
        m.put(
                "partitioned_index: Add unique constraint with existing matching base-table index (matching non-local index exists that backs local matching PK)",
                known(PARTITIONS_OWN, A));
        m.put(
                "partitioned_index: Add unique constraint with existing matching base-table index (matching non-local index exists that backs local matching unique constraint)",
                known(PARTITIONS_OWN, A));
        m.put(
                "partitioned_index: Add primary key constraint with existing matching base-table index (matching local PK already exists backed by local index)",
                known(PARTITIONS_OWN, A));
        m.put(
                "partitioned_index: Add unique constraint with existing matching base-table index (matching local PK already exists backed by local index)",
                known(PARTITIONS_OWN, A));
        m.put("partitioned_index: Add primary key to partition using existing index", known(UNATTACHED_INDEX, A, B, C));
        m.put(
                "partitioned_index: Add unique constraint to partition using existing index",
                known(UNATTACHED_INDEX, A, B, C));
        m.put("partitioned_table: No-op", known(REPLICA_IDENTITY, A));
        m.put(
                "partitioned_table: Alter table: New primary key, new unique constraint, dropped unique constraint, change column types, delete partitioned index, new partitioned index, delete local index, add local index, validate check constraint, validate FK, delete FK",
                known(PARTITIONS_OWN, A));
        m.put("schema: Drop partitioned table, Add partitioned table with local keys", known(PARTITIONS_OWN, A));
        m.put(
                "database_schema_source: Drop partitioned table, Add partitioned table with local keys",
                known(PARTITIONS_OWN, A));
        m.put("table: No-op", known(REPLICA_IDENTITY, A));
        m.put("table: Alter replica identity to index replica identity", known(REPLICA_IDENTITY, A));
        m.put("partitioned_table: Alter replica identity of parent and children", known(REPLICA_IDENTITY, A, C));
        m.put("partitioned_table: Unpartitioned to partitioned", known(REPLICA_IDENTITY, C));
        m.put("partitioned_table: Partitioned to unpartitioned", known(REPLICA_IDENTITY, C));
        m.put("table: Add and drop a table (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("table: Alter replica identity", known(OUT_OF_SCOPE, A, C));
        m.put("foreign_key_constraint: Add and drop FK (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put(
                "foreign_key_constraint: Switch FK owning table (analog tables in different schemas stay same)",
                known(OUT_OF_SCOPE, A));
        m.put("index: Add a normal index", known(OUT_OF_SCOPE, A, C));
        m.put("index: Add a functional index", known(OUT_OF_SCOPE, A, C));
        m.put("index: Add a primary key", known(OUT_OF_SCOPE, A, C));
        m.put("index: Delete a normal index", known(OUT_OF_SCOPE, A, C));
        m.put("index: Add and delete a normal index (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("index: Change indexes (conflicting schemas)", known(OUT_OF_SCOPE, A));
        m.put("local_partition_index: Add local indexes", known(OUT_OF_SCOPE, A, C));
        m.put("local_partition_index: Add local primary keys", known(OUT_OF_SCOPE, A, C));
        m.put("local_partition_index: Delete a local index", known(OUT_OF_SCOPE, A, C));
        m.put("local_partition_index: Delete a unique local index", known(OUT_OF_SCOPE, A, C));
        m.put("local_partition_index: Delete a primary key", known(OUT_OF_SCOPE, A, C));
        m.put("local_partition_index: Change an index columns (with conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_index: Add a normal partitioned index", known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_index: Add a functional partitioned index", known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_index: Add a unique constraint", known(OUT_OF_SCOPE, A, C));
        m.put(
                "partitioned_index: Add a partitioned index that is used by a local primary key",
                known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_index: Delete a normal partitioned index", known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_index: Delete a primary key", known(OUT_OF_SCOPE, A, C));
        m.put(
                "partitioned_table: Create partitioned table with shared primary key and RLS enabled globally",
                known(OUT_OF_SCOPE, C));
        m.put("partitioned_table: Add and drop partitioned table (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("partitioned_table: Can handle scenario where partition is not attached", known(OUT_OF_SCOPE, A, C));
        m.put("sequence: Add sequence via serial", known(OUT_OF_SCOPE, C));
        m.put("sequence: Drop sequence", known(OUT_OF_SCOPE, A, C));
        m.put("sequence: And and Drop sequences (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("sequence: Alter cycle", known(OUT_OF_SCOPE, A, C));
        m.put("function: Add and drop functions with dependencies (conflicting schemas)", known(OUT_OF_SCOPE, A, C));
        m.put("trigger: Create trigger with quoted name", known(OUT_OF_SCOPE, A, C));
        m.put("trigger: Drop trigger with quoted names", known(OUT_OF_SCOPE, A, C));
        m.put("trigger: Add and drop trigger - conflicting schemas", known(OUT_OF_SCOPE, A, C));
        m.put("policy: Add permissive ALL policy target on non-public schema", known(OUT_OF_SCOPE, A, C));
        m.put("policy: Drop non-public schema policy", known(OUT_OF_SCOPE, A, C));
        m.put("policy: Alter all alterable attributes on non-public schema", known(OUT_OF_SCOPE, A, C));
        m.put(
                "policy: Alter policy that references deleted columns and new columns (non-public schema)",
                known(OUT_OF_SCOPE, A, C));
        m.put(
                "policy: Re-create policy that references deleted columns and new columns (non-public schema)",
                known(OUT_OF_SCOPE, A, C));
        m.put("privilege: Grant on non-public schema table", known(OUT_OF_SCOPE, A, C));
        m.put("named_schema: no op", known(OUT_OF_SCOPE, A));
        m.put("named_schema: create schema", known(OUT_OF_SCOPE, A, C));
        m.put("named_schema: Drop schema", known(OUT_OF_SCOPE, A, C));
        m.put(
                "data_packing: Create partitioned table with shared primary key and RLS enabled globally",
                known(OUT_OF_SCOPE, C));
        m.put(
                "check_constraint: Alter an invalid check constraint to be valid (validate constraint isn't dropped and re-added)",
                known(NOT_VALID, C));
        m.put("check_constraint: Alter a valid check constraint to be invalid", known(NOT_VALID, C));
        m.put("check_constraint: Alter check constraint with UDF dependency should error", known(NOT_VALID, C));
        m.put(
                "check_constraint: Alter check constraint with system function dependency should not error",
                known(NOT_VALID, C));
        m.put(
                "foreign_key_constraint: Alter FK not valid to valid (validate FK isn't dropped and re-added)",
                known(NOT_VALID, C));
        m.put("foreign_key_constraint: Alter FK (valid to not valid)", known(NOT_VALID, C));
        return m;
    }

    /** What each case did, by major, for the summary. */
    private final Map<Integer, Map<String, Map<Way, String>>> outcomes = new ConcurrentHashMap<>();

    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, task -> {
        Thread t = new Thread(task, "pg-schema-diff case");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Map<Way, String>>> started = new ConcurrentHashMap<>();

    /** Cases run at once; {@code -Dmigrate.pgsd.parallel=1} runs them one after another. */
    private static final int PARALLEL = Integer.getInteger("migrate.pgsd.parallel", 4);

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    @TestFactory
    Stream<DynamicNode> thePeersAcceptanceCases() {
        List<Integer> majors = "all".equals(System.getProperty("migrate.pgsd.majors"))
                ? TestPostgres.majors()
                : List.of(TestPostgres.defaultMajor());
        String only = System.getProperty("migrate.pgsd.only", "");
        List<Case> cases = GROUPS.stream()
                .flatMap(g -> PgSchemaDiffCases.read(g).stream())
                .filter(c -> c.id().contains(only))
                .toList();
        // all are queued at once, in the order the tests ask for them; each test joins its own
        for (int major : majors) {
            for (Case c : cases) {
                if (!SKIPPED.containsKey(c.id())) {
                    CompletableFuture<Map<Way, String>> queued = running(major, c);
                    assertThat(queued).isNotNull();
                }
            }
        }
        return Stream.concat(
                majors.stream()
                        .map(major -> DynamicContainer.dynamicContainer(
                                "PostgreSQL " + major,
                                GROUPS.stream()
                                        .map(group -> DynamicContainer.dynamicContainer(
                                                group,
                                                cases.stream()
                                                        .filter(c -> c.group().equals(group))
                                                        .map(c -> DynamicTest.dynamicTest(
                                                                c.name(),
                                                                () -> check(major, c, running(major, c)))))))),
                Stream.of(
                        DynamicTest.dynamicTest("the lists name only ported cases", () -> listsNameCases(cases)),
                        DynamicTest.dynamicTest("summary", () -> summary(majors, cases))));
    }

    private static void listsNameCases(List<Case> cases) {
        Set<String> ids = cases.stream().map(Case::id).collect(Collectors.toSet());
        assertThat(ids).as("every case has a name of its own").hasSize(cases.size());
        if (System.getProperty("migrate.pgsd.only", "").isEmpty()) {
            assertThat(ids).containsAll(KNOWN_FAILING.keySet()).containsAll(SKIPPED.keySet());
        }
        assertThat(KNOWN_FAILING.keySet()).doesNotContainAnyElementsOf(SKIPPED.keySet());
    }

    /**
     * The case started on the pool: most of a case is waiting on the server (databases made, catalogs read),
     * so several at once finish the suite in a fraction of the time.
     */
    private CompletableFuture<Map<Way, String>> running(int major, Case c) {
        return started.computeIfAbsent(
                major + " " + c.id(),
                k -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return run(major, c);
                            } catch (Exception e) {
                                throw new CompletionException(e);
                            }
                        },
                        pool));
    }

    private void check(int major, Case c, CompletableFuture<Map<Way, String>> running) throws Exception {
        if (SKIPPED.containsKey(c.id())) {
            outcomes.computeIfAbsent(major, m -> new ConcurrentHashMap<>()).put(c.id(), Map.of());
            return;
        }
        Map<Way, String> failures;
        try {
            failures = running.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        outcomes.computeIfAbsent(major, m -> new ConcurrentHashMap<>()).put(c.id(), failures);
        Known known = KNOWN_FAILING.get(c.id());
        Set<Way> expected = known == null ? Set.of() : known.ways();
        if (!failures.keySet().equals(expected)) {
            StringBuilder message = new StringBuilder(c.id() + " on PostgreSQL " + major + ": ");
            if (known == null) {
                message.append("not in the known-failing list, but fails ").append(failures.keySet());
            } else {
                message.append("listed as failing ")
                        .append(expected)
                        .append(" (")
                        .append(known.reason())
                        .append("), but fails ")
                        .append(failures.keySet())
                        .append(": update KNOWN_FAILING");
            }
            failures.forEach(
                    (way, why) -> message.append("\n").append(way).append(": ").append(why));
            throw new AssertionError(message.toString());
        }
    }

    /** Runs the case three ways; answers each way that failed, with what was seen. */
    private static Map<Way, String> run(int major, Case c) throws Exception {
        Map<Way, String> failures = new EnumMap<>(Way.class);
        try (Connection legacy = TestPostgres.freshDatabase(major, "pgsd_old").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase(major, "pgsd_built").getConnection()) {
            createRoles(legacy, c.roles());
            String refused = execute(legacy, c.oldDdl());
            if (refused != null) {
                String why = "the server refuses the old schema's DDL: " + refused;
                EnumSet.allOf(Way.class).forEach(w -> failures.put(w, why));
                return failures;
            }
            List<String> adopted = CatalogFingerprint.of(legacy);
            try {
                MigrationScript script = Adoption.baseline(legacy);
                Migration migration =
                        Adoption.written(script, "20261201_120000", AT).migration();
                migration.upgrade(GeneratedMigrations.online(fresh));
                List<String> difference = CatalogFingerprint.difference(adopted, CatalogFingerprint.of(fresh));
                if (!difference.isEmpty()) {
                    failures.put(
                            Way.ADOPT,
                            "the built database differs from the adopted one (- adopted only,"
                                    + " + built only):\n  " + String.join("\n  ", difference)
                                    + (script.warnings().isEmpty() ? "" : "\n  warnings: " + script.warnings()));
                }
            } catch (Exception | AssertionError e) {
                String why = "the baseline could not be written or run: " + firstLine(e);
                EnumSet.allOf(Way.class).forEach(w -> failures.put(w, why));
                return failures;
            }

            Exclusions exclusions = Exclusions.versionTables();
            DatabaseSchema chain = SchemaDrift.read(fresh, "public", exclusions);
            DriftReport afterAdoption = drift(legacy, chain, exclusions);
            if (!afterAdoption.inSync()) {
                failures.put(Way.NO_DRIFT, "drift after adoption: " + afterAdoption.summary());
            }

            if (c.flags().contains("directory-source")) {
                return failures;
            }
            try (Connection changed =
                    TestPostgres.freshDatabase(major, "pgsd_new").getConnection()) {
                String refusedNew = execute(changed, c.newDdl());
                if (refusedNew != null) {
                    failures.put(Way.DRIFT_SEEN, "the server refuses the new schema's DDL: " + refusedNew);
                    return failures;
                }
                DriftReport report = drift(changed, chain, exclusions);
                String seen = driftSeen(c, adopted, CatalogFingerprint.of(changed), report);
                if (seen != null) {
                    failures.put(Way.DRIFT_SEEN, seen);
                }
            }
        }
        return failures;
    }

    /** Null when drift answered as it should for the change from {@code before} to {@code after}. */
    private static @Nullable String driftSeen(Case c, List<String> before, List<String> after, DriftReport report) {
        List<String> changed = CatalogFingerprint.difference(before, after);
        if (c.noChange() || changed.isEmpty()) {
            return report.inSync() ? null : "no change, but drift reports: " + report.summary();
        }
        if (report.inSync()) {
            return "drift reports nothing; what changed:\n  " + String.join("\n  ", changed);
        }
        Set<String> names = new LinkedHashSet<>();
        changed.forEach(line -> names.addAll(CatalogFingerprint.names(line)));
        List<String> lines = report.differences().isEmpty() ? List.of(report.summary()) : report.differences();
        boolean named = lines.stream().anyMatch(line -> names.stream().anyMatch(line::contains));
        return named
                ? null
                : "drift names none of " + names + ":\n  " + String.join("\n  ", lines) + "\nwhat changed:\n  "
                        + String.join("\n  ", changed);
    }

    /** {@code database} against the chain's schema, read and compared as {@code drift} does. */
    private static DriftReport drift(Connection database, DatabaseSchema chain, Exclusions exclusions) {
        return SchemaDrift.compare(
                "case",
                "public",
                "baseline",
                database,
                SchemaDrift.read(database, "public", exclusions),
                chain,
                exclusions);
    }

    /**
     * Roles live in the cluster, shared by the cases' databases: each is made once. Two cases that make the same role
     * at the same moment meet in the catalog's unique index (a {@code unique_violation}) rather than as an existing
     * role (a {@code duplicate_object}): either way the role is there.
     */
    private static void createRoles(Connection c, List<String> roles) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String role : roles) {
                s.execute("DO $$ BEGIN CREATE ROLE " + role
                        + "; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            }
        }
    }

    /** Runs each of the peer's strings as the peer does, one at a time; answers the server's refusal, or null. */
    private static @Nullable String execute(Connection c, List<String> ddl) {
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
            return null;
        } catch (SQLException e) {
            return firstLine(e);
        }
    }

    /** The message's first line and, when it runs over several (a statement's text), the server's error. */
    private static String firstLine(Throwable e) {
        List<String> lines = String.valueOf(e.getMessage()).lines().toList();
        String error = lines.stream()
                .skip(1)
                .filter(line -> line.contains("ERROR:"))
                .findFirst()
                .map(line -> " ... " + line.substring(line.indexOf("ERROR:")))
                .orElse("");
        return e.getClass().getSimpleName() + ": " + (lines.isEmpty() ? "" : lines.get(0)) + error;
    }

    private void summary(List<Integer> majors, List<Case> cases) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int major : majors) {
            Map<String, Map<Way, String>> byCase = outcomes.getOrDefault(major, Map.of());
            int ran = 0;
            Map<Way, Integer> passed = new EnumMap<>(Way.class);
            int allThree = 0;
            StringBuilder details = new StringBuilder();
            for (Case c : cases) {
                Map<Way, String> failures = byCase.get(c.id());
                if (failures == null || SKIPPED.containsKey(c.id())) {
                    continue;
                }
                ran++;
                for (Way way : Way.values()) {
                    if (!failures.containsKey(way)) {
                        passed.merge(way, 1, Integer::sum);
                    }
                }
                if (failures.isEmpty()) {
                    allThree++;
                } else {
                    details.append("\n== ").append(c.id()).append(" fails ").append(failures.keySet());
                    failures.forEach((w, why) ->
                            details.append("\n").append(w).append(": ").append(why));
                }
            }
            out.append("PostgreSQL ")
                    .append(major)
                    .append(": ")
                    .append(cases.size())
                    .append(" cases ported, ")
                    .append(SKIPPED.size())
                    .append(" skipped, ")
                    .append(ran)
                    .append(" run; all three ways pass: ")
                    .append(allThree)
                    .append('/')
                    .append(ran);
            for (Way way : Way.values()) {
                out.append("; ")
                        .append(way)
                        .append(' ')
                        .append(passed.getOrDefault(way, 0))
                        .append('/')
                        .append(ran);
            }
            out.append('\n').append(details).append("\n\n");
        }
        Map<String, List<String>> byReason = new TreeMap<>();
        KNOWN_FAILING.forEach((id, k) ->
                byReason.computeIfAbsent(k.reason(), r -> new ArrayList<>()).add(id + " " + k.ways()));
        out.append("Known failing, by reason:\n");
        byReason.forEach((reason, ids) -> out.append("- ")
                .append(reason)
                .append(" (")
                .append(ids.size())
                .append("):\n    ")
                .append(String.join("\n    ", ids))
                .append('\n'));
        Path report = Path.of("target", "pgsd-suite.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
        System.out.println(out.substring(0, out.indexOf("\n")));
    }
}
