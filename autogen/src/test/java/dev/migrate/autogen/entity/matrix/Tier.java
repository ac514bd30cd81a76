package dev.migrate.autogen.entity.matrix;

public enum Tier {
    BRONZE,
    SILVER,
    GOLD
}
