/**
 * The Liquibase side of the import: {@link dev.migrate.imports.liquibase.LiquibaseChangelog} reads a changelog as
 * Liquibase 4.x would run it on PostgreSQL, {@link dev.migrate.imports.liquibase.LiquibaseUpdate} runs Liquibase's
 * own {@code update} against a database. Both call {@link dev.migrate.imports.liquibase.LiquibaseBridge} in the class
 * loader of {@link dev.migrate.imports.tool.ToolLoader}, which alone sees Liquibase.
 */
@NullMarked
package dev.migrate.imports.liquibase;

import org.jspecify.annotations.NullMarked;
