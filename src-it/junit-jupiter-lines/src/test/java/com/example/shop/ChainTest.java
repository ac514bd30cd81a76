package com.example.shop;

import dev.migrate.junit.MigrationChainTests;

/** The ready chain tests; without a JPA provider the entities test is skipped. */
class ChainTest implements MigrationChainTests {}
