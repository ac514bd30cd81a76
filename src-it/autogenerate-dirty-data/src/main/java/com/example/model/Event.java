package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** 150,000 events: a new index on kind must not lock the table while it builds. */
@Entity
@Table(name = "events", indexes = @Index(name = "ix_events_kind", columnList = "kind"))
public class Event {
    @Id
    Long id;

    @Column(nullable = false, length = 20)
    String kind;
}
