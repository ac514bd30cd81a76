package dev.migrate.op;

import java.util.Objects;

/**
 * A schema object as the statements that create it: {@code CREATE OR REPLACE VIEW public.totals AS
 * SELECT ...}, with what belongs to it and goes with it (a materialized view's indexes, comments,
 * grants) after it.
 *
 * @param kind what it is
 * @param identity how {@code DROP} names it: {@code public.totals}, {@code public.last_day(date)},
 *     {@code touch ON public.orders}
 * @param sql the statements that create it, as they run
 */
public record ObjectDefinition(ObjectKind kind, String identity, String sql) {
    public ObjectDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(sql, "sql");
        if (identity.isBlank()) {
            throw new IllegalArgumentException("A " + kind.title() + " needs a name: the identity is blank.");
        }
    }

    /** {@code materialized view public.totals}: how messages name it. */
    public String describe() {
        return kind.title() + " " + identity;
    }
}
