package dev.migrate.autogen.fixpoint.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An element of a list collection table. */
@Embeddable
public class Phone {
    @Column(length = 10, nullable = false)
    String kind;

    @Column(length = 32, nullable = false)
    String number;
}
