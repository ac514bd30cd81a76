package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;

/** A table that has been in production for years, built by hand before migrations existed. */
@Entity
@Table(name = "customers", comment = "People who buy from us")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100, unique = true)
    String email;

    @Column(length = 200)
    String name;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    Instant createdAt;

    /** New in the application: the database has no such column yet. */
    @Column(length = 30)
    String phone;
}
