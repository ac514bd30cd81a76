package dev.migrate.autogen.fixpoint.citus;

import dev.migrate.annotations.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A small table every node holds: distributed tables point foreign keys at it. */
@Entity
@Table(name = "countries")
@ReferenceTable
public class Country {
    @Id
    String code;

    String name;
}
