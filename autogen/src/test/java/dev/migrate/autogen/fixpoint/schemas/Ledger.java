package dev.migrate.autogen.fixpoint.schemas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Names the managed schema explicitly. */
@Entity
@Table(name = "ledgers", schema = "public")
public class Ledger {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;
}
