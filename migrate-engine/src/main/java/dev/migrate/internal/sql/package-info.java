/**
 * PostgreSQL SQL text, both ways: rendering operations as SQL (identifiers, literals, types), and
 * reading it ({@link dev.migrate.internal.sql.SqlLexer} splits text into tokens as the server's
 * scanner does; {@link dev.migrate.internal.sql.Names} holds the length PostgreSQL keeps of a name).
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.sql;

import org.jspecify.annotations.NullMarked;
