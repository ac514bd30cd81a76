package dev.migrate.autogen.write;

import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Hazard;
import dev.migrate.lint.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change's hazards and notes as the reader sees them, above its code in the written migration and
 * in the log: each hazard as {@code Hazard [rule-id]: subject: what it does (lock); fact.}, then its
 * lock-safe form and whether {@code -Dmigrate.safe=true} writes it, then the other notes. This is the
 * only place a hazard becomes text; nothing reads the text back to decide anything.
 */
public final class ChangeNotes {
    /** A note a reviewer must weigh that cites no rule: {@code Hazard: ...}, or {@code Hazard [data]: ...}. */
    private static final Pattern HAZARD_NOTE = Pattern.compile("^Hazard(?: \\[([a-z-]+)])?:\\s*(.*)$", Pattern.DOTALL);

    private ChangeNotes() {}

    /** The lines to print above the change: its hazards first, then its notes. */
    public static List<String> of(Change change) {
        List<String> lines = new ArrayList<>();
        for (Hazard hazard : change.hazards()) {
            LintRule rule = hazard.rule();
            lines.add("Hazard [" + rule.id() + "]: " + sentence(hazard));
            lines.add("Lock-safe form: " + rule.safeForm()
                    + (hazard.lockSafeForm() ? ". -Dmigrate.safe=true writes the safe form." : "."));
        }
        lines.addAll(change.notes());
        return lines;
    }

    /**
     * The change's hazards as the class header lists them: {@code [set-not-null-scan] column ...} for
     * each hazard, and the text after {@code Hazard:} of each note that is one.
     */
    public static List<String> headerLines(Change change) {
        List<String> lines = new ArrayList<>();
        for (Hazard hazard : change.hazards()) {
            lines.add("[" + hazard.rule().id() + "] " + oneLine(sentence(hazard)));
        }
        for (String note : change.notes()) {
            headerLine(note).ifPresent(lines::add);
        }
        return lines;
    }

    /** {@code subject: what it does (lock); fact.} */
    private static String sentence(Hazard hazard) {
        LintRule rule = hazard.rule();
        return hazard.subject() + ": " + rule.description() + " (" + rule.lock() + ")"
                + (hazard.fact() == null ? "" : "; " + hazard.fact()) + ".";
    }

    private static Optional<String> headerLine(String note) {
        Matcher m = HAZARD_NOTE.matcher(note);
        if (!m.matches()) {
            return Optional.empty();
        }
        String text = oneLine(m.group(2));
        return Optional.of(m.group(1) == null ? text : "[" + m.group(1) + "] " + text);
    }

    private static String oneLine(String text) {
        return text.strip().replace('\n', ' ');
    }
}
