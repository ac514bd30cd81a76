package dev.migrate.autogen.fixpoint.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded twice in {@link Customer} (once with overridden column names). */
@Embeddable
public class Address {
    @Column(length = 120)
    String street;

    @Column(length = 80, nullable = false)
    String city;

    @Column(length = 2)
    String country;
}
