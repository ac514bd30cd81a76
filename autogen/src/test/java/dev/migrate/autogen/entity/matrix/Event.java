package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import java.time.OffsetDateTime;

/** TABLE_PER_CLASS inheritance: no table of its own, a sequence shared by the subclasses' tables. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Event {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_ids")
    @SequenceGenerator(name = "event_ids", sequenceName = "matrix_event_seq")
    Long id;

    OffsetDateTime happenedAt;
}
