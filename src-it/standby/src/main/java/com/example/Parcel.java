package com.example;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "parcels")
public class Parcel {
    @Id
    Long id;

    @Check(constraints = "weight > 0")
    Integer weight;
}
