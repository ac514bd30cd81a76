package dev.migrate.autogen;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.catalog.read.OutsideDependencies;
import dev.migrate.catalog.read.OutsideDependencies.Address;
import dev.migrate.catalog.read.OutsideDependencies.Used;
import dev.migrate.catalog.read.PublicSchemaGrants;
import dev.migrate.op.ObjectKind;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the objects of a schema being adopted use from other schemas, brought into its baseline: enum
 * types, sequences, domains, composite and range types, functions and collations, each as the catalog
 * reads it, with the schemas they are in (created if missing), and the grants on those schemas ({@code
 * PUBLIC}'s too) and objects and the default privileges of those schemas. What cannot be brought in (a
 * table or view of another schema, a base type, a sequence another schema's table owns) is named in {@link
 * #warnings}, with what a new database needs: made there before the baseline runs, or, where it needs
 * something the baseline creates (an enum type brought in, a table of the managed schema), added within the
 * baseline.
 *
 * @param schemas the schemas to create if missing before anything else, {@code public} never among them
 * @param enumTypes the enum types to create with the managed schema's
 * @param sequences the sequences to create with the managed schema's
 * @param objects the objects to create with the managed schema's objects beside tables, grants among them
 * @param warnings a sentence for the objects that may be made on a new database before the baseline runs, and
 *     one for those that need what it creates; none when everything is brought in
 */
record OutsideUses(
        List<String> schemas,
        List<EnumType> enumTypes,
        List<Sequence> sequences,
        List<SchemaObject> objects,
        List<String> warnings) {

    /**
     * Reads, on {@code live} with the search path the managed schema is read with, what the objects of
     * {@code schema} use from other schemas.
     */
    static OutsideUses of(Connection live, String schema) throws SQLException {
        List<Used> used = OutsideDependencies.of(live, List.of(schema));
        if (used.isEmpty()) {
            return new OutsideUses(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<String> others =
                used.stream().map(Used::schema).distinct().sorted().toList();
        DatabaseSchema read = new CatalogReader().read(live, others, Exclusions.none());
        Map<ObjectId, SchemaObject> objects = new HashMap<>();
        for (SchemaObject object : ObjectReader.read(live, others)) {
            objects.put(object.id(), object);
        }
        Set<String> schemas = new LinkedHashSet<>();
        List<EnumType> enumTypes = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<SchemaObject> brought = new ArrayList<>();
        Set<ObjectId> broughtIds = new HashSet<>();
        List<Used> made = new ArrayList<>();
        List<Used> missing = new ArrayList<>();
        for (Used u : used) {
            ObjectName name = ObjectName.of(u.schema(), u.name());
            boolean in = false;
            switch (u.kind()) {
                case "enum type" -> {
                    EnumType type = read.enumTypes().get(name);
                    if (type != null) {
                        enumTypes.add(type);
                        in = true;
                    }
                }
                case "sequence" -> {
                    Sequence sequence = read.sequences().get(name);
                    if (sequence != null && u.owner() == null) {
                        sequences.add(sequence);
                        in = true;
                    }
                }
                default -> {
                    ObjectKind kind = objectKind(u.kind());
                    SchemaObject object = kind == null ? null : objects.get(new ObjectId(kind, u.identity()));
                    if (object != null) {
                        if (broughtIds.add(object.id())) {
                            brought.add(object);
                        }
                        in = true;
                    }
                }
            }
            if (in) {
                made.add(u);
                if (!"public".equals(u.schema())) {
                    schemas.add(u.schema());
                }
            } else {
                missing.add(u);
            }
        }
        Set<ObjectName> broughtSequences = new HashSet<>();
        sequences.forEach(q -> broughtSequences.add(ObjectName.of(q.schema(), q.name())));
        // an enum type is no object beside tables, so a grant on it names it alone, as one on a schema does
        List<String> namedTargets = new ArrayList<>();
        schemas.forEach(s -> namedTargets.add("ON SCHEMA " + Identifiers.quote(s) + " "));
        enumTypes.forEach(t ->
                namedTargets.add("ON TYPE " + Identifiers.quote(t.schema()) + "." + Identifiers.quote(t.name()) + " "));
        objects.values().stream()
                .filter(o -> grantsOnWhatIsBrought(o, schemas, namedTargets, broughtIds, broughtSequences))
                .sorted(Comparator.comparing(SchemaObject::id))
                .forEach(brought::add);
        brought.addAll(PublicSchemaGrants.on(live, List.copyOf(schemas)));
        Map<Address, List<String>> needs = OutsideDependencies.needs(live, List.of(schema), missing, made);
        return new OutsideUses(List.copyOf(schemas), enumTypes, sequences, brought, warnings(schema, missing, needs));
    }

    /**
     * Whether {@code object} grants privileges on a schema the baseline creates ({@code GRANT USAGE ON SCHEMA
     * sales TO reader}), sets the default privileges of one, or grants privileges on (or revokes them from
     * {@code PUBLIC} on) an object it brings in: the baseline carries them with what they are on.
     *
     * @param namedTargets how a grant's identity starts when it is on a schema the baseline creates or on an
     *     enum type it brings in ({@code ON SCHEMA sales }), which a grant knows by name alone
     */
    private static boolean grantsOnWhatIsBrought(
            SchemaObject object,
            Set<String> schemas,
            List<String> namedTargets,
            Set<ObjectId> broughtIds,
            Set<ObjectName> broughtSequences) {
        String identity = object.id().identity();
        return switch (object.id().kind()) {
            case GRANT ->
                (object.dependsOn().isEmpty() && object.tables().isEmpty())
                        ? namedTargets.stream().anyMatch(identity::startsWith)
                        : broughtIds.containsAll(object.dependsOn()) && broughtSequences.containsAll(object.tables());
            case DEFAULT_PRIVILEGES ->
                schemas.stream().anyMatch(s -> identity.contains(" IN SCHEMA " + Identifiers.quote(s) + " ON "));
            default -> false;
        };
    }

    /**
     * What a new database needs that the baseline does not create, in two sentences: what may be made on it
     * before the baseline runs, and what needs something the baseline creates (a table of another schema typed
     * with an enum type it brings in, or with a foreign key to one of its tables), which must not be: the
     * baseline would then fail creating that again.
     */
    private static List<String> warnings(String schema, List<Used> missing, Map<Address, List<String>> needs) {
        List<String> before = new ArrayList<>();
        List<String> within = new ArrayList<>();
        for (Used u : missing) {
            String named = u.kind() + " " + u.identity() + " (used by " + u.usedBy()
                    + (u.owner() == null ? "" : "; owned by table " + u.owner());
            List<String> needed = needs.get(u.address());
            if (needed == null) {
                before.add(named + ")");
            } else {
                within.add(named + "; needs " + String.join(", ", needed) + ")");
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!before.isEmpty()) {
            warnings.add("Not written here, since they are outside schema " + schema + " and a baseline does "
                    + "not create them: " + String.join(", ", before) + ". A new database needs them before "
                    + "this migration runs: create them there first, or add them with op.execute(...) at the "
                    + "top of upgrade().");
        }
        if (!within.isEmpty()) {
            warnings.add("Not written here, since they are outside schema " + schema + " and a baseline does "
                    + "not create them, and they need what this migration creates: " + String.join(", ", within)
                    + ". Do not create them on a new database before this migration runs (it would then fail "
                    + "creating what they need): add them with op.execute(...) in upgrade(), after what they "
                    + "need is created and before what uses them.");
        }
        return warnings;
    }

    private static @Nullable ObjectKind objectKind(String kind) {
        return switch (kind) {
            case "domain" -> ObjectKind.DOMAIN;
            case "composite type", "range type" -> ObjectKind.TYPE;
            case "function" -> ObjectKind.FUNCTION;
            case "procedure" -> ObjectKind.PROCEDURE;
            case "aggregate" -> ObjectKind.AGGREGATE;
            case "collation" -> ObjectKind.COLLATION;
            default -> null;
        };
    }
}
