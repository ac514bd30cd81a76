package dev.migrate.autogen.fixpoint.seeded;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** A generator table in a schema of its own. */
@Entity
@Table(name = "ledgers", schema = "books")
public class Ledger {
    @Id
    @TableGenerator(name = "ledger_ids", schema = "books", table = "ledger_ids", pkColumnValue = "ledger")
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ledger_ids")
    Long id;
}
