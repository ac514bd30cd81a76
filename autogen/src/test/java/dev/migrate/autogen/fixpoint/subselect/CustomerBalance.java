package dev.migrate.autogen.fixpoint.subselect;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/** Read through a query of its own: Hibernate makes no table for it, and neither does a comparison. */
@Entity
@Immutable
@Subselect("select customer, sum(amount) as balance from invoices group by customer")
@Synchronize("invoices")
public class CustomerBalance {
    @Id
    String customer;

    BigDecimal balance;
}
