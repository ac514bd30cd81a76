package dev.migrate.autogen.fixpoint.extra;

public enum Severity {
    LOW,
    HIGH
}
