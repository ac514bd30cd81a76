package dev.migrate.autogen.entity.simple;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
public class Task {
    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Agent agent;

    BigDecimal cost;

    Instant createdAt;
}
