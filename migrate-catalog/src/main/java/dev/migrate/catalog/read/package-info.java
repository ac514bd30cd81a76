/**
 * The catalog reader: a fixed number of bulk {@code pg_catalog} queries per run, whatever the number
 * of objects, gated on the server's version where the catalog differs (PostgreSQL 13 to 18), read
 * into the schema model. Both sides of a comparison are read by it, so they are spelled alike.
 */
@NullMarked
package dev.migrate.catalog.read;

import org.jspecify.annotations.NullMarked;
