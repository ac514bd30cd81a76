package dev.migrate.citus.tenants;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Colocated with its tenant, a table whose name sorts before {@code tenants}. */
@Entity
@Table(name = "orders")
@IdClass(TenantKey.class)
@Distributed(column = "tenant_id", colocateWith = "tenants")
public class TenantOrder {
    @Id
    @Column(name = "tenant_id")
    Long tenantId;

    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "tenant_id", insertable = false, updatable = false)
    Tenant tenant;
}
