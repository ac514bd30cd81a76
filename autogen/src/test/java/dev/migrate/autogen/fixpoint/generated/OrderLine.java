package dev.migrate.autogen.fixpoint.generated;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

/** Hibernate writes {@code @GeneratedColumn} as {@code generated always as (...)}, VIRTUAL on PostgreSQL 18. */
@Entity
public class OrderLine {
    @Id
    Long id;

    Integer qty;

    @GeneratedColumn("qty * 2")
    Integer doubled;
}
