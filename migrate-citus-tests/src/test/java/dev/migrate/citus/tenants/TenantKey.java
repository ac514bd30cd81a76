package dev.migrate.citus.tenants;

import java.io.Serializable;
import java.util.Objects;

/** The key of a tenant's row: the tenant, the distribution column, and the row's own number. */
public class TenantKey implements Serializable {
    private static final long serialVersionUID = 1L;

    Long tenantId;
    Long id;

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
