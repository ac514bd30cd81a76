package com.example.more;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table no revision creates yet, what every environment would have: compared only in the run that names its package. */
@Entity
@Table(name = "teams")
public class Team {
    @Id
    Long id;

    String name;
}
