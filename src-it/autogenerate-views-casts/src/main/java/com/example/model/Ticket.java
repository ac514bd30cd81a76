package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "tickets", indexes = {
        @Index(name = "ix_tickets_recent", columnList = "opened desc, title"),
        @Index(name = "ix_tickets_open", columnList = "title", options = "where closed is null")
})
public class Ticket {
    public enum Severity { LOW, HIGH }

    @Id
    Long id;

    @Column(length = 200)
    String title;

    LocalDateTime opened;

    LocalDateTime closed;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Severity severity;
}
