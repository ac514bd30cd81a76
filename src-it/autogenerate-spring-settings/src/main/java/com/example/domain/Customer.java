package com.example.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Customer {
    @Id
    @GeneratedValue
    private Long id;

    private String firstName;

    private Instant createdAt;
}
