package dev.migrate;

import dev.migrate.connection.DatabaseUrl;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.fleet.FleetEngine;
import dev.migrate.internal.fleet.Tenant;
import dev.migrate.internal.fleet.TenantSpec;
import dev.migrate.internal.runtime.session.ConnectionSource;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Migrates many tenants with one call: a schema per tenant in one database, a database per tenant,
 * or both, several at once on a bounded pool. Each tenant keeps its own version and history tables
 * (in its schema) and its own migration lock, and runs its migrations with its schema first on the
 * {@code search_path}; a tenant that fails stops nobody else unless told to.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder(Migrator.builder().url("postgresql://app:secret@db/app").packages("db.migrations"))
 *         .tenants("tenant_%")
 *         .parallel(8)
 *         .build();
 * FleetResult result = fleet.upgrade("head");
 * result.failed().forEach(t -> System.err.println(t.tenant() + ": " + t.error()));
 * }</pre>
 *
 * Building a fleet finds the migrations and validates the graph; it connects only when a command runs.
 */
public final class Fleet {
    private final FleetEngine fleet;

    private Fleet(FleetEngine fleet) {
        this.fleet = fleet;
    }

    /**
     * Starts a fleet over the migrations and settings of {@code migrators}; its database, if any,
     * is the fleet's unless {@link Builder#databases} names others:
     * {@code Fleet.builder(Migrator.builder().dataSource(ds)).tenants("tenant_%").build()}.
     *
     * @param migrators the migrations, settings, log and listener every tenant runs with; the schema
     *     setting places the version tables of a database per tenant, a tenant schema holds its own
     * @return a builder for the tenants and how they run
     */
    public static Builder builder(Migrator.Builder migrators) {
        return new Builder(Objects.requireNonNull(migrators, "migrators"));
    }

    /**
     * Upgrades every tenant to {@code target}; those already there are read in bulk and left alone
     * without taking their lock: {@code fleet.upgrade("head").succeeded()}.
     *
     * @param target as for {@link Migrator#upgrade}
     * @return one result per tenant; a failure is a result, not an exception
     * @throws MigrateException when the fleet cannot be resolved: an empty fleet, a database that cannot be reached
     */
    public FleetResult upgrade(String target) {
        return fleet.upgrade(target, () -> RevisionTarget.of(target));
    }

    /**
     * Upgrades every tenant to {@code target}, parsed where it was written, as {@link #upgrade(String)} does:
     * {@code fleet.upgrade(RevisionTarget.of("head"))}.
     */
    public FleetResult upgrade(RevisionTarget target) {
        return fleet.upgrade(target.text(), () -> target);
    }

    /**
     * Downgrades every tenant to {@code target}: {@code fleet.downgrade("-1")}.
     *
     * @param target as for {@link Migrator#downgrade}
     * @return one result per tenant
     */
    public FleetResult downgrade(String target) {
        return fleet.downgrade(target, () -> RevisionTarget.of(target));
    }

    /**
     * Downgrades every tenant to {@code target}, parsed where it was written, as {@link #downgrade(String)} does:
     * {@code fleet.downgrade(RevisionTarget.of("-1"))}.
     */
    public FleetResult downgrade(RevisionTarget target) {
        return fleet.downgrade(target.text(), () -> target);
    }

    /**
     * Sets every tenant's version table to {@code target} without running migrations:
     * {@code fleet.stamp("head", false)}.
     *
     * @param target as for {@link Migrator#stamp}
     * @param purge empty each version table first
     * @return one result per tenant
     */
    public FleetResult stamp(String target, boolean purge) {
        return stamp(RevisionTarget.of(target), purge);
    }

    /**
     * Stamps every tenant at {@code target}, parsed where it was written, as {@link #stamp(String, boolean)} does:
     * {@code fleet.stamp(RevisionTarget.of("head"), false)}.
     */
    public FleetResult stamp(RevisionTarget target, boolean purge) {
        return fleet.stamp(target, purge);
    }

    /**
     * Runs the contract phase of the online revision each tenant has in its expand phase:
     * {@code fleet.complete()}. A tenant with none is left unchanged.
     *
     * @return one result per tenant
     */
    public FleetResult complete() {
        return fleet.complete();
    }

    /**
     * Each tenant's current revisions, in the fleet's order, the tenant schemas of a database read in
     * a few queries, the tenant databases side by side on the fleet's threads ({@link Builder#parallel}):
     * {@code fleet.current().forEach((tenant, rows) -> System.out.println(tenant + " " + rows))}.
     *
     * @return tenant name to its version rows, empty at base
     */
    public Map<String, List<CurrentRevision>> current() {
        return fleet.current();
    }

    /**
     * Reads every tenant with {@code inspection}, as many groups at once as the fleet runs at once, each group
     * tenants of one database on a connection of their own (the tenant schemas of a database in groups of a
     * hundred at least, up to a group per thread), with the tenants' version rows read in bulk first; no lock is
     * taken and nothing is written, so a standby serves. The tenant schemas of a group can so be read with a few
     * catalog queries for all of them: {@code fleet.inspect((tenants, connection) -> Map.of())}.
     *
     * @param inspection what is read of a group of tenants of one database; it runs on the fleet's threads
     * @return each tenant's result by the tenant's name, in the fleet's order
     * @throws MigrateException when the fleet cannot be resolved, or with the first failure of
     *     {@code inspection}
     */
    public <T> Map<String, T> inspect(Inspection<T> inspection) {
        return fleet.inspect(Objects.requireNonNull(inspection, "inspection"));
    }

    /**
     * One tenant as {@link #inspect} hands it over.
     *
     * <pre>{@code
     * Map<String, Integer> revisions = fleet.inspect((tenants, connection) -> {
     *     Map<String, Integer> counts = new java.util.HashMap<>();
     *     for (Fleet.InspectedTenant tenant : tenants) {
     *         counts.put(tenant.name(), tenant.versions().size());
     *     }
     *     return counts;
     * });
     * }</pre>
     *
     * @param name how the summary names it: its schema, its database, or both
     * @param schema its schema, for a schema per tenant; null for a database of its own
     * @param versions its version rows as this build's graph names them, revisions no class defines
     *     included; empty at base
     */
    public record InspectedTenant(String name, @Nullable String schema, Set<String> versions) {
        /**
         * Keeps a copy of {@code versions}: {@code new Fleet.InspectedTenant("tenant_a", "tenant_a", java.util.Set.of("v2"))}.
         */
        public InspectedTenant {
            versions = Set.copyOf(versions);
        }
    }

    /**
     * What {@link #inspect} reads of a group of tenants of one database, on one connection, for all of them
     * at once:
     *
     * <pre>{@code
     * Fleet.Inspection<String> schemas = (tenants, connection) -> {
     *     Map<String, String> read = new java.util.HashMap<>();
     *     tenants.forEach(t -> read.put(t.name(), String.valueOf(t.schema())));
     *     return read;
     * };
     * Map<String, String> byTenant = fleet.inspect(schemas);
     * }</pre>
     *
     * @param <T> what it returns per tenant
     */
    @FunctionalInterface
    public interface Inspection<T> {
        /**
         * Reads a group of tenants of one database: tenant schemas of a shared database, or the one tenant
         * that is a database of its own: {@code fleet.inspect((tenants, connection) -> Map.of())}.
         *
         * @param tenants the tenants and their version rows
         * @param connection a connection to their database, closed afterwards
         * @return each tenant's result by its name, one for each of {@code tenants}
         * @throws SQLException a failure of the database
         */
        Map<String, T> inspect(List<InspectedTenant> tenants, Connection connection) throws SQLException;
    }

    /**
     * The tenants this fleet has now, resolved on its databases: {@code fleet.tenants().size()}.
     *
     * @return their names, in the fleet's order
     */
    public List<String> tenants() {
        return fleet.tenants(true).stream().map(Tenant::name).toList();
    }

    /**
     * Writes one upgrade script per tenant, naming each tenant's tables and setting its
     * {@code search_path}; needs no database, so the tenants must be named rather than matched:
     * {@code fleet.upgradeSql("head", tenant -> writer)}.
     *
     * @param range as for {@link Migrator#upgradeSql}
     * @param scripts gives the writer of a tenant's script, by the tenant's name; each is closed when written
     */
    public void upgradeSql(String range, Function<String, Writer> scripts) {
        upgradeSql(RevisionTarget.orRange(range), scripts);
    }

    /**
     * Writes one upgrade script per tenant, as {@link #upgradeSql(String, Function)} does:
     * {@code fleet.upgradeSql(RevisionTarget.orRange("head"), tenant -> writer)}.
     */
    public void upgradeSql(RevisionTarget range, Function<String, Writer> scripts) {
        fleet.script(scripts, (engine, out) -> engine.upgradeSql(range, out));
    }

    /**
     * Writes one downgrade script per tenant: {@code fleet.downgradeSql("head:-1", tenant -> writer)}.
     *
     * @param range as for {@link Migrator#downgradeSql}
     * @param scripts gives the writer of a tenant's script; each is closed when written
     */
    public void downgradeSql(String range, Function<String, Writer> scripts) {
        downgradeSql(RevisionTarget.orRange(range), scripts);
    }

    /**
     * Writes one downgrade script per tenant, as {@link #downgradeSql(String, Function)} does:
     * {@code fleet.downgradeSql(RevisionTarget.orRange("head:-1"), tenant -> writer)}.
     */
    public void downgradeSql(RevisionTarget range, Function<String, Writer> scripts) {
        fleet.script(scripts, (engine, out) -> engine.downgradeSql(range, out));
    }

    /**
     * Writes one stamp script per tenant: {@code fleet.stampSql("head", false, tenant -> writer)}.
     *
     * @param target as for {@link Migrator#stampSql}
     * @param purge empty each version table first
     * @param scripts gives the writer of a tenant's script; each is closed when written
     */
    public void stampSql(String target, boolean purge, Function<String, Writer> scripts) {
        stampSql(RevisionTarget.orRange(target), purge, scripts);
    }

    /**
     * Writes one stamp script per tenant, as {@link #stampSql(String, boolean, Function)} does:
     * {@code fleet.stampSql(RevisionTarget.of("head"), false, tenant -> writer)}.
     */
    public void stampSql(RevisionTarget target, boolean purge, Function<String, Writer> scripts) {
        fleet.script(scripts, (engine, out) -> engine.stampSql(target, purge, out));
    }

    /**
     * Writes one script per tenant of the contract phase of the online revision {@code target}:
     * {@code fleet.completeSql("head", tenant -> writer)}.
     *
     * @param target as for {@link Migrator#completeSql}
     * @param scripts gives the writer of a tenant's script; each is closed when written
     */
    public void completeSql(String target, Function<String, Writer> scripts) {
        completeSql(RevisionTarget.of(target), scripts);
    }

    /**
     * Writes one contract-phase script per tenant, as {@link #completeSql(String, Function)} does:
     * {@code fleet.completeSql(RevisionTarget.of("head"), tenant -> writer)}.
     */
    public void completeSql(RevisionTarget target, Function<String, Writer> scripts) {
        fleet.script(scripts, (engine, out) -> engine.completeSql(target, out));
    }

    /**
     * Configures a {@link Fleet}: {@code Fleet.builder(builder).databases(List.of("postgresql://db/t1", "postgresql://db/t2"))}.
     */
    public static final class Builder {
        private final Migrator.Builder migrators;
        private final List<Tenant.Database> databases = new ArrayList<>();
        private @Nullable TenantSpec tenants;
        private @Nullable Integer parallel;
        private boolean failFast;
        private int canary;

        private Builder(Migrator.Builder migrators) {
            this.migrators = migrators;
        }

        /**
         * A schema per tenant: names, SQL {@code LIKE} patterns (an entry with {@code %}) and a
         * {@code query:} whose rows name schemas (last, as it may hold commas); a schema named twice
         * runs once, and a named schema that does not exist yet is created by the upgrade:
         * {@code Fleet.builder(builder).tenants("tenant_%, audit")}.
         *
         * @param tenantSchemas comma-separated names, patterns and at most one query
         * @return this builder
         * @throws MigrateException when it names nothing
         */
        public Builder tenants(String tenantSchemas) {
            this.tenants = TenantSpec.parse(Objects.requireNonNull(tenantSchemas, "tenants"), migrators.fixes());
            return this;
        }

        /**
         * A schema per tenant, one entry each: {@code Fleet.builder(builder).tenants(List.of("tenant_a", "tenant_b"))}.
         *
         * @param tenantSchemas names, or {@code LIKE} patterns
         * @return this builder
         */
        public Builder tenants(List<String> tenantSchemas) {
            return tenants(String.join(",", tenantSchemas));
        }

        /**
         * A database per tenant, by URL as {@link Migrator.Builder#url(String)} takes it; one named twice
         * runs once. Combined with {@link #tenants(String)}, the tenant schemas of each:
         * {@code Fleet.builder(builder).databases(List.of("postgresql://db/t1", "postgresql://db/t2"), "app", null)}.
         *
         * @param urls the databases' URLs
         * @param user the user for URLs that name none; null for none
         * @param password the password for URLs that carry none; null for none
         * @return this builder
         */
        public Builder databases(List<String> urls, @Nullable String user, @Nullable String password) {
            String origin = migrators.fixes().settingWhere("databases", "");
            for (String url : urls) {
                DatabaseUrl parsed = DatabaseUrl.parse(Objects.requireNonNull(url, "url"), origin);
                databases.add(new Tenant.Database(
                        parsed.hosts() + "/" + parsed.database(),
                        ConnectionSource.of(
                                parsed,
                                parsed.user() != null ? parsed.user() : user,
                                parsed.password() != null ? parsed.password() : password,
                                origin,
                                migrators.credentialsProvider())));
            }
            return this;
        }

        /**
         * A database per tenant, by URL with its own credentials: {@code Fleet.builder(builder).databases(List.of("postgresql://app:secret@db/t1"))}.
         *
         * @param urls the databases' URLs
         * @return this builder
         */
        public Builder databases(List<String> urls) {
            return databases(urls, null, null);
        }

        /**
         * A database per tenant, as the application has them, by the tenant's name:
         * {@code Fleet.builder(builder).dataSources(Map.of("eu", ds, "us", dataSource))}.
         *
         * @param byTenant each tenant's DataSource by its name
         * @return this builder
         */
        public Builder dataSources(Map<String, DataSource> byTenant) {
            new LinkedHashMap<>(byTenant)
                    .forEach((name, ds) -> databases.add(new Tenant.Database(name, ConnectionSource.of(ds))));
            return this;
        }

        /**
         * How many tenants run at once; unset, the smaller of twice the machine's processors and a
         * quarter of the connections the server has free: {@code Fleet.builder(builder).parallel(8)}.
         *
         * @param tenantsAtOnce 1 or more; each running tenant holds two connections
         * @return this builder
         */
        public Builder parallel(int tenantsAtOnce) {
            if (tenantsAtOnce < 1) {
                throw new MigrateException("parallel must be 1 or more, not " + tenantsAtOnce + ".");
            }
            this.parallel = tenantsAtOnce;
            return this;
        }

        /**
         * Stops starting tenants after the first failure; those not started are reported as not run
         * (default false: every tenant runs): {@code Fleet.builder(builder).failFast(true)}.
         *
         * @param stop whether a failure stops the fleet
         * @return this builder
         */
        public Builder failFast(boolean stop) {
            this.failFast = stop;
            return this;
        }

        /**
         * Migrates the first {@code tenants} tenants first, and the others only if all of them
         * succeed: {@code Fleet.builder(builder).canary(1)}.
         *
         * @param tenantsFirst how many, 0 (the default) for none
         * @return this builder
         */
        public Builder canary(int tenantsFirst) {
            if (tenantsFirst < 0) {
                throw new MigrateException("canary must be 0 or more, not " + tenantsFirst + ".");
            }
            this.canary = tenantsFirst;
            return this;
        }

        /**
         * Finds the migrations and validates the graph; does not connect: {@code Fleet fleet = Fleet.builder(builder).build()}.
         *
         * @return the fleet
         * @throws MigrateException when no migration is found, or no database is given
         */
        public Fleet build() {
            Migrator.FleetParts parts = migrators.fleetParts();
            List<Tenant.Database> members = new ArrayList<>(databases);
            if (members.isEmpty() && parts.connections() != null) {
                members.add(new Tenant.Database(parts.connections().description(), parts.connections()));
            }
            if (members.isEmpty() && tenants != null) {
                members.add(new Tenant.Database("", null)); // named tenants serve offline SQL without one
            }
            if (members.isEmpty()) {
                throw new MigrateException("A fleet needs a database: "
                        + parts.engine().settings().fixes().fleetDatabase() + ".");
            }
            return new Fleet(new FleetEngine(parts.engine(), members, tenants, parallel, failFast, canary));
        }
    }
}
