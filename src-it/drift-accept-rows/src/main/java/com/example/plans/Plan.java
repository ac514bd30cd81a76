package com.example.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "plans")
public class Plan {
    @Id
    @Column(length = 20)
    String tier;

    @Column(precision = 8, scale = 2, nullable = false)
    BigDecimal price;

    @Column(length = 50)
    String label;
}
