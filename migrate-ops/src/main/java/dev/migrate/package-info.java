/**
 * What a migration calls to change the schema: {@link dev.migrate.Operations} and the factories of
 * {@link dev.migrate.Ddl}. The rest of the package (the {@code Migrator}, {@code Migration}, {@code @Revision})
 * is in migrate-engine, which runs the operations. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate;

import org.jspecify.annotations.NullMarked;
