package dev.migrate.junit;

/** The ready tests on a chain that passes them all, entities included. */
@MigrationChain(packages = "fixtures.shop.migrations", entityPackages = "fixtures.shop.entities")
class ShopChainTest implements MigrationChainTests {}
