package dev.migrate.spring.modulith.inventory;

/** Fixture: what module inventory offers the others. */
public record Stock(String sku, int count) {}
