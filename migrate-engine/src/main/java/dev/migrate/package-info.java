/**
 * What an application and a migration call: {@link dev.migrate.Migrator}, {@link dev.migrate.Migration}
 * and the operations it runs. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate;

import org.jspecify.annotations.NullMarked;
