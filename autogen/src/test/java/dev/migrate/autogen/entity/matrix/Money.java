package dev.migrate.autogen.entity.matrix;

/** An amount in cents, stored as a bigint by {@link MoneyConverter}. */
public record Money(long cents) {}
