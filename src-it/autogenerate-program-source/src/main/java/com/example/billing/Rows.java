package com.example.billing;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** What the application writes with jOOQ between releases: two customers with an email, and their invoices. */
public final class Rows {
    private Rows() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection("jdbc:postgresql://localhost:25939/app", "app", "program-source-pw")) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);
            app.insertInto(table("customers"), field("id"), field("name"), field("email"))
                    .values(1L, "Ada", "ada@example.com")
                    .values(2L, "Grace", "grace@example.com")
                    .execute();
            app.insertInto(table("invoices"), field("customer_id"), field("total"), field("note"))
                    .values(1L, 12.5, "paid by card")
                    .values(2L, 40, "call back")
                    .execute();
        }
    }
}
