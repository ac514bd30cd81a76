/**
 * Two schema models compared as operations: the differ per table, sequence and enum type, and the
 * passes over its changes (renames, lock-safe forms, data measurements, hand-written forms) that
 * make them apply on a live database.
 */
@NullMarked
package dev.migrate.catalog.diff;

import org.jspecify.annotations.NullMarked;
