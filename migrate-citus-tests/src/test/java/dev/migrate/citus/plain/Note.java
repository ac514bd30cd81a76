package dev.migrate.citus.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity that says nothing of Citus. */
@Entity
@Table(name = "notes")
public class Note {
    @Id
    Long id;

    String body;
}
