package dev.migrate.pictures;

import static dev.migrate.text.JsonText.string;
import static dev.migrate.text.JsonText.strings;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.Hazard;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a comparison found, for people and for tools: {@code changes.md} (the changes with their
 * hazards and a Mermaid picture of the tables they touch, for a pull request or a GitHub job
 * summary) and {@code changes.json} (the same changes as data, in a format that keeps its
 * {@link #FORMAT_VERSION}): {@code ChangeSummary.of("check", script).write(Path.of("target/migrate"), null)}.
 */
public final class ChangeSummary {
    /**
     * The version of the {@code changes.json} format. It changes only when a field changes meaning
     * or goes away; new fields may be added within a version.
     */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern HAZARD_NOTE = Pattern.compile("^Hazard(?: \\[([a-z-]+)])?:\\s*(.*)$", Pattern.DOTALL);
    private static final String MEASURED = "Measured: ";
    /** {@code type integer -> bigint}: what a changed object had, and has. */
    private static final Pattern BEFORE_AFTER = Pattern.compile("^(?:(\\w[\\w ]*?) )?(.*?) -> (.*)$", Pattern.DOTALL);

    /** What the schema at head is compared with unless a summary names another source. */
    private static final String ENTITIES = "the entities";

    private final String goal;
    private final MigrationScript script;
    private final String compared;

    private ChangeSummary(String goal, MigrationScript script, String compared) {
        this.goal = goal;
        this.script = script;
        this.compared = compared;
    }

    /** The summary of {@code script}, found by {@code goal} ({@code check} or {@code autogenerate}). */
    public static ChangeSummary of(String goal, MigrationScript script) {
        return new ChangeSummary(goal, script, ENTITIES);
    }

    /**
     * This summary, naming the desired schema's source as the log does: {@code the SQL schema files in
     * src/main/resources/db/schema}, {@code the program sh schema.sh}; {@code the entities} by default.
     */
    public ChangeSummary comparedWith(String source) {
        return new ChangeSummary(goal, script, source);
    }

    /**
     * Writes {@code changes.md} and {@code changes.json} into {@code directory}, and appends the
     * Markdown to {@code stepSummary} when it is given (GitHub's {@code GITHUB_STEP_SUMMARY} file).
     *
     * @return the two files written
     */
    public List<Path> write(Path directory, @Nullable Path stepSummary) {
        String markdown = markdown();
        try {
            Files.createDirectories(directory);
            Path md = Files.writeString(directory.resolve("changes.md"), markdown, StandardCharsets.UTF_8);
            Path json = Files.writeString(directory.resolve("changes.json"), json(), StandardCharsets.UTF_8);
            if (stepSummary != null) {
                Files.writeString(
                        stepSummary,
                        markdown + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            return List.of(md, json);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the change summary (changes.md, changes.json) into " + directory
                            + (stepSummary == null ? "" : " or append it to " + stepSummary) + ": " + e.getMessage()
                            + ". Check that the files can be written.",
                    e);
        }
    }

    /** {@code changes.md}: a heading, the changes with their hazards, the picture, the warnings. */
    public String markdown() {
        List<Change> changes = script.changes();
        StringBuilder md =
                new StringBuilder("## Schema changes (migrate:").append(goal).append(")\n\n");
        if (changes.isEmpty()) {
            return md.append(
                            compared.equals(ENTITIES)
                                    ? "No differences: the entities match the schema at head.\n"
                                    : "No differences between the schema at head and " + markdownText(compared) + ".\n")
                    .toString();
        }
        md.append(changes.size())
                .append(changes.size() == 1 ? " change" : " changes")
                .append(" between the schema at head and ")
                .append(markdownText(compared))
                .append(":\n\n");
        for (Change change : changes) {
            md.append("- ").append(markdownText(change.description().text())).append('\n');
            for (Hazard hazard : change.hazards()) {
                md.append("  - **Hazard [")
                        .append(hazard.rule().id())
                        .append("]**: ")
                        .append(markdownText(hazard.subject() + ": "
                                + hazard.rule().description() + " ("
                                + hazard.rule().lock() + ")" + (hazard.fact() == null ? "" : "; " + hazard.fact())))
                        .append(". Lock-safe form: ")
                        .append(markdownText(hazard.rule().safeForm()))
                        .append(hazard.lockSafeForm() ? " (`-Dmigrate.safe=true` writes it)" : "")
                        .append(".\n");
            }
            for (String note : change.notes()) {
                Matcher hazard = HAZARD_NOTE.matcher(note);
                md.append("  - ")
                        .append(
                                hazard.matches()
                                        ? "**Hazard" + (hazard.group(1) == null ? "" : " [" + hazard.group(1) + "]")
                                                + "**: " + markdownText(hazard.group(2))
                                        : markdownText(note))
                        .append('\n');
            }
        }
        ChangedTables tables = changedTables();
        if (!tables.mermaid().isEmpty()) {
            md.append(
                            "\nThe tables that change (new, dropped and altered ones; in an altered table, only what changes):\n\n")
                    .append("```mermaid\n")
                    .append(tables.mermaid())
                    .append("```\n");
        }
        if (!tables.neighbours().isEmpty()) {
            md.append("\nUnchanged tables they reference, not drawn: ")
                    .append(String.join(
                            ", ",
                            tables.neighbours().stream().map(n -> "`" + n + "`").toList()))
                    .append(".\n");
        }
        if (!script.warnings().isEmpty()) {
            md.append("\nWarnings:\n\n");
            script.warnings()
                    .forEach(w -> md.append("- ").append(markdownText(w)).append('\n'));
        }
        return md.toString();
    }

    /** Text inside a Markdown list: no line breaks, no stray HTML. */
    private static String markdownText(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The Mermaid picture of the changed tables and the unchanged tables they reference. */
    private record ChangedTables(String mermaid, Set<String> neighbours) {}

    private record Relationship(ObjectName parent, ObjectName child, Cardinality cardinality, String name) {}

    private ChangedTables changedTables() {
        Map<ObjectName, OpGroup> groups = new LinkedHashMap<>();
        for (OpGroup group : script.upgradeGroups()) {
            ObjectName table = group.table();
            if (table != null) {
                groups.merge(table, group, (a, b) -> {
                    List<Change> all = new ArrayList<>(a.changes());
                    all.addAll(b.changes());
                    return new OpGroup(a.table(), all);
                });
            }
        }
        if (groups.isEmpty()) {
            return new ChangedTables("", Set.of());
        }
        boolean qualified =
                groups.keySet().stream().map(ObjectName::schema).distinct().count() > 1;
        MermaidEr er = new MermaidEr(qualified);
        Set<String> neighbours = new TreeSet<>();
        List<Relationship> links = new ArrayList<>();
        for (Map.Entry<ObjectName, OpGroup> entry : groups.entrySet()) {
            ObjectName table = entry.getKey();
            OpGroup group = entry.getValue();
            TableOp.CreateTable created = find(group, TableOp.CreateTable.class);
            TableOp.DropTable dropped = find(group, TableOp.DropTable.class);
            if (created != null) {
                er.openEntity(table, " (new)");
                List<TableElement> all = new ArrayList<>(created.elements());
                group.ops().stream()
                        .filter(ConstraintOp.AddConstraint.class::isInstance)
                        .map(op -> ((ConstraintOp.AddConstraint) op).constraint())
                        .forEach(all::add);
                elements(er, all, "new");
            } else if (dropped != null) {
                er.openEntity(table, " (dropped)");
                if (dropped.definition() != null) {
                    elements(er, dropped.definition().elements(), "dropped");
                }
            } else {
                er.openEntity(table, " (altered)");
                for (Change change : group.changes()) {
                    if (!change.aheadPart()) {
                        alteration(er, change);
                    }
                }
            }
            er.closeEntity();
            for (Op op : group.ops()) {
                List<TableElement> elements = op instanceof TableOp.CreateTable create
                        ? create.elements()
                        : op instanceof ConstraintOp.AddConstraint add ? List.of(add.constraint()) : List.of();
                for (TableElement element : elements) {
                    if (element instanceof Constraint.ForeignKey key) {
                        QualifiedName referenced = key.referencedTable();
                        ObjectName parent = ObjectName.of(
                                referenced.schema() == null ? table.schema() : referenced.schema(), referenced.name());
                        if (groups.containsKey(parent)) {
                            links.add(new Relationship(
                                    parent, table, cardinality(group, key), key.name() == null ? "" : key.name()));
                        } else {
                            neighbours.add(
                                    qualified || !parent.schema().equals(table.schema())
                                            ? parent.toString()
                                            : parent.name());
                        }
                    }
                }
            }
        }
        links.forEach(link -> er.relationship(link.parent(), link.child(), link.cardinality(), link.name()));
        return new ChangedTables(er.toString(), neighbours);
    }

    /**
     * The key's cardinality from what the group's ops say about its columns: a new table's elements,
     * added columns and constraints. A column the ops do not define counts as nullable and not unique.
     */
    private static Cardinality cardinality(OpGroup group, Constraint.ForeignKey key) {
        List<TableElement> known = new ArrayList<>();
        for (Op op : group.ops()) {
            if (op instanceof TableOp.CreateTable create) {
                known.addAll(create.elements());
            } else if (op instanceof ColumnOp.AddColumn add) {
                known.add(add.column());
            } else if (op instanceof ConstraintOp.AddConstraint add) {
                known.add(add.constraint());
            }
        }
        Set<String> keyColumns = Set.copyOf(key.columns());
        Set<String> required = new TreeSet<>();
        boolean unique = false;
        boolean identifying = false;
        for (TableElement element : known) {
            if (element instanceof Column column) {
                if (!column.nullable() || column.isPrimaryKey()) {
                    required.add(column.name());
                }
                if (key.columns().equals(List.of(column.name()))) {
                    unique |= column.isUnique() || column.isPrimaryKey();
                    identifying |= column.isPrimaryKey();
                }
            } else if (element instanceof Constraint.Unique u) {
                unique |= Set.copyOf(u.columns()).equals(keyColumns);
            } else if (element instanceof Constraint.PrimaryKey pk) {
                unique |= Set.copyOf(pk.columns()).equals(keyColumns);
                identifying |= pk.columns().containsAll(keyColumns);
                required.addAll(pk.columns());
            }
        }
        return new Cardinality(required.containsAll(keyColumns), unique, identifying);
    }

    private static void elements(MermaidEr er, List<TableElement> elements, String comment) {
        Set<String> primary = new TreeSet<>();
        Set<String> foreign = new TreeSet<>();
        Set<String> unique = new TreeSet<>();
        for (TableElement element : elements) {
            if (element instanceof Constraint.PrimaryKey pk) {
                primary.addAll(pk.columns());
            } else if (element instanceof Constraint.ForeignKey fk) {
                foreign.addAll(fk.columns());
            } else if (element instanceof Constraint.Unique u) {
                unique.addAll(u.columns());
            }
        }
        for (TableElement element : elements) {
            if (element instanceof Column column) {
                List<String> keys = new ArrayList<>();
                if (column.isPrimaryKey() || primary.contains(column.name())) {
                    keys.add("PK");
                }
                if (foreign.contains(column.name())) {
                    keys.add("FK");
                }
                if (column.isUnique() || unique.contains(column.name())) {
                    keys.add("UK");
                }
                er.attribute(column.type(), column.name(), keys, comment);
            }
        }
    }

    /** One line of an altered table: the column (or index, constraint) and what happens to it. */
    private static void alteration(MermaidEr er, Change change) {
        Description description = change.description();
        // "column public.orders.total", "index ix_a on agents", "foreign key [order_id] -> orders[id] on t"
        List<String> words = List.of(description.subject().split(" ", -1));
        int first = 0;
        while (first < words.size() - 1 && words.get(first).matches("[a-z]+")) {
            first++;
        }
        String kind = String.join("_", words.subList(0, Math.max(first, 1)));
        String name = words.get(first).replaceAll("[\\[\\]]", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        String type = kind;
        List<String> keys = new ArrayList<>();
        for (Op op : change.ops()) {
            if (op instanceof ColumnOp.AddColumn add) {
                type = add.column().type();
            } else if (op instanceof ColumnOp.AlterColumnType alter) {
                type = alter.type();
            } else if (op instanceof ColumnOp.DropColumn drop && drop.definition() != null) {
                type = drop.definition().type();
            } else if (op instanceof ConstraintOp.AddConstraint add
                    && add.constraint() instanceof Constraint.ForeignKey) {
                keys.add("FK");
            }
        }
        String what = switch (description.action()) {
            case ADDED -> "added";
            case REMOVED -> "dropped";
            case RENAMED -> "renamed to " + description.detail();
            case CHANGED -> description.detail() == null ? "changed" : description.detail();
            case NOT_MIGRATED -> "not migrated: " + description.detail();
        };
        er.attribute(type, name, keys, what);
    }

    private static <T extends Op> @Nullable T find(OpGroup group, Class<T> kind) {
        for (Op op : group.ops()) {
            if (kind.isInstance(op)) {
                return kind.cast(op);
            }
        }
        return null;
    }

    /** {@code changes.json}: the format docs/ documents, pinned by a test. */
    public String json() {
        StringBuilder json = new StringBuilder("{\n  \"version\": ")
                .append(FORMAT_VERSION)
                .append(",\n  \"goal\": ")
                .append(string(goal))
                .append(",\n  \"changes\": [");
        List<Change> changes = script.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Description d = change.description();
            String[] beforeAfter = beforeAfter(d);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\n      \"kind\": ")
                    .append(string(d.action().name().toLowerCase(Locale.ROOT)))
                    .append(",\n      \"object\": ")
                    .append(string(d.subject()))
                    .append(",\n      \"attribute\": ")
                    .append(string(beforeAfter[0]))
                    .append(",\n      \"before\": ")
                    .append(string(beforeAfter[1]))
                    .append(",\n      \"after\": ")
                    .append(string(beforeAfter[2]))
                    .append(",\n      \"description\": ")
                    .append(string(d.text()))
                    .append(",\n      \"hazards\": [");
            List<String> hazards = new ArrayList<>();
            for (Hazard hazard : change.hazards()) {
                hazards.add("{\"rule\": " + string(hazard.rule().id()) + ", \"subject\": "
                        + string(hazard.subject()) + ", \"lock\": "
                        + string(hazard.rule().lock())
                        + ", \"text\": "
                        + string(hazard.rule().description() + (hazard.fact() == null ? "" : "; " + hazard.fact()))
                        + ", \"lockSafeForm\": " + hazard.lockSafeForm() + "}");
            }
            List<String> measured = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (String note : change.notes()) {
                Matcher hazard = HAZARD_NOTE.matcher(note);
                if (hazard.matches()) {
                    hazards.add("{\"rule\": " + string(hazard.group(1)) + ", \"subject\": null, \"lock\": null, "
                            + "\"text\": " + string(hazard.group(2)) + ", \"lockSafeForm\": false}");
                } else if (note.startsWith(MEASURED)) {
                    measured.add(note.substring(MEASURED.length()));
                } else {
                    notes.add(note);
                }
            }
            for (int h = 0; h < hazards.size(); h++) {
                json.append(h == 0 ? "\n        " : ",\n        ").append(hazards.get(h));
            }
            json.append(hazards.isEmpty() ? "]" : "\n      ]")
                    .append(",\n      \"measured\": ")
                    .append(strings(measured))
                    .append(",\n      \"notes\": ")
                    .append(strings(notes))
                    .append("\n    }");
        }
        json.append(changes.isEmpty() ? "]" : "\n  ]")
                .append(",\n  \"warnings\": ")
                .append(strings(script.warnings()))
                .append("\n}\n");
        return json.toString();
    }

    /** The attribute that changes, what it was and what it becomes; nulls where the change has none. */
    private static String[] beforeAfter(Description d) {
        return switch (d.action()) {
            case ADDED -> new String[] {null, null, d.detail() == null ? d.subject() : d.subject() + " " + d.detail()};
            case REMOVED -> new String[] {null, d.subject(), null};
            case RENAMED -> new String[] {"name", d.subject(), d.detail()};
            case CHANGED, NOT_MIGRATED -> {
                Matcher m = d.detail() == null ? null : BEFORE_AFTER.matcher(d.detail());
                yield m != null && m.matches()
                        ? new String[] {m.group(1), m.group(2), m.group(3)}
                        : new String[] {null, null, d.detail()};
            }
        };
    }
}
