package dev.migrate.catalog.diff;

import dev.migrate.lint.LintRule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A risk of a change to a table that already exists, as a rule of {@code migrate:lint} names it, so
 * the written migration and the lint say the same thing. The passes over a script decide by these
 * fields ({@link LockSafeForm} by {@link #rule} and {@link #lockSafeForm}); only the writer and the
 * log turn them into text.
 *
 * @param rule the lint rule the change would break: its id, lock, what it does and its lock-safe form
 * @param subject what the change is to: {@code column public.accounts.name}
 * @param fact what makes it risky beyond the rule, or {@code null}: {@code it fails if the column holds NULLs}
 * @param lockSafeForm whether {@code -Dmigrate.safe=true} writes the rule's lock-safe form for this change
 */
public record Hazard(
        LintRule rule, String subject, @Nullable String fact, boolean lockSafeForm) {
    public Hazard {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
    }
}
