package dev.migrate.autogen.entity.springdata.reactive;

import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A Spring Data R2DBC entity: one table, an array of a simple type, an enum, a version and PostgreSQL's JSON. */
@Table("sensor_reading")
public class Reading {
    @Id
    public Long id;

    @Version
    public long version;

    public String sensor;

    @Column("measured")
    public BigDecimal value;

    public Instant takenAt;

    public UUID batch;

    public Status status;

    public List<String> tags;

    public byte[] raw;

    public Json detail;

    public boolean calibrated;

    /** Written by Spring Data as its name. */
    public enum Status {
        OK,
        SUSPECT
    }
}
