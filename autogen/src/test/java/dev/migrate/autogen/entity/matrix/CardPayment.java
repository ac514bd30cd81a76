package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {
    @Column(length = 4)
    String lastDigits;
}
