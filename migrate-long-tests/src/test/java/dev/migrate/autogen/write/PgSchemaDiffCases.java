package dev.migrate.autogen.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The acceptance cases of Stripe's pg-schema-diff, ported as data: one resource per test file of its
 * {@code internal/migration_acceptance_tests}, in {@code /pgsd/<group>.sql}, read here.
 *
 * <p>The format: a line {@code --@ case: <name>} opens a case (its name as the peer spells it); then
 * optionally {@code --@ roles: a, b} (roles the peer creates before the DDL) and {@code --@ flags: ...}
 * ({@code no-change}: the peer expects an empty plan; {@code directory-source}: the new schema is a
 * directory of files, not DDL; {@code peer-refuses-plan}: the peer expects its planner to refuse); then
 * {@code --@ old} and {@code --@ new}, each followed by the SQL, whose separate strings in the peer's
 * list are parted by {@code --@ next}. Lines before the first case are the file's header.
 */
final class PgSchemaDiffCases {
    private PgSchemaDiffCases() {}

    /** One case: its group (the resource's name), name, roles, flags and the old and new schema's DDL. */
    record Case(
            String group,
            String name,
            List<String> roles,
            Set<String> flags,
            List<String> oldDdl,
            List<String> newDdl) {
        /** How the known-failing list names it: {@code group: name}. */
        String id() {
            return group + ": " + name;
        }

        boolean noChange() {
            return flags.contains("no-change");
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** The cases of resource {@code /pgsd/<group>.sql}, in the peer's order. */
    static List<Case> read(String group) {
        String text;
        try (InputStream in =
                Objects.requireNonNull(PgSchemaDiffCases.class.getResourceAsStream("/pgsd/" + group + ".sql"), group)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        Builder current = null;
        List<String> section = null;
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--@ ")) {
                String directive = line.substring(4);
                if (section != null) {
                    flush(statement, section);
                }
                if (directive.startsWith("case: ")) {
                    if (current != null) {
                        cases.add(current.build());
                    }
                    current = new Builder(group, directive.substring(6).strip());
                    section = null;
                } else if (current == null) {
                    throw new IllegalStateException(group + ": " + line + " before the first case");
                } else if (directive.startsWith("roles: ")) {
                    current.roles = split(directive.substring(7));
                } else if (directive.startsWith("flags: ")) {
                    current.flags = Set.copyOf(split(directive.substring(7)));
                } else if (directive.equals("old")) {
                    section = current.oldDdl;
                } else if (directive.equals("new")) {
                    section = current.newDdl;
                } else if (!directive.equals("next")) {
                    throw new IllegalStateException(group + ": unknown directive " + line);
                }
            } else if (section != null) {
                statement.append(line).append('\n');
            }
        }
        if (section != null) {
            flush(statement, section);
        }
        if (current != null) {
            cases.add(current.build());
        }
        return cases;
    }

    private static void flush(StringBuilder statement, List<String> section) {
        if (!statement.toString().isBlank()) {
            section.add(statement.toString().strip());
        }
        statement.setLength(0);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",", -1))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static final class Builder {
        final String group;
        final String name;
        List<String> roles = List.of();
        Set<String> flags = Set.of();
        final List<String> oldDdl = new ArrayList<>();
        final List<String> newDdl = new ArrayList<>();

        Builder(String group, String name) {
            this.group = group;
            this.name = name;
        }

        Case build() {
            return new Case(group, name, List.copyOf(roles), flags, List.copyOf(oldDdl), List.copyOf(newDdl));
        }
    }
}
