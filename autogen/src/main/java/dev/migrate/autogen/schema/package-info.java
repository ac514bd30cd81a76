/**
 * The schema model: immutable records describing tables, columns, constraints, indexes, sequences
 * and enum types. Both sides of an autogenerate comparison (the live database and the entities'
 * materialized DDL) are read into this model by the same catalog reader, then diffed.
 */
package dev.migrate.autogen.schema;
