package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SQL run as written, and the guards that decide on the database whether a revision runs.
 */
public sealed interface SqlOp extends Op {
    /**
     * SQL run as written.
     *
     * @param reverseSql SQL that undoes it, or {@code null}
     */
    record Execute(String sql, @Nullable String reverseSql) implements SqlOp {
        public Execute {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(reverseSql).map(r -> new Execute(r, sql));
        }
    }

    /**
     * A guard: the migration stops, with {@code message} and the number of rows, when {@code query}
     * returns any row. It runs in the migration's transaction before the changes that the rows would
     * make fail, so nothing of the migration is applied. It changes nothing, so it has no reverse:
     * the downgrade needs no guard.
     *
     * @param query a SELECT returning the rows that must not exist
     * @param message what to do about them, for the person running the migration
     */
    record RequireNoRows(String query, String message) implements SqlOp {
        public RequireNoRows {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(message, "message");
            if (query.isBlank()) {
                throw new IllegalArgumentException("A requireNoRows guard needs a query: a SELECT returning the rows "
                        + "that must not exist, such as SELECT 1 FROM customers WHERE email IS NULL.");
            }
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A guard that decides, on the database the revision runs on, whether the revision's changes run:
     * a Liquibase precondition kept as code. It is evaluated before the revision's statements, in its
     * transaction; when the precondition does not hold, {@code onFail} says what happens (the revision
     * fails, stays pending, is recorded as applied without running, or runs after a warning). It
     * changes nothing, so it has no reverse: the downgrade needs no guard.
     *
     * <p>When evaluating the precondition itself fails (an {@code sqlCheck} whose query errors), {@code onError}
     * says what happens, as Liquibase's {@code onError} does; it is evaluated under a savepoint, so the failure
     * does not end the revision's transaction.
     *
     * @param onError what happens when the precondition cannot be evaluated, or {@code null} for {@code HALT}
     *     (Liquibase's default); {@code HALT} is kept as {@code null}, so a guard that names it has the checksum
     *     of one that does not
     * @param message what the run says when the precondition does not hold
     * @param errorMessage what the run says when the precondition cannot be evaluated (the
     *     onErrorMessage attribute of Liquibase), or {@code null} for {@code message}
     */
    record Guard(
            Precondition precondition,
            Precondition.OnFail onFail,
            Precondition.@Nullable OnFail onError,
            String message,
            @Nullable String errorMessage)
            implements SqlOp {
        public Guard {
            Objects.requireNonNull(precondition, "precondition");
            Objects.requireNonNull(onFail, "onFail");
            Objects.requireNonNull(message, "message");
            if (onError == Precondition.OnFail.HALT) {
                onError = null;
            }
        }

        /** A guard whose evaluation error halts the run, Liquibase's default {@code onError}. */
        public Guard(Precondition precondition, Precondition.OnFail onFail, String message) {
            this(precondition, onFail, null, message, null);
        }

        /** A guard that says {@code message} both where the precondition fails and where it cannot be evaluated. */
        public Guard(
                Precondition precondition,
                Precondition.OnFail onFail,
                Precondition.@Nullable OnFail onError,
                String message) {
            this(precondition, onFail, onError, message, null);
        }

        /** What the run says when the precondition cannot be evaluated: the error message, else the message. */
        public String errorText() {
            return errorMessage == null ? message : errorMessage;
        }

        /** What happens when the precondition cannot be evaluated. */
        public Precondition.OnFail errorOutcome() {
            return onError == null ? Precondition.OnFail.HALT : onError;
        }

        /** Whether the guard can record the revision as applied without running it. */
        public boolean canMarkRan() {
            return onFail == Precondition.OnFail.MARK_RAN || errorOutcome() == Precondition.OnFail.MARK_RAN;
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
