package dev.migrate.autogen.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dmigrate.safe=true}: changes to tables that hold rows are written in their lock-safe form,
 * as a migration and its concurrent part. The written classes compile, apply to a database with rows,
 * reach the fixpoint and downgrade; the lint, which replays them on a database with rows, finds no
 * lock that blocks writes for long, where it finds one per change in the plain form. The notes of
 * the plain form cite the lint's rules.
 */
class LockSafeMigrationsTest {
    private static final String BASE = "20261120_090000";

    /** The tables as they are in the database before autogenerate runs. */
    @Revision(id = BASE, message = "tables")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100), name varchar(50),"
                    + " code varchar(10))");
            op.execute("CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, amount numeric(10,2))");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE orders");
            op.execute("DROP TABLE accounts");
        }
    }

    /**
     * What the entities describe: on the existing tables a unique constraint, NOT NULL, a check, an
     * index and a foreign key, and a dropped column; and a new table with its own index and foreign key.
     */
    private static final List<String> ENTITIES = List.of(
            "create table accounts (id bigint not null, email varchar(100), name varchar(50) not null,"
                    + " primary key (id), constraint uk_accounts_email unique (email))",
            "create table orders (id bigint not null, account_id bigint, amount numeric(10,2), primary key (id),"
                    + " constraint ck_orders_amount check (amount >= 0))",
            "create index ix_orders_account on orders (account_id)",
            "alter table if exists orders add constraint fk_orders_account foreign key (account_id)"
                    + " references accounts",
            "create table remarks (id bigint not null, order_id bigint, body text, primary key (id))",
            "create index ix_remarks_order on remarks (order_id)",
            "alter table if exists remarks add constraint fk_remarks_order foreign key (order_id) references orders");

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:07Z"), ZoneOffset.UTC);

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    @Test
    void theNotesOfChangesToExistingTablesCiteTheLintRules() throws Exception {
        DataSource database = TestPostgres.freshDatabase("lock_safe_notes");
        migrator(database, List.of()).upgrade("head");
        try (Connection c = database.getConnection()) {
            MigrationScript diff = Comparisons.of("public").compare(c, ENTITIES);
            assertThat(notes(diff, "index ix_orders_account on orders"))
                    .anyMatch(n -> n.startsWith("Hazard [index-not-concurrent]: index ix_orders_account on"
                            + " public.orders: builds an index on an existing table without CONCURRENTLY"))
                    .anyMatch(n -> n.startsWith("Lock-safe form: create it with op.createIndex(")
                            && n.endsWith("-Dmigrate.safe=true writes the safe form."));
            assertThat(notes(diff, "unique constraint [email]"))
                    .anyMatch(
                            n -> n.startsWith("Hazard [unique-not-from-index]:") && n.contains("AccessExclusiveLock"));
            assertThat(notes(diff, "check constraint"))
                    .anyMatch(n -> n.startsWith("Hazard [constraint-without-not-valid]:"));
            assertThat(notes(diff, "-> accounts[id] on public.orders"))
                    .anyMatch(
                            n -> n.startsWith("Hazard [constraint-without-not-valid]: foreign key fk_orders_account"));
            assertThat(notes(diff, "column public.accounts.name: NULL -> NOT NULL"))
                    .anyMatch(n -> n.startsWith("Hazard [set-not-null-scan]: column public.accounts.name:")
                            && n.contains("it fails if the column holds NULLs"));
            assertThat(notes(diff, "removed column public.accounts.code"))
                    .anyMatch(n -> n.startsWith("Hazard [backward-incompatible]:")
                            && n.contains("drops column public.accounts.code and its data"))
                    .noneMatch(n -> n.contains("-Dmigrate.safe=true"));
            // a table the migration creates has nothing to protect
            assertThat(notes(diff, "remarks")).isEmpty();

            JavaFile plain = new MigrationWriter(Path.of("unused"), "db.migrations", CLOCK)
                    .toJavaFile(NewMigration.autogenerated("20261122_101500", List.of(BASE), "tighten", diff));
            assertThat(plain.toString())
                    .contains(" *   <li>[index-not-concurrent] index ix_orders_account on public.orders:")
                    .contains(" *   <li>[set-not-null-scan] column public.accounts.name:")
                    .contains(" *   <li>[backward-incompatible] column public.accounts.code:")
                    .contains("// Hazard [unique-not-from-index]:");
        }
    }

    @Test
    void theLockSafeFormAppliesToTablesWithRowsReachesTheFixpointAndDowngrades() throws Exception {
        DataSource database = TestPostgres.freshDatabase("lock_safe_apply");
        migrator(database, List.of()).upgrade("head");
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = database.getConnection()) {
            execute(
                    c,
                    "INSERT INTO accounts VALUES (1, 'a@x', 'Ann', 'A'), (2, 'b@x', 'Bob', 'B'), (3, NULL, 'Cy', NULL)",
                    "INSERT INTO orders VALUES (1, 1, 10), (2, 1, 0), (3, 2, 5.5), (4, NULL, 1)");
            DatabaseSchema before = new CatalogReader().read(c, List.of("public"));
            MigrationScript diff = comparison.compare(c, ENTITIES);

            List<NewMigration> written = lockSafe(diff);
            assertThat(written).hasSize(2);
            assertThat(written.get(0).transactional()).isTrue();
            assertThat(written.get(1).transactional()).isFalse();
            assertThat(written.get(1).revises()).containsExactly(written.get(0).id());
            assertThat(written.get(1).id()).isGreaterThan(written.get(0).id());
            assertThat(written.get(1).message()).isEqualTo("tighten orders (concurrent part)");

            List<JavaFile> files = files(written);
            String first = files.get(0).toString();
            String second = files.get(1).toString();
            assertThat(first)
                    .contains("@Revision(id = \"20261122_101507\", revises = \"" + BASE
                            + "\", message = \"tighten orders\")")
                    .contains("foreignKey(\"fk_orders_account\", \"account_id\")\n")
                    .contains(".references(\"accounts\", \"id\").notValid());")
                    .contains(
                            "check(\"ck_orders_amount\", \"(amount >= (0)::numeric)\")\n                .notValid());")
                    .contains(
                            "check(\"accounts_name_not_null_check\", \"name IS NOT NULL\")\n                .notValid());")
                    .contains("op.createTable(\"remarks\"")
                    .contains("op.createIndex(\"ix_remarks_order\", \"remarks\", \"order_id\")")
                    .doesNotContain("CONCURRENTLY", "concurrently()", "ix_orders_account", "uk_accounts_email")
                    .contains("Hazard [backward-incompatible]")
                    .doesNotContain("Hazard [index-not-concurrent]", "Hazard [set-not-null-scan]");
            assertThat(second)
                    .contains("transactional = false")
                    .contains("Runs outside a transaction (transactional = false)")
                    .contains("index(\"ix_orders_account\", \"orders\", \"account_id\").concurrently()")
                    .contains("index(\"uk_accounts_email\", \"accounts\", \"email\").unique().concurrently()")
                    .contains("op.execute(\"ALTER TABLE accounts ADD CONSTRAINT uk_accounts_email \"\n"
                            + "                + \"UNIQUE USING INDEX uk_accounts_email\");")
                    .contains("op.validateConstraint(\"orders\", \"fk_orders_account\")")
                    .contains("op.validateConstraint(\"orders\", \"ck_orders_amount\")")
                    .contains("op.validateConstraint(\"accounts\", \"accounts_name_not_null_check\")")
                    .contains("op.setNotNull(\"accounts\", \"name\")")
                    .contains("op.dropConstraint(\"accounts\", \"accounts_name_not_null_check\")")
                    .contains("op.dropIndexConcurrently(\"ix_orders_account\")")
                    .contains("op.execute(\"ALTER TABLE accounts DROP CONSTRAINT uk_accounts_email\")")
                    // a validated constraint is made NOT VALID again by adding it again so
                    .contains("""
                            op.dropConstraint("orders", "fk_orders_account");
                                    op.addForeignKey("orders", foreignKey("fk_orders_account", "account_id")
                                            .references("accounts", "id").notValid());""");
            assertThat(Stream.of(first, second).flatMap(String::lines).filter(line -> line.length() > 100))
                    .as("lines over 100 columns")
                    .isEmpty();

            Map<String, Migration> compiled = GeneratedMigrations.compile(files);
            Migrator migrator = migrator(database, compiled(files, compiled));
            migrator.upgrade("head");
            assertThat(comparison.compare(c, ENTITIES).descriptions())
                    .as(() -> "differences after the written migrations ran:\n" + first + "\n" + second)
                    .isEmpty();
            assertThat(rows(c, "SELECT count(*) FROM accounts")).containsExactly("3");
            assertThat(rows(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
                    .containsExactly("0");

            migrator.downgrade(written.get(0).id());
            assertThat(comparison.compare(c, ENTITIES).descriptions())
                    .as("the concurrent part undone: the constraints are there again, not valid")
                    .containsExactlyInAnyOrder(
                            "added index ix_orders_account on orders",
                            "added unique constraint [email] to accounts",
                            "column public.accounts.name: NULL -> NOT NULL",
                            "removed check constraint accounts_name_not_null_check of accounts");
            assertThat(rows(c, "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE NOT convalidated"))
                    .containsExactlyInAnyOrder(
                            "ck_orders_amount false", "fk_orders_account false", "accounts_name_not_null_check false");

            migrator.downgrade(BASE);
            DatabaseSchema after = new CatalogReader().read(c, List.of("public"));
            // a column dropped and added back by the downgrade comes last, as verify accepts
            assertThat(after.tables().keySet()).isEqualTo(before.tables().keySet());
            assertThat(comparison.compare(c, ENTITIES).descriptions())
                    .containsExactlyInAnyOrderElementsOf(diff.descriptions());
        }
    }

    @Test
    void theLintFindsNothingThatBlocksWritesInTheLockSafeFormAndEachHazardInThePlainOne() throws Exception {
        int major = 18;
        MigrationScript diff;
        DataSource compared = TestPostgres.freshDatabase(major, "lock_safe_compare");
        migrator(compared, List.of()).upgrade("head");
        try (Connection c = compared.getConnection()) {
            diff = Comparisons.of("public").compare(c, ENTITIES);
        }

        List<JavaFile> safeFiles = files(lockSafe(diff));
        LintReport safe = lint(major, safeFiles);
        assertThat(safe.failing(LintRule.Severity.ERROR))
                .as(() -> lines(safe) + "\n" + safeFiles)
                .isEmpty();
        assertThat(safe.findings().stream().map(f -> f.rule().id()))
                .as(() -> lines(safe))
                .contains("backward-incompatible");

        List<JavaFile> plainFiles =
                files(List.of(NewMigration.autogenerated("20261122_101500", List.of(BASE), "tighten orders", diff)));
        LintReport plain = lint(major, plainFiles);
        assertThat(plain.failing(LintRule.Severity.ERROR).stream()
                        .map(f -> f.rule().id() + " " + f.table())
                        .distinct())
                .as(() -> lines(plain))
                .containsExactlyInAnyOrder(
                        "index-not-concurrent public.orders",
                        "unique-not-from-index public.accounts",
                        "constraint-without-not-valid public.orders",
                        "set-not-null-scan public.accounts");
    }

    private static List<NewMigration> lockSafe(MigrationScript diff) {
        return NewMigration.autogeneratedLockSafe(
                List.of(BASE), "tighten orders", diff, parents -> RevisionIds.next(CLOCK, parents, id -> false));
    }

    private static List<JavaFile> files(List<NewMigration> migrations) {
        MigrationWriter writer = new MigrationWriter(Path.of("unused"), "db.migrations", CLOCK);
        return migrations.stream().map(writer::toJavaFile).toList();
    }

    private static List<Migration> compiled(List<JavaFile> files, Map<String, Migration> classes) {
        return files.stream().map(f -> classes.get(f.typeSpec().name())).toList();
    }

    private static LintReport lint(int major, List<JavaFile> files) {
        DataSource database = TestPostgres.freshDatabase(major, "lock_safe_lint");
        return Lint.builder(migrator(database, compiled(files, GeneratedMigrations.compile(files))))
                .database(database)
                .build()
                .run(BASE + ":heads");
    }

    private static Migrator migrator(DataSource database, List<Migration> written) {
        List<Migration> all = new ArrayList<>();
        all.add(new Tables());
        all.addAll(written);
        return Migrator.builder()
                .dataSource(database)
                .migrations(all.toArray(Migration[]::new))
                .lockTimeout(Duration.ofSeconds(5))
                .log(QUIET)
                .build();
    }

    private static List<String> notes(MigrationScript diff, String described) {
        return diff.changes().stream()
                .filter(change -> change.description().text().contains(described))
                .map(ChangeNotes::of)
                .flatMap(List::stream)
                .toList();
    }

    private static String lines(LintReport report) {
        return String.join(
                "\n", report.findings().stream().map(LintFinding::line).toList());
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
