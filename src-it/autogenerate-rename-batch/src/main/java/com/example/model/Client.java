package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The migrations build customers(id, name); the entity now calls the table clients. */
@Entity
@Table(name = "clients")
public class Client {
    @Id
    Long id;

    @Column(nullable = false, length = 100)
    String name;
}
