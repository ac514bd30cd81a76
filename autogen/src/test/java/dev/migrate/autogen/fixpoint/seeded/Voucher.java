package dev.migrate.autogen.fixpoint.seeded;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The provider's default generator table. */
@Entity
public class Voucher {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    Long id;
}
