package dev.migrate.autogen.fixpoint.citusxml;

/** Mapped in META-INF/citus-orm.xml alone: a reference table, as its description says. */
public class Region {
    String code;

    String name;
}
