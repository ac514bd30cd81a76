package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** The entity the migrations build; change it and run migrate:autogenerate to write the next one. */
@Entity
@Table(name = "customers", indexes = @Index(name = "ix_customers_status", columnList = "status"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 200, unique = true)
    String email;

    @Column(nullable = false, length = 20)
    @ColumnDefault("'active'")
    String status;
}
