package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.InheritingTables;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.ObjectOrder;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.AttachedPartitionIndexes;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.catalog.read.ObjectOwners;
import dev.migrate.catalog.read.PartitionColumnOrder;
import dev.migrate.catalog.read.StableDeparse;
import dev.migrate.catalog.read.TableInheritance;
import dev.migrate.catalog.read.UncarriedShapes;
import dev.migrate.catalog.read.UnreadObjects;
import dev.migrate.op.Op;
import dev.migrate.op.SchemaOp;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration that builds the managed schema of a database as it is from nothing, for a chain
 * that adopts that database: every table (partitioned ones with their partitions), sequence, enum
 * type, index, constraint and comment, each change with its reverse, in the order autogenerate
 * writes them. No row is copied, so a sequence of a new database starts where its definition
 * says, as the live one did. The objects beside the tables (extensions, domains and types, functions,
 * views, materialized views, triggers, policies, ...) are created where their dependencies put them:
 * what a table needs before the tables, the rest after. What they use from other schemas (enum types,
 * domains, composite and range types, sequences, functions, collations) is created with them, each
 * schema first if the new database lacks it, with the grants on those schemas and objects; a managed schema
 * other than {@code public} is created so too, and every name outside {@code public} is written qualified, so
 * the migration builds the schema where it was whatever the search path. A partition made on its own and
 * attached later is made so again, keeping its column order, and the indexes it had then keep their names.
 * What is read by no kind yet, what cannot be brought in (a table of another schema), and the owners other
 * than the reading role and the database's, are named in the script's warnings, for the reader to add by
 * hand. Only the version tables are among the exclusions here: user patterns keep later comparisons away
 * from objects, they do not keep those objects out of the chain that describes the database. The database
 * is only read, so a role with read rights alone, in a read-only transaction, adopts it.
 */
final class Baseline {
    /**
     * The schema a baseline writes unqualified names for: the one an unqualified name lands in on a
     * new database, whose sessions have the default search path.
     */
    private static final String WRITTEN_FOR = "public";

    private static final SchemaDiff.Options FROM_NOTHING =
            new SchemaDiff.Options(WRITTEN_FOR, Map.of(), RenameDecider.never());

    private final String schema;
    private final Exclusions exclusions;

    /** @param exclusions the version tables */
    Baseline(String schema, Exclusions exclusions) {
        this.schema = schema;
        this.exclusions = exclusions;
    }

    /** The baseline of {@code live}. */
    MigrationScript of(Connection live) {
        refuseAbsentSchema(live);
        // read with public alone on the search path and written for it: every name outside public comes out
        // qualified, so that upgrade builds the schema where it was, whatever the search path of its session
        DatabaseSchema read = read(
                live,
                "Could not read the schema " + schema,
                () -> new CatalogReader().read(live, List.of(schema), exclusions));
        OutsideUses outside = read(
                live,
                "Could not read what the objects of schema " + schema + " use from other schemas",
                () -> OutsideUses.of(live, schema));
        List<Sequence> sequences = new ArrayList<>(outside.sequences());
        sequences.addAll(read.sequences().values());
        List<EnumType> enumTypes = new ArrayList<>(outside.enumTypes());
        enumTypes.addAll(read.enumTypes().values());
        // written so that a new database deparses every expression as the adopted one does; the enum types
        // apart, since they need nothing and a domain or composite type created before the tables may need them
        DatabaseSchema current = DatabaseSchema.of(
                read.tables().values().stream()
                        .map(t -> t.withExpressions(StableDeparse::of))
                        .toList(),
                sequences,
                List.of());
        MigrationScript enums = SchemaDiff.compare(
                DatabaseSchema.empty(), DatabaseSchema.of(List.of(), List.of(), enumTypes), FROM_NOTHING);
        List<SchemaObject> beside = new ArrayList<>(outside.objects());
        beside.addAll(read(
                live,
                "Could not read the views, functions, triggers and other objects of schema " + schema,
                () -> ObjectReader.read(live, List.of(schema))));
        if (!outside.objects().isEmpty()) {
            beside = withDependenciesAcross(live, beside, outside.schemas());
        }
        // what hangs on the version tables (a grant default privileges gave them) is migrate's, not the schema's
        beside.removeIf(o -> ObjectDiff.excluded(o.id(), exclusions));
        ObjectOrder objects = ObjectOrder.of(beside);
        MigrationScript script = InheritingTables.madeWithParents(
                        SchemaDiff.compare(DatabaseSchema.empty(), current, FROM_NOTHING),
                        read(
                                live,
                                "Could not read which tables of schema " + schema + " inherit from others",
                                () -> TableInheritance.in(live, List.of(schema))),
                        WRITTEN_FOR)
                .withFirst(OpGroup.outsideTables(ObjectOrder.creating(objects.beforeTables(), WRITTEN_FOR)));
        if (!enums.isEmpty()) {
            script = script.withFirst(OpGroup.outsideTables(enums.changes()));
        }
        List<String> schemas = new ArrayList<>();
        if (!WRITTEN_FOR.equals(schema)) {
            schemas.add(schema);
        }
        outside.schemas().stream().filter(s -> !schemas.contains(s)).forEach(schemas::add);
        if (!schemas.isEmpty()) {
            // a schema the new database may have already (made by hand, or by its administrator) is kept
            script = script.withFirst(OpGroup.outsideTables(schemas.stream()
                    .map(name -> new Change(
                            Description.added("schema " + name),
                            List.<Op>of(new SchemaOp.CreateSchema(name, true)),
                            List.of()))
                    .toList()));
        }
        List<String> warnings = new ArrayList<>(outside.warnings());
        script = PartitionsMadeApart.madeApart(
                script,
                read(
                        live,
                        "Could not read the order of the columns of the partitions of schema " + schema,
                        () -> PartitionColumnOrder.in(live, List.of(schema))),
                WRITTEN_FOR);
        script = PartitionIndexNames.keptIn(
                script,
                read(
                        live,
                        "Could not read the indexes of the partitions of schema " + schema,
                        () -> AttachedPartitionIndexes.in(live, List.of(schema))),
                WRITTEN_FOR,
                warnings);
        script = CitusBaseline.distributed(script, read, WRITTEN_FOR, warnings);
        List<String> unread = read(
                live,
                "Could not list the objects of schema " + schema + " that a baseline does not hold",
                () -> UnreadObjects.in(live, List.of(schema)));
        if (!unread.isEmpty()) {
            warnings.add("Not written here, since migrate does not read them yet: " + String.join(", ", unread)
                    + ". Add those a new database needs with op.execute(...), after what they use.");
        }
        List<String> uncarried = read(
                live,
                "Could not look for what a baseline of schema " + schema + " does not give back as it is",
                () -> UncarriedShapes.in(live, List.of(schema)));
        if (!uncarried.isEmpty()) {
            warnings.add("Not given back as it is by this baseline: " + String.join("; ", uncarried) + ".");
        }
        ObjectOwners owners = read(
                live,
                "Could not read the owners of the objects of schema " + schema,
                () -> ObjectOwners.in(live, List.of(schema), exclusions));
        if (!owners.isEmpty()) {
            warnings.add(ownersWarning(owners));
        }
        return script.withLast(
                List.of(OpGroup.outsideTables(ObjectOrder.creating(objects.afterTables(), WRITTEN_FOR))), warnings);
    }

    /** The most objects of one owner a warning names; it counts the rest. */
    private static final int NAMED_PER_OWNER = 10;

    /**
     * Objects owned by other roles than the one reading them and the database's owner: a new database's are
     * the role's that runs the migration, so the warning names each owner with what it owns, and the fix.
     */
    private static String ownersWarning(ObjectOwners owners) {
        List<String> byOwner = new ArrayList<>();
        owners.byOwner().entrySet().forEach(e -> {
            List<String> named = e.getValue().stream()
                    .limit(NAMED_PER_OWNER)
                    .map(ObjectOwners.Owned::description)
                    .toList();
            int more = e.getValue().size() - named.size();
            byOwner.add(e.getKey() + " owns " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : ""));
        });
        ObjectOwners.Owned example = owners.byOwner().values().iterator().next().get(0);
        String usual = owners.reader().equals(owners.databaseOwner())
                ? owners.reader() + " (which read them and owns the database)"
                : owners.reader() + " (which read them) and " + owners.databaseOwner() + " (which owns the database)";
        return "Not written here, since a baseline does not carry owners: objects owned by other roles than "
                + usual + ": " + String.join("; ", byOwner)
                + ". On a new database the role that runs this migration owns "
                + "what it creates: run it as that role, or give each its owner at the end of upgrade(), "
                + "op.execute(\"" + example.alter() + "\") and the like (the owner must exist there, and the role "
                + "that runs the migration must be a member of it).";
    }

    /**
     * {@code objects} with what each needs across schemas: read one schema at a time, a function of the
     * managed schema whose body calls one of another schema ({@code RETURN schema_1.add(a, b)}, checked
     * when it is created) does not know it needs it. Read again together, and kept to {@code objects}.
     */
    private List<SchemaObject> withDependenciesAcross(
            Connection live, List<SchemaObject> objects, List<String> otherSchemas) {
        List<String> schemas = new ArrayList<>(List.of(schema));
        otherSchemas.stream().filter(s -> !schemas.contains(s)).forEach(schemas::add);
        Map<ObjectId, SchemaObject> together = new HashMap<>();
        read(
                        live,
                        "Could not read what the objects of schema " + schema + " need from other schemas",
                        () -> ObjectReader.read(live, schemas))
                .forEach(o -> together.put(o.id(), o));
        return new ArrayList<>(
                objects.stream().map(o -> together.getOrDefault(o.id(), o)).toList());
    }

    /** Runs {@code action} with {@code public} alone on the search path, as a baseline is read. */
    private static <T> T read(Connection live, String failure, SideReader.OnPath<T> action) {
        return SideReader.onPath(live, WRITTEN_FOR, failure, action);
    }

    /**
     * A baseline of a schema the database does not have would adopt nothing and say it did: a misspelt name, or
     * one whose case differs ({@code Public}), is refused, naming the schemas there are.
     */
    private void refuseAbsentSchema(Connection live) {
        if (!SideReader.existingSchemas(live, List.of(schema)).isEmpty()) {
            return;
        }
        List<String> schemas = new ArrayList<>();
        try (var s = live.createStatement();
                var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                        + "AND nspname <> 'information_schema' ORDER BY 1")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the schemas of the database: " + e.getMessage(), e);
        }
        throw new MigrateException("The database has no schema " + schema + ", so a baseline of it would adopt "
                + "nothing. Its schemas are: " + String.join(", ", schemas) + ". Name one of them as the managed "
                + "schema, spelled as the catalog spells it (case matters).");
    }
}
