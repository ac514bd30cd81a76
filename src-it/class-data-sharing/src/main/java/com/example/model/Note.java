package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One entity: enough for autogenerate to load what the goals of the other projects load. */
@Entity
public class Note {
    @Id
    Long id;

    @Column(nullable = false, length = 200)
    String title;
}
