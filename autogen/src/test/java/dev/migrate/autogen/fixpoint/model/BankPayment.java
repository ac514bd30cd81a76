package dev.migrate.autogen.fixpoint.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "bank_payments")
public class BankPayment extends Payment {
    @Column(length = 34, nullable = false)
    String iban;
}
