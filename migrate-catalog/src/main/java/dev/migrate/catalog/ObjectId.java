package dev.migrate.catalog;

import dev.migrate.op.ObjectKind;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Names a schema object beside tables the same way in every database: its kind and how {@code DROP}
 * names it ({@code public.last_day(date)}, {@code touch ON public.orders}), never an oid.
 */
public record ObjectId(ObjectKind kind, String identity) implements Comparable<ObjectId>, Serializable {
    private static final Comparator<ObjectId> ORDER =
            Comparator.comparing(ObjectId::kind).thenComparing(ObjectId::identity);

    @Override
    public int compareTo(ObjectId other) {
        return ORDER.compare(this, other);
    }

    /** {@code materialized view public.totals}. */
    @Override
    public String toString() {
        return kind.title() + " " + identity;
    }
}
