package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "matrix_album")
public class Album extends Product {
    int tracks;
}
