package com.example.billing.v2;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.createIndex;
import static org.jooq.impl.DSL.createTable;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.CLOB;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static org.jooq.impl.SQLDataType.VARCHAR;

import com.example.billing.Ddl;

/** The second release: customers have an email address. */
public final class PrintSchema {
    private PrintSchema() {
    }

    public static void main(String[] args) {
        Ddl.print(
                createTable("customers")
                        .column("id", BIGINT.nullable(false))
                        .column("name", VARCHAR(100).nullable(false))
                        .column("email", VARCHAR(200))
                        .column("active", BOOLEAN.nullable(false).defaultValue(true))
                        .constraints(constraint("customers_pkey").primaryKey("id")),
                createTable("invoices")
                        .column("id", BIGINT.nullable(false).identity(true))
                        .column("customer_id", BIGINT.nullable(false))
                        .column("total", NUMERIC(12, 2))
                        .column("issued_at", TIMESTAMPWITHTIMEZONE.nullable(false).defaultValue(currentOffsetDateTime()))
                        .column("status", VARCHAR(20).nullable(false).defaultValue("open"))
                        .column("note", CLOB)
                        .constraints(
                                constraint("invoices_pkey").primaryKey("id"),
                                constraint("invoices_customer_fk")
                                        .foreignKey("customer_id")
                                        .references("customers", "id")),
                createIndex("invoices_customer").on("invoices", "customer_id"));
    }
}
