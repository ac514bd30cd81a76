/**
 * How a command loads and runs the project's migrations: the class loader over the project's class path,
 * and the run settings (schema, tables, timeouts, transactions) every face maps its parameters to.
 */
@NullMarked
package dev.migrate.command.run;

import org.jspecify.annotations.NullMarked;
