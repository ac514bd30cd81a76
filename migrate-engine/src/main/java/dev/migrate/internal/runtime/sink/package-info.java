/**
 * Where a step's statements go: a live connection ({@code ConnectionSink}, which tells the
 * {@code StatementObserver}) or a file of offline SQL ({@code ScriptWriterSink}), both a {@code ScriptSink}; and
 * what a statement cut part way may leave behind ({@code Leftover}, found by {@code CutStatements}; invalid indexes
 * by {@code InvalidIndexes}).
 *
 * <p>Internal: part of the runner, {@code dev.migrate.internal.runtime}, below it; changes without notice.
 */
@NullMarked
package dev.migrate.internal.runtime.sink;

import org.jspecify.annotations.NullMarked;
