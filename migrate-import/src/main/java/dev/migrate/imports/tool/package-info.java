/**
 * What the import asks of an old tool, whichever it is: its chain as it finds it ({@link
 * dev.migrate.imports.tool.OldChain}, {@link dev.migrate.imports.tool.OldMigration}), the project's files it reads
 * ({@link dev.migrate.imports.tool.ProjectFiles}), and the class loader that alone sees its jars ({@link
 * dev.migrate.imports.tool.ToolLoader}). The Flyway and Liquibase packages implement it; the package above them
 * chooses one.
 */
@NullMarked
package dev.migrate.imports.tool;

import org.jspecify.annotations.NullMarked;
