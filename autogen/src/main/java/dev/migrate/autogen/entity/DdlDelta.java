package dev.migrate.autogen.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The whole model's DDL after a change of a few entities, made from the whole model's DDL before the change and the
 * DDL of those entities alone before and after it ({@link EntityDeltaBridge}): the statements the change took away
 * are taken out of the model's, those it added put in. Only when that is what describing the whole model again
 * would write: every statement taken away is one the model wrote as it is (no other entity adds to that table), the
 * change touches only tables, their indexes and constraints, and nothing else in the model depends on what it
 * changed (a table another refers to keeps its name, primary key and referenced columns). Otherwise it answers
 * nothing, with the reason, and the whole model is described.
 */
public final class DdlDelta {
    private static final Pattern CREATE_TABLE = Pattern.compile("create table (\\S+) \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern CREATE_INDEX =
            Pattern.compile("create (?:unique )?index (\\S+) on (\\S+) \\(.*\\)", Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT =
            Pattern.compile("alter table (?:if exists )?(\\S+) add constraint (\\S+) .*", Pattern.DOTALL);
    private static final Pattern REFERENCES = Pattern.compile(" references (\\S+?)(?: \\(([^)]*)\\))?\\s*$");

    private DdlDelta() {}

    private enum Kind {
        TABLE,
        INDEX,
        CONSTRAINT
    }

    /** A statement the provider writes for a table: its kind, the table, and the name of what it creates. */
    private record Statement(Kind kind, String table, String name, String text) {
        @Nullable
        String referenced() {
            Matcher m = REFERENCES.matcher(text);
            return kind == Kind.CONSTRAINT && m.find() ? m.group(1) : null;
        }

        List<String> referencedColumns() {
            Matcher m = REFERENCES.matcher(text);
            return kind == Kind.CONSTRAINT && m.find() && m.group(2) != null ? split(m.group(2)) : List.of();
        }
    }

    /**
     * The statements parsed before, by their text: a watch applies each change to the model the last one left, whose
     * thousands of statements are the same strings from change to change.
     */
    private static final Map<String, Optional<Statement>> PARSED = new ConcurrentHashMap<>();

    private static final int PARSED_KEPT = 200_000;

    private static @Nullable Statement parse(String text) {
        Optional<Statement> known = PARSED.get(text);
        if (known == null) {
            if (PARSED.size() >= PARSED_KEPT) {
                PARSED.clear();
            }
            known = Optional.ofNullable(parsed(text));
            PARSED.put(text, known);
        }
        return known.orElse(null);
    }

    private static @Nullable Statement parsed(String text) {
        Matcher table = CREATE_TABLE.matcher(text);
        if (table.matches()) {
            return new Statement(Kind.TABLE, table.group(1), table.group(1), text);
        }
        Matcher index = CREATE_INDEX.matcher(text);
        if (index.matches()) {
            return new Statement(Kind.INDEX, index.group(2), index.group(1), text);
        }
        Matcher constraint = ADD_CONSTRAINT.matcher(text);
        if (constraint.matches()) {
            return new Statement(Kind.CONSTRAINT, constraint.group(1), constraint.group(2), text);
        }
        return null;
    }

    /**
     * The model's DDL after the change, or empty when it cannot be made so ({@code why} is told the reason).
     *
     * @param model the whole model's DDL before the change, as the provider wrote it
     * @param before the changed entities' DDL alone (with what they reference), before the change
     * @param after the same, after it
     */
    public static Optional<List<String>> apply(
            List<String> model, List<String> before, List<String> after, Consumer<String> why) {
        List<String> removed = minus(before, after);
        List<String> added = minus(after, before);
        if (removed.isEmpty() && added.isEmpty()) {
            return Optional.of(List.copyOf(model));
        }
        List<String> unknown = minus(removed, model);
        if (!unknown.isEmpty()) {
            Statement s = parse(unknown.get(0));
            why.accept("the model writes " + (s == null ? "a statement" : "the table " + s.table())
                    + " with what other entities add to it");
            return Optional.empty();
        }
        List<Statement> gone = new ArrayList<>();
        List<Statement> come = new ArrayList<>();
        for (List<String> texts : List.of(removed, added)) {
            for (String text : texts) {
                Statement s = parse(text);
                if (s == null) {
                    why.accept("the change writes a statement other than a table's, an index or a constraint ("
                            + firstWords(text) + ")");
                    return Optional.empty();
                }
                (texts == removed ? gone : come).add(s);
            }
        }
        List<Statement> rest = new ArrayList<>();
        for (String text : minus(model, removed)) {
            Statement s = parse(text);
            if (s != null) {
                rest.add(s);
            }
        }
        Set<String> restTables = tables(rest);
        Map<String, Statement> goneTables = creates(gone);
        Map<String, Statement> comeTables = creates(come);
        for (String table : goneTables.keySet()) {
            Statement now = comeTables.get(table);
            if (now == null) {
                if (rest.stream().anyMatch(s -> s.table().equals(table) || table.equals(s.referenced()))) {
                    why.accept("the table " + table + " is gone while other statements of the model refer to it");
                    return Optional.empty();
                }
                continue;
            }
            Map<String, String> was = columns(goneTables.get(table).text());
            Map<String, String> is = columns(now.text());
            Set<String> kept = new HashSet<>(split(Objects.requireNonNullElse(was.get(PRIMARY_KEY), "")));
            if (!Objects.equals(was.get(PRIMARY_KEY), is.get(PRIMARY_KEY))) {
                why.accept("the primary key of " + table + " changed");
                return Optional.empty();
            }
            rest.stream().filter(s -> table.equals(s.referenced())).forEach(s -> kept.addAll(s.referencedColumns()));
            for (String column : kept) {
                if (!Objects.equals(was.get(column), is.get(column))) {
                    why.accept("the column " + table + "." + column + ", which other tables refer to, changed");
                    return Optional.empty();
                }
            }
        }
        for (String table : comeTables.keySet()) {
            if (!goneTables.containsKey(table) && restTables.contains(table)) {
                why.accept("the new table " + table + " is one the model has already");
                return Optional.empty();
            }
        }
        Set<String> tables = new HashSet<>(restTables);
        tables.addAll(comeTables.keySet());
        for (Statement s : come) {
            String referenced = s.referenced();
            if (!tables.contains(s.table()) || (referenced != null && !tables.contains(referenced))) {
                why.accept("the change writes " + firstWords(s.text()) + " of a table the model does not have");
                return Optional.empty();
            }
        }
        return Optional.of(splice(model, gone, come));
    }

    /** The model with {@code gone} taken out, each replaced in place by what came for the same object, if any. */
    private static List<String> splice(List<String> model, List<Statement> gone, List<Statement> come) {
        List<String> result = new ArrayList<>(model);
        List<Statement> pending = new ArrayList<>(come);
        for (Statement s : gone) {
            int at = result.indexOf(s.text());
            if (at < 0) {
                continue; // written twice by the model and once replaced already
            }
            Optional<Statement> same = pending.stream()
                    .filter(c -> c.kind() == s.kind()
                            && c.table().equals(s.table())
                            && c.name().equals(s.name()))
                    .findFirst();
            if (same.isPresent()) {
                result.set(at, same.get().text());
                pending.remove(same.get());
            } else {
                result.remove(at);
            }
        }
        for (Statement s : pending) {
            result.add(position(result, s), s.text());
        }
        return result;
    }

    /**
     * Where a new statement goes: among those of its kind, before the first of a table that sorts after its own (the
     * provider writes each kind table by table, in the order of their names in lower case), else after the last of its
     * kind or of the kind before.
     */
    private static int position(List<String> result, Statement added) {
        int last = -1;
        for (int i = 0; i < result.size(); i++) {
            Statement s = parse(result.get(i));
            if (s == null) {
                continue;
            }
            if (s.kind() == added.kind() && s.table().compareToIgnoreCase(added.table()) > 0) {
                return i;
            }
            if (s.kind().compareTo(added.kind()) <= 0) {
                last = i;
            }
        }
        return last + 1;
    }

    private static final String PRIMARY_KEY = " primary key";

    /** The column definitions of a {@code create table}, by column, and its primary key under {@link #PRIMARY_KEY}. */
    private static Map<String, String> columns(String createTable) {
        Matcher m = CREATE_TABLE.matcher(createTable);
        Map<String, String> columns = new HashMap<>();
        if (!m.matches()) {
            return columns;
        }
        for (String item : splitTopLevel(m.group(2))) {
            if (item.startsWith("primary key (") && item.endsWith(")")) {
                columns.put(PRIMARY_KEY, String.join(", ", split(item.substring(13, item.length() - 1))));
            } else if (!item.startsWith("constraint ") && !item.startsWith("check ") && !item.startsWith("unique ")) {
                int space = item.indexOf(' ');
                columns.put(space < 0 ? item : item.substring(0, space), item);
            }
        }
        return columns;
    }

    /** The items of a list separated by commas outside parentheses and quotes. */
    private static List<String> splitTopLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'' || c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(list.substring(start).strip());
        return items;
    }

    private static List<String> split(String columns) {
        List<String> names = new ArrayList<>();
        for (String name : columns.split(",", -1)) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static Set<String> tables(List<Statement> statements) {
        Set<String> tables = new HashSet<>();
        statements.stream().filter(s -> s.kind() == Kind.TABLE).forEach(s -> tables.add(s.table()));
        return tables;
    }

    private static Map<String, Statement> creates(List<Statement> statements) {
        Map<String, Statement> creates = new LinkedHashMap<>();
        statements.stream().filter(s -> s.kind() == Kind.TABLE).forEach(s -> creates.put(s.table(), s));
        return creates;
    }

    /** {@code from} without one occurrence of each statement of {@code taken}, in order. */
    private static List<String> minus(List<String> from, List<String> taken) {
        Map<String, Integer> count = new HashMap<>();
        taken.forEach(t -> count.merge(t, 1, Integer::sum));
        List<String> left = new ArrayList<>();
        for (String s : from) {
            Integer n = count.get(s);
            if (n != null && n > 0) {
                count.put(s, n - 1);
            } else {
                left.add(s);
            }
        }
        return left;
    }

    private static String firstWords(String statement) {
        String[] words = statement.split("\\s+", 4);
        return String.join(" ", List.of(words).subList(0, Math.min(3, words.length)));
    }
}
