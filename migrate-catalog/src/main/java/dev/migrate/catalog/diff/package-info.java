/**
 * Two schema models compared as operations: the differ per table, sequence and enum type, and the
 * passes over its changes (renames, lock-safe forms, data measurements, hand-written forms) that
 * make them apply on a live database.
 */
package dev.migrate.catalog.diff;
