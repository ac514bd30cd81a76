package com.example.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "regions")
public class Region {
    @Id
    @Column(length = 2)
    String code;

    @Column(length = 50, nullable = false)
    String name;
}
