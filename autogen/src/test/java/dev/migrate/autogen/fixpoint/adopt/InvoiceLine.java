package dev.migrate.autogen.fixpoint.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** A composite key that Hibernate orders by attribute name, while the hand-written table lists it the other way. */
@Entity
@Table(name = "invoice_lines")
@IdClass(InvoiceLine.Key.class)
public class InvoiceLine {
    @Id
    @Column(name = "invoice_id")
    Long invoiceId;

    @Id
    @Column(name = "line_no")
    Integer lineNo;

    @Column(precision = 10, scale = 2)
    BigDecimal amount;

    public record Key(Long invoiceId, Integer lineNo) implements Serializable {}
}
