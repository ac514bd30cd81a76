/**
 * The schema model: immutable records describing tables, columns, constraints, indexes, sequences
 * and enum types. Both sides of an autogenerate comparison (the live database and the entities'
 * materialized DDL) are read into this model by the same catalog reader, then diffed.
 *
 * <p>Its names differ from the op model's ({@code dev.migrate.op}) where both describe the same
 * thing, so code that turns one into the other reads without qualified names: a {@link
 * TableColumn} becomes a {@code Column}, a {@link ColumnIdentity} an {@code Identity}, and an
 * {@link ObjectName} (always schema-qualified) a {@code QualifiedName}.
 */
@NullMarked
package dev.migrate.catalog;

import org.jspecify.annotations.NullMarked;
