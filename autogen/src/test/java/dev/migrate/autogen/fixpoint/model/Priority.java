package dev.migrate.autogen.fixpoint.model;

/** Stored by ordinal (smallint with a range check). */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH
}
