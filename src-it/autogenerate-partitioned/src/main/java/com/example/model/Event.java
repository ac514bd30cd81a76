package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Its key includes the partition column, as PostgreSQL requires; since the first migration, severity is new. */
@Entity
@Table(name = "events", indexes = @Index(name = "idx_events_device", columnList = "device_id, created_time desc"))
@IdClass(Event.Key.class)
public class Event {
    @Id
    Long id;

    @Id
    @Column(name = "created_time")
    Long createdTime;

    @Column(name = "device_id")
    UUID deviceId;

    String body;

    Integer severity;

    public static class Key implements Serializable {
        Long id;
        Long createdTime;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(id, k.id) && Objects.equals(createdTime, k.createdTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, createdTime);
        }
    }
}
