/**
 * Testing a migration chain with JUnit Jupiter: {@link dev.migrate.junit.MigrationExtension} gives a test a
 * database of a throwaway server migrated to a revision, and {@link dev.migrate.junit.MigrationChainTests}
 * holds the chain to its checks (upgrade, downgrade and upgrade again, the entities' schema at head).
 */
@NullMarked
package dev.migrate.junit;

import org.jspecify.annotations.NullMarked;
