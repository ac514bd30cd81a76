package com.example.shop;

import dev.migrate.junit.MigrationChainTests;

/** Single head, round trips, downgrade to base, entities match: migrations in db.migrations, the default. */
class MigrationChainTest implements MigrationChainTests {}
