package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.modelDdl;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of difference, made by hand on a database the model was applied to (or by comparing
 * with a slightly different model), is reported exactly as expected, nothing else; its upgrade
 * reaches a fixpoint, and its downgrade restores the hand-changed catalog exactly.
 */
@Execution(ExecutionMode.CONCURRENT) // each case works on a fresh database of its own
@LongSuite
class ChangeDetectionTest {
    private static final String DOCUMENTS_OWNER_FK = "fkrb1qlkjmx88jorkoafa1hd34r";

    /**
     * @param liveSql run on the live database after the model is applied
     * @param entityDdl the entity side; {@code null} for the model as it is
     * @param expected the exact descriptions of the changes
     * @param downgradeRestores whether the downgrade can restore the catalog exactly
     */
    record Case(
            String name,
            List<String> liveSql,
            List<String> entityDdl,
            List<String> expected,
            boolean downgradeRestores) {
        static Case live(String name, List<String> sql, String... expected) {
            return new Case(name, sql, null, List.of(expected), true);
        }

        static Case entities(String name, List<String> ddl, boolean downgradeRestores, String... expected) {
            return new Case(name, List.of(), ddl, List.of(expected), downgradeRestores);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.live(
                        "added table",
                        List.of("DROP TABLE customer_tags"),
                        "added table public.customer_tags",
                        "added foreign key [customer_id] -> customers[id] on public.customer_tags"),
                Case.live(
                        "removed table",
                        List.of("CREATE TABLE scratch_notes (id int PRIMARY KEY, note text)"),
                        "removed table public.scratch_notes"),
                Case.live(
                        "added column",
                        List.of("ALTER TABLE customers DROP COLUMN score"),
                        "added column public.customers.score"),
                Case.live(
                        "removed column",
                        List.of("ALTER TABLE customers ADD COLUMN legacy_code varchar(5)"),
                        "removed column public.customers.legacy_code"),
                Case.live(
                        "type change",
                        List.of("ALTER TABLE customers ALTER COLUMN email TYPE varchar(100)"),
                        "column public.customers.email: type varchar(100) -> varchar(254)"),
                Case.live(
                        "type change to numeric scale",
                        List.of("ALTER TABLE payments ALTER COLUMN amount TYPE numeric(10,2)"),
                        "column public.payments.amount: type numeric(10,2) -> numeric(14,2)"),
                Case.live(
                        "nullability dropped",
                        List.of("ALTER TABLE customers ALTER COLUMN first_name SET NOT NULL"),
                        "column public.customers.first_name: NOT NULL -> NULL"),
                Case.live(
                        "nullability set",
                        List.of("ALTER TABLE customers ALTER COLUMN email DROP NOT NULL"),
                        "column public.customers.email: NULL -> NOT NULL"),
                Case.live(
                        "default changed",
                        List.of("ALTER TABLE customers ALTER COLUMN active SET DEFAULT false"),
                        "column public.customers.active: default false -> true"),
                Case.live(
                        "default removed",
                        List.of("ALTER TABLE customers ALTER COLUMN visits SET DEFAULT 0"),
                        "column public.customers.visits: default 0 -> null"),
                Case.live(
                        "identity added",
                        List.of("ALTER TABLE customers ALTER COLUMN id DROP IDENTITY"),
                        "column public.customers.id: identity added"),
                Case.live(
                        "identity removed",
                        List.of("ALTER TABLE labels ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"),
                        "column public.labels.id: identity removed"),
                Case.live(
                        "table comment",
                        List.of("COMMENT ON TABLE customers IS 'Someone else''s words'"),
                        "changed comment of table public.customers"),
                Case.live(
                        "table comment added",
                        List.of("COMMENT ON TABLE vehicles IS 'Cars and trucks'"),
                        "changed comment of table public.vehicles"),
                Case.live(
                        "column comment",
                        List.of("COMMENT ON COLUMN customers.last_name IS NULL"),
                        "column public.customers.last_name: comment none -> 'Family name, as printed on invoices'"),
                Case.live(
                        "index added",
                        List.of("DROP INDEX ix_customers_name_city"),
                        "added index ix_customers_name_city on customers"),
                Case.live(
                        "index removed",
                        List.of("CREATE INDEX ix_extra ON customers (email, tier)"),
                        "removed index ix_extra on customers"),
                Case.live(
                        "unique index removed",
                        List.of("CREATE UNIQUE INDEX ux_extra ON vehicles (vin)"),
                        "removed index ux_extra on vehicles"),
                Case.live(
                        "unique constraint added",
                        List.of("ALTER TABLE customers DROP CONSTRAINT uk_customers_email"),
                        "added unique constraint [email] to customers"),
                Case.live(
                        "unique constraint removed",
                        List.of("ALTER TABLE customers ADD CONSTRAINT uk_extra UNIQUE (first_name, last_name)"),
                        "removed unique constraint uk_extra of customers"),
                Case.live(
                        "check added",
                        List.of("ALTER TABLE customers DROP CONSTRAINT ck_customers_credit"),
                        "added check constraint CHECK ((credit_limit >= (0)::numeric)) to customers"),
                Case.live(
                        "enum check added",
                        List.of("ALTER TABLE vehicles DROP CONSTRAINT vehicles_kind_check"),
                        "added check constraint CHECK (((kind)::text = ANY (ARRAY[('car'::character varying)::text, "
                                + "('truck'::character varying)::text]))) to vehicles"),
                Case.live(
                        "check removed",
                        List.of("ALTER TABLE customers ADD CONSTRAINT ck_extra CHECK (visits >= 0)"),
                        "removed check constraint ck_extra of customers"),
                Case.live(
                        "foreign key added",
                        List.of("ALTER TABLE documents DROP CONSTRAINT " + DOCUMENTS_OWNER_FK),
                        "added foreign key [owner_id] -> customers[id] on public.documents"),
                Case.live(
                        "foreign key removed",
                        List.of("ALTER TABLE card_payments ADD CONSTRAINT fk_card_extra "
                                + "FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE"),
                        "removed foreign key fk_card_extra of public.card_payments"),
                Case.live(
                        "foreign key action changed",
                        List.of(
                                "ALTER TABLE documents DROP CONSTRAINT " + DOCUMENTS_OWNER_FK,
                                "ALTER TABLE documents ADD CONSTRAINT " + DOCUMENTS_OWNER_FK
                                        + " FOREIGN KEY (owner_id) REFERENCES customers (id) ON DELETE RESTRICT"),
                        "foreign key " + DOCUMENTS_OWNER_FK + " on public.documents: ON DELETE RESTRICT -> CASCADE"),
                Case.live(
                        "foreign key deferrability changed",
                        List.of("ALTER TABLE documents ALTER CONSTRAINT " + DOCUMENTS_OWNER_FK
                                + " DEFERRABLE INITIALLY DEFERRED"),
                        "foreign key " + DOCUMENTS_OWNER_FK
                                + " on public.documents: DEFERRABLE INITIALLY DEFERRED -> NOT DEFERRABLE"),
                Case.live(
                        "check expression changed",
                        List.of(
                                "ALTER TABLE customers DROP CONSTRAINT ck_customers_credit",
                                "ALTER TABLE customers ADD CONSTRAINT ck_customers_credit CHECK (credit_limit > 0)"),
                        "check constraint ck_customers_credit on customers: (credit_limit > (0)::numeric) -> (credit_limit >= (0)::numeric)"),
                Case.live(
                        "unique constraint made deferrable",
                        List.of(
                                "ALTER TABLE customers DROP CONSTRAINT uk_customers_email",
                                "ALTER TABLE customers ADD CONSTRAINT uk_customers_email UNIQUE (email) DEFERRABLE"),
                        "unique constraint uk_customers_email on customers: DEFERRABLE INITIALLY IMMEDIATE -> NOT DEFERRABLE"),
                Case.live(
                        "unique constraint on other columns",
                        List.of(
                                "ALTER TABLE customers DROP CONSTRAINT uk_customers_email",
                                "ALTER TABLE customers ADD CONSTRAINT uk_customers_email UNIQUE (email, tier)"),
                        "unique constraint uk_customers_email on customers: columns [email, tier] -> [email]"),
                Case.live(
                        "primary key in another column order",
                        List.of(
                                "ALTER TABLE customer_tags DROP CONSTRAINT customer_tags_pkey",
                                "ALTER TABLE customer_tags ADD CONSTRAINT customer_tags_pkey PRIMARY KEY (tag, customer_id)")),
                new Case(
                        "unique constraint in another column order",
                        List.of("ALTER TABLE customer_tags ADD CONSTRAINT uk_customer_tags UNIQUE (tag, customer_id)"),
                        withLast(
                                modelDdl(),
                                "alter table if exists customer_tags add constraint uk_customer_tags unique (customer_id, tag)"),
                        List.of(),
                        true),
                Case.live(
                        "index keys in another order",
                        List.of(
                                "DROP INDEX ix_customers_name_city",
                                "CREATE INDEX ix_customers_name_city ON customers (first_name, last_name)"),
                        "index ix_customers_name_city on customers: keys [first_name, last_name] -> [last_name, first_name]"),
                Case.live(
                        "index key descending",
                        List.of(
                                "DROP INDEX ix_customers_name_city",
                                "CREATE INDEX ix_customers_name_city ON customers (last_name DESC, first_name)"),
                        "index ix_customers_name_city on customers: keys [last_name DESC, first_name] -> [last_name, first_name]"),
                Case.live(
                        "index made partial",
                        List.of(
                                "DROP INDEX ix_customers_name_city",
                                "CREATE INDEX ix_customers_name_city ON customers (last_name, first_name) WHERE active"),
                        "index ix_customers_name_city on customers: WHERE active -> none"),
                Case.live(
                        "index method changed",
                        List.of(
                                "DROP INDEX ix_customers_name_city",
                                "CREATE INDEX ix_customers_name_city ON customers USING hash (last_name)"),
                        "index ix_customers_name_city on customers: method hash -> btree, keys [last_name] -> [last_name, first_name]"),
                Case.live(
                        "partial index removed",
                        List.of("CREATE INDEX ix_active ON customers (email) WHERE active"),
                        "removed index ix_active on customers"),
                Case.live(
                        "covering index removed",
                        List.of("CREATE INDEX ix_vin_covering ON vehicles (vin) INCLUDE (kind)"),
                        "removed index ix_vin_covering on vehicles"),
                Case.live(
                        "primary key changed",
                        List.of(
                                "ALTER TABLE customer_tags DROP CONSTRAINT customer_tags_pkey",
                                "ALTER TABLE customer_tags ADD CONSTRAINT customer_tags_pkey PRIMARY KEY (customer_id)"),
                        "removed primary key customer_tags_pkey of customer_tags",
                        "added primary key [customer_id, tag] to customer_tags"),
                Case.live(
                        "primary key added",
                        List.of("ALTER TABLE vehicles DROP CONSTRAINT vehicles_pkey"),
                        "added primary key [id] to vehicles"),
                Case.live("sequence added", List.of("DROP SEQUENCE label_seq"), "added sequence public.label_seq"),
                Case.live(
                        "sequence removed",
                        List.of("CREATE SEQUENCE extra_seq INCREMENT BY 10"),
                        "removed sequence public.extra_seq"),
                Case.live(
                        "sequence options",
                        List.of("ALTER SEQUENCE document_seq INCREMENT BY 5 CACHE 3"),
                        "sequence public.document_seq: increment 5 -> 20, cache 3 -> 1"),
                Case.live(
                        "enum type removed",
                        List.of("CREATE TYPE mood AS ENUM ('sad', 'happy')"),
                        "removed enum type public.mood"),
                Case.entities(
                        "enum type added",
                        with(modelDdl(), "create type mood as enum ('sad','happy')"),
                        true,
                        "added enum type public.mood [sad, happy]"),
                Case.entities(
                        "enum label appended",
                        withLabel(modelDdl(), "ARCHIVED"),
                        false,
                        "added label 'ARCHIVED' to enum type public.docstatus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachKindOfChangeIsFoundOnceAndReachesAFixpoint(Case kind) throws Exception {
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("change").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, modelDdl());
            execute(c, kind.liveSql().toArray(String[]::new));
            DatabaseSchema before = catalog(c);
            List<String> entityDdl = kind.entityDdl() == null ? modelDdl() : kind.entityDdl();
            // with nothing to change, the live side keeps what the entities cannot express (a key's column order)
            DatabaseSchema target = kind.entityDdl() == null || kind.expected().isEmpty() ? null : builtFrom(entityDdl);

            MigrationScript diff = comparison.compare(c, entityDdl);
            assertThat(diff.descriptions()).as(kind.name()).containsExactlyInAnyOrderElementsOf(kind.expected());

            run(c, diff.upgrade());
            assertNoChanges(comparison.compare(c, entityDdl));
            if (target != null) {
                assertThat(columnsByName(catalog(c))).isEqualTo(columnsByName(target));
            }

            run(c, diff.downgrade());
            if (kind.downgradeRestores()) {
                assertThat(catalog(c)).as("downgrade of " + kind.name()).isEqualTo(before);
                assertThat(comparison.compare(c, entityDdl).descriptions())
                        .containsExactlyInAnyOrderElementsOf(kind.expected());
            }
        }
    }

    /** What the DDL builds on an empty database, for the cases that compare with another model. */
    private static DatabaseSchema builtFrom(List<String> ddl) throws Exception {
        try (Connection c = TestPostgres.freshDatabase("change_target").getConnection()) {
            run(c, Comparisons.of("public").compare(c, ddl).upgrade());
            return catalog(c);
        }
    }

    /** Columns in name order: an added column lands at the end, which is no difference. */
    private static DatabaseSchema columnsByName(DatabaseSchema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables().values()) {
            tables.add(new Table(
                    t.schema(),
                    t.name(),
                    t.columns().stream()
                            .sorted(Comparator.comparing(TableColumn::name))
                            .toList(),
                    t.primaryKey(),
                    t.foreignKeys(),
                    t.uniqueConstraints(),
                    t.checkConstraints(),
                    t.exclusionConstraints(),
                    t.indexes(),
                    t.comment()));
        }
        return DatabaseSchema.of(
                tables, schema.sequences().values(), schema.enumTypes().values());
    }

    private static List<String> with(List<String> ddl, String statement) {
        List<String> all = new ArrayList<>(ddl);
        all.add(0, statement);
        return all;
    }

    private static List<String> withLast(List<String> ddl, String statement) {
        List<String> all = new ArrayList<>(ddl);
        all.add(statement);
        return all;
    }

    private static List<String> withLabel(List<String> ddl, String label) {
        return ddl.stream()
                .map(s -> s.startsWith("create type DocStatus as enum (")
                        ? s.substring(0, s.length() - 1) + ",'" + label + "')"
                        : s)
                .toList();
    }
}
