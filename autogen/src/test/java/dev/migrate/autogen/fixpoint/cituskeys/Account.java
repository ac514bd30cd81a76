package dev.migrate.autogen.fixpoint.cituskeys;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Distributed by a column its primary key leaves out: Citus refuses it. */
@Entity
@Table(name = "accounts")
@Distributed(column = "tenant_id")
public class Account {
    @Id
    Long id;

    @Column(name = "tenant_id", nullable = false)
    Long tenantId;
}
