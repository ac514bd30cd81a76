package dev.migrate.autogen.fixpoint.model;

/** Stored as a native PostgreSQL enum type. */
public enum DocStatus {
    DRAFT,
    REVIEW,
    PUBLISHED
}
