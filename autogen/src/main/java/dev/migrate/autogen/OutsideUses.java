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
import dev.migrate.catalog.read.OutsideDependencies.Used;
import dev.migrate.op.ObjectKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * reads it, with the schemas they are in (created if missing). What cannot be brought in (a table or view
 * of another schema, a base type, a sequence another schema's table owns) is named in {@link #warnings},
 * with what a new database needs.
 *
 * @param schemas the schemas to create if missing before anything else, {@code public} never among them
 * @param enumTypes the enum types to create with the managed schema's
 * @param sequences the sequences to create with the managed schema's
 * @param objects the objects to create with the managed schema's objects beside tables
 * @param warnings one sentence for each object that is not brought in
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
        List<String> missing = new ArrayList<>();
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
                if (!"public".equals(u.schema())) {
                    schemas.add(u.schema());
                }
            } else {
                missing.add(u.kind() + " " + u.identity() + " (used by " + u.usedBy()
                        + (u.owner() == null ? "" : "; owned by table " + u.owner()) + ")");
            }
        }
        List<String> warnings = missing.isEmpty()
                ? List.of()
                : List.of("Not written here, since they are outside schema " + schema + " and a baseline does "
                        + "not create them: " + String.join(", ", missing) + ". A new database needs them before "
                        + "this migration runs: create them there first, or add them with op.execute(...) at the "
                        + "top of upgrade().");
        return new OutsideUses(List.copyOf(schemas), enumTypes, sequences, brought, warnings);
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
