/**
 * Writing a migration class: {@link dev.migrate.autogen.write.NewMigration} says what it holds,
 * {@link dev.migrate.autogen.write.MigrationWriter} writes it. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.write;

import org.jspecify.annotations.NullMarked;
