/**
 * The version table (one row per current head) and the history table (one row per applied step): their DDL,
 * what a run reads from them in its contexts, the revisions a guard left pending or a newer build applied, and
 * the checksums of the applied migrations held to what they ran. Stands on {@code session}, {@code script} and
 * {@code lock}, and knows nothing of the runner above it.
 */
@NullMarked
package dev.migrate.internal.runtime.history;

import org.jspecify.annotations.NullMarked;
