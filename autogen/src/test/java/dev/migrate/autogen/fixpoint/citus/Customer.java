package dev.migrate.autogen.fixpoint.citus;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Distributed by its key, in a colocation group of its own of four shards. */
@Entity
@Table(name = "customers")
@Distributed(column = "id", shardCount = 4)
public class Customer {
    @Id
    Long id;

    String name;

    @ManyToOne
    @JoinColumn(name = "country")
    Country country;
}
