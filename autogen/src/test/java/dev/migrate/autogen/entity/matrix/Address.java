package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    @Column(length = 120)
    String street;

    @Column(length = 80)
    String city;

    @Column(length = 12)
    String postcode;
}
