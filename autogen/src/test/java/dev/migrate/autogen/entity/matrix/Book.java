package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "matrix_book")
public class Book extends Product {
    @Column(length = 17, unique = true)
    String isbn;
}
