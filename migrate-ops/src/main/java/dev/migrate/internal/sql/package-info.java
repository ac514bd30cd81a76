/**
 * Operations as PostgreSQL statements ({@link dev.migrate.internal.sql.PostgresDialect}, the online
 * forms in {@link dev.migrate.internal.sql.OnlineSql}) and what the engine reads of SQL text it runs (the
 * roles it names, types compared). Built on the published {@code dev.migrate.sql}.
 *
 * <p>Internal: it changes without notice. Modules other than the engine render operations through
 * {@code dev.migrate.tooling.OpSql}.
 */
@NullMarked
package dev.migrate.internal.sql;

import org.jspecify.annotations.NullMarked;
