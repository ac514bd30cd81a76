package com.example.legacy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity of another persistence unit: not among the packages application.properties names. */
@Entity
public class AuditEntry {
    @Id
    public Long id;
}
