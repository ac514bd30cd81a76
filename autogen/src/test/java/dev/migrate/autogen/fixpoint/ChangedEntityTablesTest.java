package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.modelDdl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity side of the rich model's DDL as Hibernate writes it (inheritance, collections, embeddables,
 * sequences, enums), changed one statement at a time as an edited entity changes it, and built from the
 * last build through the entity cache, equals the whole changed DDL built on PostgreSQL; and the changed
 * tables alone were built for every change that changes a table.
 */
@LongSuite
class ChangedEntityTablesTest {
    private static final Exclusions EXCLUSIONS = Exclusions.versionTables();

    @Test
    void eachChangeOfOneStatementBuildsTheModelTheWholeDdlBuilds(@TempDir Path dir) throws Exception {
        List<String> before = modelDdl();
        Map<String, List<String>> changes = changes(before);
        assertThat(changes).hasSizeGreaterThan(20);
        int tableByTable = 0;
        try (Connection c = TestPostgres.freshDatabase("changed_entity_tables").getConnection()) {
            Path built = dir.resolve("before");
            new EntitySchemaCache(built).read(c, before, "public", EXCLUSIONS);
            int n = 0;
            for (Map.Entry<String, List<String>> change : changes.entrySet()) {
                // a copy of the cache that built the DDL before the change
                Path copy = Files.createDirectories(dir.resolve("cache-" + n++));
                try (var files = Files.list(built)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()));
                    }
                }
                EntitySchemaCache cache = new EntitySchemaCache(copy);
                DatabaseSchema whole;
                try {
                    whole = ScratchSchema.read(c, change.getValue(), "public", EXCLUSIONS);
                } catch (MigrateException e) {
                    // DDL the server refuses (a key a foreign key needs, removed): refused the same way
                    assertThatThrownBy(() -> cache.read(c, change.getValue(), "public", EXCLUSIONS))
                            .as(change.getKey())
                            .isInstanceOf(MigrateException.class)
                            .hasMessage(e.getMessage());
                    continue;
                }
                assertThat(cache.read(c, change.getValue(), "public", EXCLUSIONS))
                        .as(change.getKey())
                        .isEqualTo(whole);
                tableByTable += cache.rebuiltTables() > 0 ? 1 : 0;
            }
        }
        // all but the five that change no table: the enum type, its two casts and the two sequences removed
        assertThat(tableByTable).isEqualTo(changes.size() - 5);
    }

    /**
     * What editing one entity does to the DDL: a column added to a table, a statement other than a
     * {@code create table} removed (a foreign key, an index, a unique constraint, a sequence, a comment),
     * a column's type changed; by what was done, for the failure message.
     */
    private static Map<String, List<String>> changes(List<String> ddl) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (int i = 0; i < ddl.size(); i++) {
            String sql = ddl.get(i);
            if (sql.startsWith("create table ")) {
                int end = sql.lastIndexOf(')');
                changes.put(
                        "a column added: " + sql,
                        with(ddl, i, sql.substring(0, end) + ", zz_added integer" + sql.substring(end)));
                if (sql.contains(" varchar(255)")) {
                    changes.put("a type changed: " + sql, with(ddl, i, sql.replaceFirst(" varchar\\(255\\)", " text")));
                }
            } else {
                List<String> removed = new ArrayList<>(ddl);
                removed.remove(i);
                changes.put("removed: " + sql, removed);
            }
        }
        return changes;
    }

    private static List<String> with(List<String> ddl, int index, String sql) {
        List<String> changed = new ArrayList<>(ddl);
        changed.set(index, sql);
        return changed;
    }
}
