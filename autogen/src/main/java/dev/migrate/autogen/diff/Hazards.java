package dev.migrate.autogen.diff;

import dev.migrate.lint.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes autogenerate writes above a risky change to a table that already exists, taken from the
 * rules of {@code migrate:lint} ({@link LintRule}), so the written migration and the lint say the same
 * thing: the rule id, what the statement does and under which lock, and the lock-safe form. A change
 * to a table the same migration creates gets no such note: nothing reads or writes that table yet.
 *
 * <p>A note citing a rule reads {@code Hazard [rule-id]: subject: what it does (lock).}; the next note
 * gives the lock-safe form and says whether {@code -Dmigrate.safe=true} writes it.
 */
public final class Hazards {
    /** The prefix of a note a reviewer must weigh; the class header lists these. */
    public static final String PREFIX = "Hazard";

    private static final Pattern HAZARD = Pattern.compile("^Hazard(?: \\[([a-z-]+)])?:\\s*(.*)$", Pattern.DOTALL);

    private Hazards() {}

    /** A new index on an existing table: {@code CREATE INDEX} holds a ShareLock while it builds. */
    static List<String> index(String subject) {
        return cite(LintRule.INDEX_NOT_CONCURRENT, subject, null, true);
    }

    /** A unique constraint added to an existing table builds its index under ACCESS EXCLUSIVE. */
    static List<String> unique(String subject) {
        return cite(LintRule.UNIQUE_NOT_FROM_INDEX, subject, null, true);
    }

    /** A primary key added to an existing table: the same lock, but autogenerate does not rebuild it online. */
    static List<String> primaryKey(String subject) {
        return cite(LintRule.UNIQUE_NOT_FROM_INDEX, subject, null, false);
    }

    /** A foreign key or check added to an existing table checks every row while writes wait. */
    static List<String> constraint(String subject) {
        return cite(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, subject, null, true);
    }

    /** SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE, and fails on a NULL. */
    static List<String> setNotNull(String subject) {
        return cite(
                LintRule.SET_NOT_NULL_SCAN,
                subject,
                "it fails if the column holds NULLs: fill them first, in a data migration",
                true);
    }

    /** A type change PostgreSQL does by rewriting the table; there is no automatic lock-safe form. */
    static List<String> typeChangeRewrite(String subject, String from, String to) {
        return cite(
                LintRule.TYPE_CHANGE_REWRITE,
                subject,
                from + " to " + to + " is not binary coercible, so the table is copied in time and space"
                        + " proportional to its size",
                false);
    }

    /**
     * A column added to an existing table whose value PostgreSQL computes for every row (a volatile
     * default, an identity, a stored generated column): the table is rewritten.
     */
    static List<String> addColumnRewrite(String subject, String why) {
        return cite(LintRule.ADD_COLUMN_REWRITE, subject, why, false);
    }

    /** A table or column that the running application may still use is dropped, with its data. */
    static List<String> drop(String subject, String loses) {
        return cite(LintRule.BACKWARD_INCOMPATIBLE, subject, loses, false);
    }

    /** A table or column is renamed under the running application. */
    static List<String> rename(String subject) {
        return cite(LintRule.BACKWARD_INCOMPATIBLE, subject, null, false);
    }

    private static List<String> cite(LintRule rule, String subject, String fact, boolean writtenBySafeMode) {
        List<String> notes = new ArrayList<>();
        notes.add(PREFIX + " [" + rule.id() + "]: " + subject + ": " + rule.description() + " (" + rule.lock() + ")"
                + (fact == null ? "" : "; " + fact) + ".");
        notes.add("Lock-safe form: " + rule.safeForm()
                + (writtenBySafeMode ? ". -Dmigrate.safe=true writes the safe form." : "."));
        return notes;
    }

    /** Whether the change carries the note of {@code rule}. */
    static boolean cites(Change change, LintRule rule) {
        return change.notes().stream().anyMatch(note -> note.startsWith(PREFIX + " [" + rule.id() + "]:"));
    }

    /** The change's notes without those that {@code rule} gave it (its hazard and its lock-safe form). */
    static List<String> without(Change change, LintRule rule) {
        List<String> kept = new ArrayList<>();
        boolean skipSafeForm = false;
        for (String note : change.notes()) {
            if (note.startsWith(PREFIX + " [" + rule.id() + "]:")) {
                skipSafeForm = true;
                continue;
            }
            if (skipSafeForm && note.startsWith("Lock-safe form: ")) {
                skipSafeForm = false;
                continue;
            }
            skipSafeForm = false;
            kept.add(note);
        }
        return kept;
    }

    /**
     * A note as the class header lists it among the hazards: {@code [set-not-null-scan] column ...}
     * for a note citing a rule, the text after {@code Hazard:} for another hazard; empty for a note
     * that is no hazard.
     */
    public static Optional<String> headerLine(String note) {
        Matcher m = HAZARD.matcher(note);
        if (!m.matches()) {
            return Optional.empty();
        }
        String text = m.group(2).strip().replace('\n', ' ');
        return Optional.of(m.group(1) == null ? text : "[" + m.group(1) + "] " + text);
    }
}
