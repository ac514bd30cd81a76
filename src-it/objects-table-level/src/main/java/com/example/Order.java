package com.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "orders")
public class Order {
    @Id
    Long id;

    @Column(name = "customer_id")
    Long customerId;

    @Column(length = 20)
    String status;

    @Column(precision = 10, scale = 2)
    BigDecimal total;

    String note;
}
