/**
 * How a command loads and runs the project's migrations: the class loader over the project's class path,
 * the run settings (schema, tables, timeouts, transactions) every face maps its parameters to, the check that
 * the compiled classes are not older than their sources, where the migration sources are, and the checksum
 * cache kept between builds.
 */
@NullMarked
package dev.migrate.command.run;

import org.jspecify.annotations.NullMarked;
