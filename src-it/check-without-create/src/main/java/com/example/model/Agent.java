package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Matches what the migrations build. Its table comment is DDL the comparison cannot read without a
 * server, so the entity side is built on one: in a scratch schema, which this role may not create.
 */
@Entity
@Table(name = "agents", comment = "People who handle tasks")
public class Agent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;
}
