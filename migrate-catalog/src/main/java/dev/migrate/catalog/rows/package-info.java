/**
 * Rows compared like the schema: a table's shape as the comparison of its rows needs it ({@link
 * dev.migrate.catalog.rows.TableShape}), its rows read as the database writes each value ({@link
 * dev.migrate.catalog.rows.RowReader}), and the inserts, updates and deletes that make them the wanted rows,
 * in foreign-key order ({@link dev.migrate.catalog.rows.RowsDiff}).
 */
@NullMarked
package dev.migrate.catalog.rows;

import org.jspecify.annotations.NullMarked;
