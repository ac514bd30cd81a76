/**
 * Moving in from Flyway or Liquibase: the old tool's migrations read as it finds them
 * ({@link dev.migrate.imports.tool.OldChain}), written as revisions that keep their history, and replayed with the
 * old tool beside the written chain to prove both build the same schema.
 */
@NullMarked
package dev.migrate.imports;

import org.jspecify.annotations.NullMarked;
