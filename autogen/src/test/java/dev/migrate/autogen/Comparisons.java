package dev.migrate.autogen;

import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.entity.ProviderDdlSchema;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The comparison step of {@link Autogenerate} on a connection the test holds, for the tests of what
 * a comparison finds (the diff, the entity side, the caches' models) rather than of which way the
 * pipeline goes: {@code Comparisons.of("public").compare(c, entityDdl)}.
 */
public final class Comparisons {
    private final String schema;
    private final List<String> exclude;
    private final Map<String, String> renames;
    private final RenameDecider decider;
    private final @Nullable EntitySchemaCache cache;
    private final boolean serialToIdentity;
    private final DeclaredObjects declared;

    private Comparisons(
            String schema,
            List<String> exclude,
            Map<String, String> renames,
            RenameDecider decider,
            @Nullable EntitySchemaCache cache,
            boolean serialToIdentity,
            DeclaredObjects declared) {
        this.schema = schema;
        this.exclude = List.copyOf(exclude);
        this.renames = Map.copyOf(renames);
        this.decider = decider;
        this.cache = cache;
        this.serialToIdentity = serialToIdentity;
        this.declared = declared;
    }

    /** Compares with {@code schema} managed, nothing excluded but the default version tables, no renames, no cache. */
    public static Comparisons of(String schema) {
        return new Comparisons(schema, List.of(), Map.of(), RenameDecider.never(), null, false, DeclaredObjects.none());
    }

    public Comparisons excluding(List<String> patterns, String versionTable, String historyTable) {
        List<String> all = new ArrayList<>(patterns);
        all.add(versionTable);
        all.add(historyTable);
        return new Comparisons(schema, all, renames, decider, cache, serialToIdentity, declared);
    }

    public Comparisons withRenames(Map<String, String> hints, RenameDecider renameDecider) {
        return new Comparisons(schema, exclude, hints, renameDecider, cache, serialToIdentity, declared);
    }

    /** Keeps the entity side in {@code entityCache} (whose hits the test counts); {@code null}: no cache. */
    public Comparisons withCache(EntitySchemaCache entityCache) {
        return new Comparisons(schema, exclude, renames, decider, entityCache, serialToIdentity, declared);
    }

    /** Converts a {@code serial} column the entities want as an identity column when {@code convert}. */
    public Comparisons withSerialToIdentity(boolean convert) {
        return new Comparisons(schema, exclude, renames, decider, cache, convert, declared);
    }

    /** Compares the objects beside tables too, those of {@code objects} being the project's. */
    public Comparisons declaring(DeclaredObjects objects) {
        return new Comparisons(schema, exclude, renames, decider, cache, serialToIdentity, objects);
    }

    /**
     * The changes that make the database on {@code live} match {@code entityDdl}, built in a scratch
     * schema on the same server. When the DDL, read without a server, answered, the entity side is
     * built on the server all the same, and the two must be equal: every comparison a test makes also
     * holds that reading to the server's.
     */
    public MigrationScript compare(Connection live, List<String> entityDdl) {
        return compare(live, live, entityDdl);
    }

    /** As {@link #compare(Connection, List)}, the entity side built on {@code scratch}: {@code live} is only read. */
    public MigrationScript compare(Connection live, Connection scratch, List<String> entityDdl) {
        SchemaComparison step = step();
        MigrationScript script = step.compare(
                live,
                live != scratch,
                null,
                () -> scratch,
                () -> step.reader.declaring(entityDdl),
                null,
                Comparisons::objectsDatabase);
        if (step.confirmedByReading()) {
            List<String> ddl = step.reader.declaring(entityDdl);
            Exclusions exclusions = Exclusions.versionTables().and(exclude);
            DatabaseSchema built = ScratchSchema.read(scratch, ddl, schema, exclusions);
            DatabaseSchema read =
                    ProviderDdlSchema.read(ddl, schema, exclusions).orElseThrow();
            if (!read.equals(built)) {
                throw new AssertionError("The entity DDL read without a server differs from the server's reading:\n"
                        + "  read  " + read + "\n  built " + built + "\n  DDL " + entityDdl);
            }
        }
        return script;
    }

    SchemaComparison step() {
        return new SchemaComparison(
                schema,
                Exclusions.versionTables().and(exclude),
                renames,
                decider,
                cache,
                serialToIdentity,
                declared,
                false);
    }

    /** A new database of the test server, for the declared objects. */
    private static Connection objectsDatabase() {
        try {
            return TestPostgres.freshDatabase("objects").getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
