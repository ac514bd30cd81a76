package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

/** The adopted table as the application maps it: its enum as varchar, with the check Hibernate writes for it. */
@Entity
@Table(name = "vehicles")
@Check(name = "price_positive", constraints = "price > 0")
public class Vehicle {
    public enum Kind {
        CAR,
        TRUCK
    }

    @Id
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Kind kind;

    // the one difference: the database allows a vehicle without a price
    @Column(precision = 10, scale = 2, nullable = false)
    BigDecimal price;
}
