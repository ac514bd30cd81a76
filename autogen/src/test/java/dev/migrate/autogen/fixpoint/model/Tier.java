package dev.migrate.autogen.fixpoint.model;

/** Stored by name (varchar with a check constraint). */
public enum Tier {
    FREE,
    PRO,
    ENTERPRISE
}
