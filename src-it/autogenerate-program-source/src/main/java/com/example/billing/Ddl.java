package com.example.billing;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * jOOQ's DDL export, as a jOOQ project without code generation prints its schema: the tables are declared with
 * jOOQ's DSL, jOOQ interprets them into its {@code Meta} and renders that as PostgreSQL DDL (tables first, foreign
 * keys after), one statement ended by {@code ;} at a time.
 */
public final class Ddl {
    private Ddl() {
    }

    public static void print(Query... declared) {
        DSLContext postgres = DSL.using(SQLDialect.POSTGRES);
        postgres.meta(declared).ddl().forEach(statement -> System.out.println(statement + ";"));
    }
}
