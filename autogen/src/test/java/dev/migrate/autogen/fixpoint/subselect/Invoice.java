package dev.migrate.autogen.fixpoint.subselect;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    Long id;

    String customer;

    BigDecimal amount;
}
