package dev.migrate.imports.liquibase;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.ToolLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase's own {@code update} against a database, run in the tool's class loader: to build databases at old
 * versions of a changelog, and to replay the old chain beside the imported one.
 */
public final class LiquibaseUpdate {
    private static final String BRIDGE = "dev.migrate.imports.liquibase.LiquibaseBridge";

    private LiquibaseUpdate() {}

    /** Where an update stops: every changeset, the first {@code count} not yet run, or up to a tag. */
    public sealed interface Stop {
        /** Every changeset ({@code liquibase update}). */
        record All() implements Stop {}

        /** The next {@code count} changesets ({@code liquibase update-count}). */
        record Count(int count) implements Stop {
            public Count {
                if (count < 0) {
                    throw new IllegalArgumentException("An update of " + count + " changesets is none.");
                }
            }
        }

        /** Up to and with the changeset that sets {@code tag} ({@code liquibase update-to-tag}). */
        record ToTag(String tag) implements Stop {}

        static Stop all() {
            return new All();
        }
    }

    /**
     * Updates the database at {@code jdbcUrl} with {@code project}'s changelog as far as {@code stop} says.
     *
     * @return how many changesets its history table holds afterwards
     * @throws MigrateException naming the changelog and the database when Liquibase fails
     */
    public static int run(
            ToolLoader loader,
            String jdbcUrl,
            String user,
            @Nullable String password,
            LiquibaseProject project,
            Stop stop) {
        Map<String, Object> request = project.request("update");
        request.put("url", jdbcUrl);
        request.put("user", user);
        if (password != null) {
            request.put("password", password);
        }
        if (stop instanceof Stop.Count count) {
            request.put("count", count.count());
        } else if (stop instanceof Stop.ToTag tag) {
            request.put("tag", tag.tag());
        }
        try {
            return ((Number) loader.call(BRIDGE, request)).intValue();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new MigrateException(
                    "Liquibase could not update " + withoutSecrets(jdbcUrl) + " with the " + "changelog "
                            + project.changelog() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Updates with every changeset, or up to {@code toTagOrCount}: a whole number updates that many changesets
     * not yet run, anything else up to that tag.
     */
    public static int run(
            ToolLoader loader,
            String jdbcUrl,
            String user,
            @Nullable String password,
            Path searchRoot,
            String changelogPath,
            Map<String, String> parameters,
            @Nullable String contexts,
            @Nullable String toTagOrCount) {
        Stop stop = toTagOrCount == null
                ? Stop.all()
                : toTagOrCount.matches("\\d+")
                        ? new Stop.Count(Integer.parseInt(toTagOrCount))
                        : new Stop.ToTag(toTagOrCount);
        return run(
                loader,
                jdbcUrl,
                user,
                password,
                new LiquibaseProject(List.of(searchRoot), changelogPath, parameters, contexts, null),
                stop);
    }

    private static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
