package com.example.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

@Entity
@Table(name = "orders")
public class Order {
    @Id
    Long id;

    @Column(length = 100)
    String customer;

    @Column(precision = 12, scale = 2)
    BigDecimal total;

    @Column(length = 20)
    String status;

    @Column(name = "updated_at")
    LocalDateTime updatedAt;
}
