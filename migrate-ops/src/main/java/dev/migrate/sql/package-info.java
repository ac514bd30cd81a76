/**
 * PostgreSQL SQL text for migrate's own modules: quoting and reading identifiers ({@link
 * dev.migrate.sql.Identifiers}), values as literals ({@link dev.migrate.sql.Literals}), splitting text into
 * tokens as the server's scanner does ({@link dev.migrate.sql.SqlLexer}, {@link dev.migrate.sql.SqlToken},
 * {@link dev.migrate.sql.TokenCursor}), types as people write them ({@link dev.migrate.sql.TypeSpelling}),
 * the length PostgreSQL keeps of a name ({@link dev.migrate.sql.Names}) and the views of a version schema
 * ({@link dev.migrate.sql.VersionViews}).
 *
 * <p>Published for migrate's modules (the catalog, autogen, the lint, the pictures, the faces), so that they
 * need nothing of {@code dev.migrate.internal}; an application calls {@code dev.migrate.Migrator} (migrate-engine) instead.
 * Depends on nothing of the engine but {@code dev.migrate.op}'s names.
 */
@NullMarked
package dev.migrate.sql;

import org.jspecify.annotations.NullMarked;
