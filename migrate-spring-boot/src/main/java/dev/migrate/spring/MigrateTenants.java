package dev.migrate.spring;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tenants the starter migrates at startup, when the application knows them better than a
 * property can say: a schema per tenant on the migrated database, a {@code DataSource} per tenant,
 * or both. Defined as a bean, it takes the place of {@code migrate.tenants}.
 *
 * <pre>{@code
 * @Bean MigrateTenants tenants(TenantRegistry registry) {
 *     return MigrateTenants.dataSources(registry.dataSourcesByTenant());
 * }
 * }</pre>
 */
public interface MigrateTenants {
    /**
     * Tenant schemas on the migrated database: names, SQL LIKE patterns ({@code tenant_%}) or a
     * {@code query:} returning schema names, as {@code migrate.tenants} takes them; empty for none.
     */
    List<String> schemas();

    /** A DataSource per tenant, by the tenant's name; empty for none. */
    Map<String, DataSource> dataSources();

    /** Tenant schemas: {@code MigrateTenants.schemas(List.of("tenant_%"))}. */
    static MigrateTenants schemas(List<String> schemas) {
        List<String> copy = List.copyOf(schemas);
        return new MigrateTenants() {
            @Override
            public List<String> schemas() {
                return copy;
            }

            @Override
            public Map<String, DataSource> dataSources() {
                return Map.of();
            }
        };
    }

    /** A DataSource per tenant: {@code MigrateTenants.dataSources(Map.of("eu", eu, "us", us))}. */
    static MigrateTenants dataSources(Map<String, DataSource> byTenant) {
        Map<String, DataSource> copy = Map.copyOf(byTenant);
        return new MigrateTenants() {
            @Override
            public List<String> schemas() {
                return List.of();
            }

            @Override
            public Map<String, DataSource> dataSources() {
                return new java.util.TreeMap<>(copy);
            }
        };
    }
}
