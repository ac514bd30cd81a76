package dev.migrate.imports.liquibase;

import dev.migrate.op.QualifiedName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Liquibase changelog as a project runs it: where Liquibase finds its files, the root changelog, the changelog
 * parameters given from outside and the context and label filters of its updates.
 *
 * @param searchRoots directories Liquibase searches for the changelog and what it includes (a Maven project's
 *     {@code src/main/resources}, say); the paths Liquibase records are relative to them
 * @param changelog the root changelog's path under a search root, as the project configures it
 *     ({@code db/changelog/db.changelog-master.yaml})
 * @param parameters changelog parameters given from outside; they win over the changelog's own {@code property}
 * @param contexts the context filter of the project's updates, or {@code null} for none (every changeset runs)
 * @param labels the label filter, or {@code null} for none
 * @param defaultSchema the schema Liquibase creates objects in and qualifies their names with
 *     (Liquibase's default schema name), or {@code null} for the connection's current schema
 * @param changelogSchema the schema of Liquibase's own tables (Liquibase's changelog schema name), or {@code null} for
 *     the default schema
 * @param table Liquibase's history table ({@code databaseChangeLogTableName})
 * @param lockTable Liquibase's lock table ({@code databaseChangeLogLockTableName})
 */
public record LiquibaseProject(
        List<Path> searchRoots,
        String changelog,
        Map<String, String> parameters,
        @Nullable String contexts,
        @Nullable String labels,
        @Nullable String defaultSchema,
        @Nullable String changelogSchema,
        String table,
        String lockTable) {
    /** Liquibase's history table unless configured otherwise. */
    public static final String TABLE = "databasechangelog";

    /** Liquibase's lock table unless configured otherwise. */
    public static final String LOCK_TABLE = "databasechangeloglock";

    public LiquibaseProject {
        searchRoots = List.copyOf(searchRoots);
        if (searchRoots.isEmpty()) {
            throw new IllegalArgumentException("A Liquibase project needs a directory to find its changelog "
                    + changelog + " in, and none was given.");
        }
        Objects.requireNonNull(changelog, "changelog");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lockTable, "lockTable");
    }

    /** Liquibase's own schema and tables, as most projects leave them. */
    public LiquibaseProject(
            List<Path> searchRoots,
            String changelog,
            Map<String, String> parameters,
            @Nullable String contexts,
            @Nullable String labels) {
        this(searchRoots, changelog, parameters, contexts, labels, null, null, TABLE, LOCK_TABLE);
    }

    /** The schema the changelog builds: the default schema, else {@code public}. */
    public String schema() {
        return defaultSchema != null ? defaultSchema : "public";
    }

    /** Liquibase's history table: {@link #table} in the changelog schema, else the default schema, else the current one. */
    public QualifiedName history() {
        return new QualifiedName(changelogSchema != null ? changelogSchema : defaultSchema, table);
    }

    /** One search root, no parameters, no filters. */
    public static LiquibaseProject of(Path searchRoot, String changelog) {
        return new LiquibaseProject(List.of(searchRoot), changelog, Map.of(), null, null);
    }

    /** The bridge's request for this project. */
    Map<String, Object> request(String op) {
        Map<String, Object> request = new HashMap<>();
        request.put("op", op);
        List<Object> roots = new ArrayList<>();
        for (Path root : searchRoots) {
            roots.add(root.toAbsolutePath().toString());
        }
        request.put("roots", roots);
        request.put("changelog", changelog);
        request.put("parameters", new HashMap<String, Object>(parameters));
        if (contexts != null) {
            request.put("contexts", contexts);
        }
        if (labels != null) {
            request.put("labels", labels);
        }
        if (defaultSchema != null) {
            request.put("defaultSchema", defaultSchema);
        }
        if (changelogSchema != null) {
            request.put("changelogSchema", changelogSchema);
        }
        request.put("table", table);
        request.put("lockTable", lockTable);
        return request;
    }
}
