package dev.migrate.internal.consent;

import dev.migrate.op.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * What one planned statement can lose: data, an object, or history.
 *
 * @param what what it does, as a clause: {@code drops table public.orders}
 * @param table the table whose rows it can lose or whose rows tell the size of it; null when none does
 * @param lock the lock it takes, as PostgreSQL names the mode, and on what
 */
public record Loss(String what, @Nullable QualifiedName table, String lock) {
    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";

    static Loss onTable(String what, QualifiedName table) {
        return new Loss(what, table, ACCESS_EXCLUSIVE + " on " + table.text());
    }
}
