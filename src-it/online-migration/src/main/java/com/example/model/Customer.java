package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The new application calls the name the full name, and no longer keeps a fax number. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", nullable = false, length = 100)
    String fullName;
}
