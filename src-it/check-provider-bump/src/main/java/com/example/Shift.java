package com.example;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalTime;

@Entity
public class Shift {
    @Id
    Long id;

    String name;

    /** Hibernate 6 writes time, Hibernate 7 time(0): a bump alone changes the DDL. */
    LocalTime startsAt;
}
