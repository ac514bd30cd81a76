package com.example.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "countries")
public class Country {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 2, nullable = false, unique = true)
    String code;

    @Column(length = 50, nullable = false)
    String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "region_code", nullable = false)
    Region region;
}
