package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain written with {@code DEFAULT now()} (by hand, or imported from Flyway) against the DDL jOOQ's export prints
 * for the same column, {@code default cast(current_timestamp as timestamp with time zone)}: PostgreSQL keeps the two
 * spellings apart ({@code now()}, {@code CURRENT_TIMESTAMP}), but they are one value, so {@code check} finds nothing;
 * {@code clock_timestamp()}, another value, stays a difference.
 */
class TransactionStartDefaultsTest {
    @Revision(id = "ts1", message = "create invoices")
    public static class CreateInvoices implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "invoices",
                    column("id", "bigint").primaryKey(),
                    column("issued_at", "timestamptz").notNull().defaultValue("now()"),
                    column("paid_at", "timestamp").defaultValue("transaction_timestamp()"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("invoices");
        }
    }

    @Test
    void nowCurrentTimestampAndTransactionTimestampAreOneDefault() {
        // jOOQ's spelling of each
        assertThat(differences(
                        "default cast(current_timestamp as timestamp with time zone)", "default current_timestamp"))
                .isEmpty();
        assertThat(differences("default current_timestamp", "default now()")).isEmpty();
    }

    @Test
    void clockTimestampIsAnotherDefault() {
        assertThat(differences("default clock_timestamp()", "default now()"))
                .containsExactly("column public.invoices.issued_at: default now() -> clock_timestamp()");
    }

    /** The differences of the chain with the table jOOQ's export would print, its two defaults as given. */
    private static List<String> differences(String issuedAt, String paidAt) {
        List<String> ddl = List.of("""
                create table "invoices" (
                  "id" bigint not null,
                  "issued_at" timestamp(6) with time zone not null %s,
                  "paid_at" timestamp(6) %s,
                  primary key ("id")
                )""".formatted(issuedAt, paidAt));
        EntityDdlSource jooq = PrintedDdl.of(ddl);
        Migrator chain = Migrator.builder().migrations(CreateInvoices.class).build();
        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(chain, jooq).build(), new TestThrowaways(null), line -> {});
        return result.script().descriptions();
    }
}
