package com.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "invoices")
@Check(name = "invoices_valid_country", constraints = "valid_country(country)")
public class Invoice {
    @Id
    Long id;

    @Column(columnDefinition = "country_code")
    String country;

    @Column(length = 20)
    @ColumnDefault("gen_code()")
    String code;

    @Column(columnDefinition = "positive_amount")
    BigDecimal amount;
}
