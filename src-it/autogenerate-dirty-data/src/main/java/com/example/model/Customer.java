package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity now wants every customer to have a short email and a unique code. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    Long id;

    @Column(nullable = false, length = 255)
    String email;

    @Column(length = 50, unique = true)
    String code;
}
