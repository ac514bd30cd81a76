package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity maps the type as an ordinal (Hibernate 7 writes {@code type smallint} with
 * {@code check (type between 0 and 1)}) where the live column holds names, and wants every vehicle named.
 */
@Entity
@Table(name = "vehicles")
public class Vehicle {
    @Id
    Long id;

    @Enumerated(EnumType.ORDINAL)
    VehicleType type;

    @Column(nullable = false, length = 100)
    String name;
}
