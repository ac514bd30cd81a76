/**
 * Pictures of a project's database: the schema and the revision graph as Mermaid text and as SVG
 * laid out by Eclipse ELK ({@link dev.migrate.pictures.Pictures}), and the summaries of a comparison
 * for pull requests and tools ({@link dev.migrate.pictures.ChangeSummary}).
 */
@NullMarked
package dev.migrate.pictures;

import org.jspecify.annotations.NullMarked;
