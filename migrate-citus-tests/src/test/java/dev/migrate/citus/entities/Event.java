package dev.migrate.citus.entities;

import dev.migrate.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** Distributed by device in a colocation group of its own, with Citus's default shard count; no foreign key. */
@Entity
@Table(name = "events")
@IdClass(EventKey.class)
@Distributed(column = "device_id")
public class Event {
    @Id
    @Column(name = "device_id")
    Long deviceId;

    @Id
    Instant at;

    String kind;
}
