package dev.migrate.autogen.fixpoint.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Mapped onto a table a Flyway script created by hand. */
@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoices")
    @SequenceGenerator(name = "invoices", sequenceName = "invoice_seq", initialValue = 1050, allocationSize = 50)
    Long id;

    @Column(columnDefinition = "text")
    String note;

    @Column(name = "created_at")
    LocalDateTime createdAt;

    @Column(length = 100)
    String customer;
}
