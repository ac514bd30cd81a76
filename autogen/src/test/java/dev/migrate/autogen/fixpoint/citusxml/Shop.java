package dev.migrate.autogen.fixpoint.citusxml;

/** Mapped in META-INF/citus-orm.xml alone: distributed by its key in eight shards, as its description says. */
public class Shop {
    Long id;

    String name;
}
