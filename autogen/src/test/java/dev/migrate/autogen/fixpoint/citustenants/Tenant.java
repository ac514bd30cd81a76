package dev.migrate.autogen.fixpoint.citustenants;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The table the others colocate with, though its name sorts after theirs. */
@Entity
@Table(name = "tenants")
@Distributed(column = "id", shardCount = 8)
public class Tenant {
    @Id
    Long id;

    String name;
}
