package dev.migrate.command;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changes the parent a migration's source file names in {@code @Revision(revises = ...)}, and
 * nothing else in the file: the one string literal in the {@code revises} element is replaced.
 */
final class RevisesEdit {
    private static final Pattern ANNOTATION = Pattern.compile("@(?:dev\\.migrate\\.)?Revision\\s*\\(");
    private static final Pattern REVISES = Pattern.compile("\\brevises\\s*=\\s*");

    private RevisesEdit() {}

    /**
     * Rewrites {@code file} so that its {@code revises} names {@code to} where it named {@code from}.
     *
     * @throws MigrateException when the file has no {@code @Revision} whose {@code revises} holds the
     *     literal {@code "from"}, naming the file and what to edit by hand
     */
    static void apply(Path file, String from, String to) {
        apply(file, List.of(from), to);
    }

    /**
     * Rewrites {@code file} so that its {@code revises} names {@code to} where it named the first of
     * {@code from} it holds: the names one parent may go by.
     *
     * @return the name it replaced
     * @throws MigrateException when the file has no {@code @Revision} whose {@code revises} holds one
     *     of them as a literal, naming the file and what to edit by hand
     */
    static String apply(Path file, List<String> from, String to) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException("Could not read " + file + ": " + e.getMessage(), e);
        }
        String replaced = from.stream()
                .filter(name -> edit(text, name, to).isPresent())
                .findFirst()
                .orElseThrow(() -> new MigrateException("The @Revision annotation in " + file
                        + " does not name its parent as the literal revises = "
                        + from.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(" or "))
                        + ", so it cannot be rewritten safely. Change its revises to \"" + to + "\" by hand."));
        try {
            Files.writeString(file, edit(text, replaced, to).orElseThrow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException("Could not write " + file + ": " + e.getMessage(), e);
        }
        return replaced;
    }

    /** The text with the parent replaced, or empty when the annotation does not hold it as a literal. */
    static Optional<String> edit(String text, String from, String to) {
        Matcher annotation = ANNOTATION.matcher(text);
        if (!annotation.find()) {
            return Optional.empty();
        }
        int end = closingParenthesis(text, annotation.end());
        if (end < 0) {
            return Optional.empty();
        }
        Matcher revises = REVISES.matcher(text).region(annotation.end(), end);
        if (!revises.find()) {
            return Optional.empty();
        }
        int valueStart = revises.end();
        int valueEnd =
                text.charAt(valueStart) == '{' ? text.indexOf('}', valueStart) + 1 : literalEnd(text, valueStart);
        if (valueEnd <= valueStart || valueEnd > end) {
            return Optional.empty();
        }
        String value = text.substring(valueStart, valueEnd);
        String literal = "\"" + from + "\"";
        int at = value.indexOf(literal);
        if (at < 0 || value.indexOf(literal, at + 1) >= 0) {
            return Optional.empty();
        }
        String newValue = value.substring(0, at) + "\"" + to + "\"" + value.substring(at + literal.length());
        return Optional.of(text.substring(0, valueStart) + newValue + text.substring(valueEnd));
    }

    /** The index of the parenthesis that closes the one opened before {@code from}, skipping string literals. */
    private static int closingParenthesis(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = literalEnd(text, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the string literal starting at {@code start}, or {@code start} when none starts there. */
    private static int literalEnd(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '"') {
            return start;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return start;
    }
}
