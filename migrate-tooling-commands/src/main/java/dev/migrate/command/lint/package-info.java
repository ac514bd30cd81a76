/**
 * Which revisions the lint judges: those added since a revision or a git ref ({@code lintSince}), or since a pull
 * request's base branch, told apart from the ones already merged.
 */
@NullMarked
package dev.migrate.command.lint;

import org.jspecify.annotations.NullMarked;
