package dev.migrate.citus.entities;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Colocated with its customer: its key includes the distribution column, and its foreign key is on it. */
@Entity
@Table(name = "orders")
@IdClass(OrderKey.class)
@Distributed(column = "customer_id", colocateWith = "customers")
public class CustomerOrder {
    @Id
    @Column(name = "customer_id")
    Long customerId;

    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "customer_id", insertable = false, updatable = false)
    Customer customer;

    @Column(precision = 10, scale = 2)
    BigDecimal total;
}
