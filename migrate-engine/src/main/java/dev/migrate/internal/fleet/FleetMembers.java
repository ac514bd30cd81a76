package dev.migrate.internal.fleet;

import dev.migrate.MigrateException;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.text.Fixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who is in a fleet: each database once, and on each the schemas the tenants setting names or
 * matches, each once. A fleet of nobody is an error that names the setting.
 */
public final class FleetMembers {
    private FleetMembers() {}

    /**
     * The tenants of {@code databases} (each once, by name): the databases themselves when
     * {@code spec} is null, else the schemas {@code spec} names or matches on each.
     *
     * @param online whether patterns and queries may be asked of the databases; offline, only names do
     * @param fixes how the messages name the settings
     */
    public static List<Tenant> resolve(
            List<Tenant.Database> databases, @Nullable TenantSpec spec, boolean online, Fixes fixes) {
        Map<String, Tenant.Database> unique = new LinkedHashMap<>();
        databases.forEach(d -> unique.putIfAbsent(d.name(), d));
        List<Tenant> tenants = new ArrayList<>();
        for (Tenant.Database database : unique.values()) {
            if (spec == null) {
                tenants.add(new Tenant(database.name(), database, null));
                continue;
            }
            for (String schema : schemas(database, spec, online, fixes)) {
                tenants.add(new Tenant(unique.size() == 1 ? schema : database.name() + "/" + schema, database, schema));
            }
        }
        if (tenants.isEmpty() && spec == null) {
            throw new MigrateException("The fleet is empty: no database was given. Set "
                    + fixes.settingWhere("databases", "-Dmigrate.databases or <databases> in Maven")
                    + " to URLs, or @file with one URL a line.");
        }
        if (tenants.isEmpty() && spec != null) {
            throw new MigrateException(
                    "The fleet is empty: the tenants '" + spec.text() + "' match no schema on "
                            + describe(unique.values()) + ". Check " + TenantSpec.setting(fixes)
                            + ", where an entry with % is a SQL "
                            + "LIKE pattern and query: runs SQL that returns schema names, or create the tenant schemas first.");
        }
        return tenants;
    }

    private static String describe(java.util.Collection<Tenant.Database> databases) {
        return databases.size() == 1
                ? databases.iterator().next().online().description()
                : databases.size() + " databases";
    }

    private static Set<String> schemas(Tenant.Database database, TenantSpec spec, boolean online, Fixes fixes) {
        Set<String> schemas = new LinkedHashSet<>(spec.names());
        if (spec.namesOnly()) {
            return schemas;
        }
        if (!online) {
            throw new MigrateException("Offline SQL needs the tenants by name, and '" + spec.text() + "' has "
                    + (spec.query() != null ? "a query" : "a pattern") + " that only a database can answer. Name "
                    + "the tenant schemas in " + TenantSpec.setting(fixes) + ", or run against the database.");
        }
        try (Connection c = database.online().open()) {
            Set<String> found = new TreeSet<>();
            if (!spec.patterns().isEmpty()) {
                // the schemas of views of online revisions (<tenant>_<revision>) are no tenants
                try (PreparedStatement s = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname LIKE "
                        + "ANY (?) AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' AND "
                        + PostgresDialect.notViewsOfARevision())) {
                    s.setArray(1, c.createArrayOf("text", spec.patterns().toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            if (spec.query() != null) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(spec.query())) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name != null && !name.isBlank()) {
                            found.add(name.trim());
                        }
                    }
                } catch (SQLException e) {
                    throw new MigrateException(
                            "The tenants query of " + TenantSpec.setting(fixes) + " failed on "
                                    + database.online().description() + ": " + e.getMessage()
                                    + ". Fix the SQL after "
                                    + "query: so that its first column is the tenant schema's name.",
                            e);
                }
            }
            schemas.addAll(found);
            return schemas;
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not list the tenant schemas on " + database.online().description() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * How many tenants run at once unless told: the smaller of twice the machine's processors and a
     * quarter of the connections the server has free ({@code max_connections}, less those reserved
     * for superusers and those in use), at least one. Each tenant's run holds two connections (its
     * lock's and its steps'), so the fleet takes at most half of what is free.
     */
    public static int defaultParallel(Tenant.Database database, Fixes fixes) {
        int cpus = 2 * Runtime.getRuntime().availableProcessors();
        try (Connection c = database.online().open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int"
                        + " - current_setting('superuser_reserved_connections')::int"
                        + " - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")) {
            rs.next();
            return Math.max(1, Math.min(cpus, rs.getInt(1) / 4));
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read max_connections on "
                            + database.online().description()
                            + " to size the fleet's pool: " + e.getMessage() + ". Set "
                            + fixes.settingWhere("parallel", "-Dmigrate.parallel=N") + " to choose it yourself.",
                    e);
        }
    }
}
