package dev.migrate.autogen.fixpoint.extra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Indexes with ordering and options, and an enum stored as a named PostgreSQL enum type. */
@Entity
@Table(
        name = "tickets",
        indexes = {
            @Index(name = "ix_tickets_recent", columnList = "opened desc, title"),
            @Index(name = "ix_tickets_open", columnList = "title", options = "where closed is null")
        })
public class Ticket {
    @Id
    Long id;

    @Column(length = 200)
    String title;

    java.time.LocalDateTime opened;

    java.time.LocalDateTime closed;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Severity severity;
}
