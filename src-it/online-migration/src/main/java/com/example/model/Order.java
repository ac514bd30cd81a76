package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The new application keeps amounts with cents, and every order has a customer. */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    Long id;

    @Column(name = "customer_id", nullable = false)
    Long customerId;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal amount;

    String note;
}
