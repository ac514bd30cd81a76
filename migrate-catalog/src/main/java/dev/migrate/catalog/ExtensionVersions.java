package dev.migrate.catalog;

import dev.migrate.op.ObjectKind;
import dev.migrate.sql.Identifiers;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which extension versions are the project's to keep. A version the files state ({@code CREATE
 * EXTENSION pgcrypto VERSION '1.3'}, {@code ALTER EXTENSION pgcrypto UPDATE TO '1.3'}) is pinned: written
 * and compared. A version nobody stated is the server's to pick (pgcrypto 1.3 on PostgreSQL 15, 1.4 on
 * 18), so it is neither written into a migration nor compared: the extension's object is spelled without
 * it on both sides.
 */
public final class ExtensionVersions {
    private static final Pattern CREATE = Pattern.compile(
            "(?is)\\s*CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:([^\\s\";]+)|\"((?:[^\"]|\"\")+)\")(.*)");
    private static final Pattern UPDATE_TO = Pattern.compile(
            "(?is)\\s*ALTER\\s+EXTENSION\\s+(?:([^\\s\";]+)|\"((?:[^\"]|\"\")+)\")\\s+UPDATE\\s+TO\\b.*");
    private static final Pattern VERSION = Pattern.compile("(?is).*\\bVERSION\\b.*");
    private static final Pattern VERSION_CLAUSE = Pattern.compile(" VERSION '(?:[^']|'')*'");

    private ExtensionVersions() {}

    /**
     * The extensions {@code statements} create without a version, as the catalog names them (quoted
     * where the name needs it): {@code CREATE EXTENSION IF NOT EXISTS pgcrypto} gives {@code pgcrypto}.
     */
    public static Set<String> unstated(Collection<String> statements) {
        return named(statements, false);
    }

    /**
     * The extensions whose version {@code statements} state, by {@code CREATE EXTENSION ... VERSION} or
     * {@code ALTER EXTENSION ... UPDATE TO}, as the catalog names them.
     */
    public static Set<String> stated(Collection<String> statements) {
        return named(statements, true);
    }

    private static Set<String> named(Collection<String> statements, boolean stated) {
        Set<String> names = new TreeSet<>();
        for (String sql : statements) {
            Matcher create = CREATE.matcher(sql);
            if (create.matches() && VERSION.matcher(create.group(3)).matches() == stated) {
                names.add(name(create));
            } else if (stated) {
                Matcher update = UPDATE_TO.matcher(sql);
                if (update.matches()) {
                    names.add(name(update));
                }
            }
        }
        return names;
    }

    private static String name(Matcher m) {
        return Identifiers.quote(
                m.group(1) != null
                        ? m.group(1).toLowerCase(Locale.ROOT)
                        : m.group(2).replace("\"\"", "\""));
    }

    /** {@code schema} with the version left out of each extension whose name {@code unpinned} accepts. */
    public static DatabaseSchema without(DatabaseSchema schema, Predicate<String> unpinned) {
        Map<ObjectId, SchemaObject> objects = new HashMap<>();
        without(schema.objects().values(), unpinned).forEach(o -> objects.put(o.id(), o));
        return new DatabaseSchema(
                schema.tables(), schema.sequences(), schema.enumTypes(), objects, schema.distribution());
    }

    /** {@code objects} with the version left out of each extension whose name {@code unpinned} accepts. */
    public static List<SchemaObject> without(Collection<SchemaObject> objects, Predicate<String> unpinned) {
        return objects.stream()
                .map(o -> o.id().kind() == ObjectKind.EXTENSION && unpinned.test(o.id().identity())
                        ? withoutVersion(o)
                        : o)
                .toList();
    }

    /**
     * {@code current} with the version left out of each extension that {@code desired} has without one:
     * a database compared with a chain (or a snapshot of it) whose files pin no version.
     */
    public static DatabaseSchema asUnpinnedIn(DatabaseSchema current, DatabaseSchema desired) {
        return without(current, identity -> {
            SchemaObject wanted = desired.objects().values().stream()
                    .filter(o -> o.id().kind() == ObjectKind.EXTENSION
                            && o.id().identity().equals(identity))
                    .findFirst()
                    .orElse(null);
            return wanted != null && !VERSION_CLAUSE.matcher(wanted.sql()).find();
        });
    }

    /** The extension's object spelled without its version. */
    public static SchemaObject withoutVersion(SchemaObject extension) {
        return new SchemaObject(
                extension.id(),
                VERSION_CLAUSE.matcher(extension.sql()).replaceAll(""),
                extension.dependsOn(),
                extension.tables(),
                extension.neededByTables(),
                extension.columns(),
                extension.shape());
    }
}
