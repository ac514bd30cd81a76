package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Orders now reference their customer, and amounts fit numeric(5,2). */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Column(precision = 5, scale = 2)
    BigDecimal amount;
}
