package dev.migrate.autogen.fixpoint.schemas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Lives in a schema of its own, with a sequence there and a foreign key into the managed schema. */
@Entity
@Table(
        name = "audit_entries",
        schema = "audit",
        indexes = @Index(name = "ix_audit_entries_action", columnList = "action"))
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    @SequenceGenerator(name = "audit_seq", schema = "audit", sequenceName = "audit_entry_seq", allocationSize = 20)
    Long id;

    String action;

    @ManyToOne
    Ledger ledger;
}
